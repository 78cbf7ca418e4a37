package dev.alloydb.jakarta.emulator;

import com.google.cloud.alloydb.v1alpha.AlloyDBAdminGrpc;
import com.google.cloud.alloydb.v1alpha.ConnectionInfo;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateRequest;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateResponse;
import com.google.cloud.alloydb.v1alpha.GetConnectionInfoRequest;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;

/** The v1alpha {@code AlloyDBAdmin} gRPC service; unimplemented RPCs answer UNIMPLEMENTED (the base class default). */
final class AdminGrpcService extends AlloyDBAdminGrpc.AlloyDBAdminImplBase {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> USER_AGENT =
      Metadata.Key.of("user-agent", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> USER_PROJECT =
      Metadata.Key.of("x-goog-user-project", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<String> BEARER = Context.key("bearer");
  private static final Context.Key<String> AGENT = Context.key("user-agent");
  private static final Context.Key<String> PROJECT = Context.key("x-goog-user-project");

  private final AdminBackend backend;
  private final AdminTransport transport;

  AdminGrpcService(AdminBackend backend, AdminTransport transport) {
    this.backend = backend;
    this.transport = transport;
  }

  /** Moves the bearer token and user agent from the headers into the call's context. */
  static ServerInterceptor headers() {
    return new ServerInterceptor() {
      @Override
      public <Q, A> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        String auth = headers.get(AUTHORIZATION);
        String bearer = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : "";
        String agent = headers.get(USER_AGENT);
        Context ctx = Context.current()
            .withValue(BEARER, bearer)
            .withValue(AGENT, agent)
            .withValue(PROJECT, headers.get(USER_PROJECT));
        return Contexts.interceptCall(ctx, call, headers, next);
      }
    };
  }

  @Override
  public void getConnectionInfo(GetConnectionInfoRequest request, StreamObserver<ConnectionInfo> response) {
    try {
      response.onNext(backend.getConnectionInfo(request, caller()));
      response.onCompleted();
    } catch (AdminException e) {
      response.onError(Status.fromCode(e.code()).withDescription(e.getMessage()).asRuntimeException());
    }
  }

  @Override
  public void generateClientCertificate(
      GenerateClientCertificateRequest request, StreamObserver<GenerateClientCertificateResponse> response) {
    try {
      response.onNext(backend.generateClientCertificate(request, caller()));
      response.onCompleted();
    } catch (AdminException e) {
      response.onError(Status.fromCode(e.code()).withDescription(e.getMessage()).asRuntimeException());
    }
  }

  private Caller caller() {
    return new Caller(BEARER.get(), transport, AGENT.get(), PROJECT.get());
  }
}
