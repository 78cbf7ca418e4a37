package dev.alloydb.jakarta.emulator;

import com.google.protobuf.Message;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

/**
 * The {@code AlloyDBAdmin} gRPC service of one {@link AdminApiVersion}: {@code GetConnectionInfo} and
 * {@code GenerateClientCertificate}, over the shared {@link AdminBackend}. Other RPCs answer UNIMPLEMENTED.
 */
final class AdminGrpcService {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> USER_AGENT =
      Metadata.Key.of("user-agent", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> USER_PROJECT =
      Metadata.Key.of("x-goog-user-project", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<String> BEARER = Context.key("bearer");
  private static final Context.Key<String> AGENT = Context.key("user-agent");
  private static final Context.Key<String> PROJECT = Context.key("x-goog-user-project");

  /** One RPC of the backend, on the model's messages of a version. */
  @FunctionalInterface
  private interface Rpc {
    Message call(Message request, Caller caller) throws AdminException;
  }

  private AdminGrpcService() {
  }

  /** The service of {@code version}, reading the caller from the request headers. */
  static ServerServiceDefinition of(AdminApiVersion version, AdminBackend backend, AdminTransport transport) {
    ServerServiceDefinition service = ServerServiceDefinition.builder(version.grpcService())
        .addMethod(method(version, "GetConnectionInfo", version.infoRequestPrototype(), version.infoPrototype()),
            handler(version, transport, (request, caller) ->
                version.info(backend.getConnectionInfo(version.infoRequest(request), caller))))
        .addMethod(method(version, "GenerateClientCertificate", version.certificateRequestPrototype(),
                version.certificateResponsePrototype()),
            handler(version, transport, (request, caller) -> version.certificateResponse(
                backend.generateClientCertificate(version.certificateRequest(request), caller))))
        .build();
    return ServerInterceptors.intercept(service, headers());
  }

  private static MethodDescriptor<Message, Message> method(AdminApiVersion version, String name, Message request,
      Message response) {
    return MethodDescriptor.<Message, Message>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(version.grpcService(), name))
        .setRequestMarshaller(ProtoUtils.marshaller(request))
        .setResponseMarshaller(ProtoUtils.marshaller(response))
        .build();
  }

  private static ServerCallHandler<Message, Message> handler(AdminApiVersion version, AdminTransport transport,
      Rpc rpc) {
    return ServerCalls.asyncUnaryCall((Message request, StreamObserver<Message> response) -> {
      try {
        response.onNext(rpc.call(request,
            new Caller(BEARER.get(), transport, version, AGENT.get(), PROJECT.get())));
        response.onCompleted();
      } catch (AdminException e) {
        response.onError(Status.fromCode(e.code()).withDescription(e.getMessage()).asRuntimeException());
      }
    });
  }

  /** Moves the bearer token, user agent and quota project from the headers into the call's context. */
  private static ServerInterceptor headers() {
    return new ServerInterceptor() {
      @Override
      public <Q, A> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        String auth = headers.get(AUTHORIZATION);
        String bearer = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : "";
        Context ctx = Context.current()
            .withValue(BEARER, bearer)
            .withValue(AGENT, headers.get(USER_AGENT))
            .withValue(PROJECT, headers.get(USER_PROJECT));
        return Contexts.interceptCall(ctx, call, headers, next);
      }
    };
  }
}
