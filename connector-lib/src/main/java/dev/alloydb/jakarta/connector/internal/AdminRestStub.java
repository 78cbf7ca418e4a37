package dev.alloydb.jakarta.connector.internal;

import com.google.api.gax.core.BackgroundResource;
import com.google.api.gax.core.BackgroundResourceAggregation;
import com.google.api.gax.httpjson.ApiMethodDescriptor;
import com.google.api.gax.httpjson.HttpJsonCallSettings;
import com.google.api.gax.httpjson.HttpJsonCallableFactory;
import com.google.api.gax.httpjson.ProtoMessageRequestFormatter;
import com.google.api.gax.httpjson.ProtoMessageResponseParser;
import com.google.api.gax.httpjson.ProtoRestSerializer;
import com.google.api.gax.rpc.ClientContext;
import com.google.api.gax.rpc.RequestParamsBuilder;
import com.google.api.gax.rpc.UnaryCallable;
import com.google.cloud.alloydb.v1alpha.ConnectionInfo;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateRequest;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateResponse;
import com.google.cloud.alloydb.v1alpha.GetConnectionInfoRequest;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The two Admin API methods the connector calls, GetConnectionInfo and GenerateClientCertificate, as gax-httpjson
 * callables built with {@link AdminStubSettings} (google-cloud-alloydb's defaults for the two) and
 * google-cloud-alloydb's messages.
 *
 * <p>google-cloud-alloydb's generated {@code HttpJsonAlloyDBAdminStub} describes every method of the API (about 60,
 * each with its formatter, parser and extractors) in its static initialiser: in a new JVM that is, after protobuf's
 * own descriptors, the longest step before the first Admin API call. This stub describes the two the connector
 * uses, with the REST bindings of {@code google.cloud.alloydb.v1alpha.AlloyDBAdmin} (service.proto's
 * {@code google.api.http} options), the same query parameters and request-params header as the generated one.
 */
final class AdminRestStub implements AutoCloseable {
  private static final String ALT = "$alt";
  private static final String JSON_WITH_INT_ENUMS = "json;enum-encoding=int";

  private static final ApiMethodDescriptor<GetConnectionInfoRequest, ConnectionInfo> GET_CONNECTION_INFO =
      ApiMethodDescriptor.<GetConnectionInfoRequest, ConnectionInfo>newBuilder()
          .setFullMethodName("google.cloud.alloydb.v1alpha.AlloyDBAdmin/GetConnectionInfo")
          .setHttpMethod("GET")
          .setType(ApiMethodDescriptor.MethodType.UNARY)
          .setRequestFormatter(ProtoMessageRequestFormatter.<GetConnectionInfoRequest>newBuilder()
              .setPath("/v1alpha/{parent=projects/*/locations/*/clusters/*/instances/*}/connectionInfo",
                  request -> pathParent(request.getParent()))
              .setQueryParamsExtractor(request -> jsonQuery(Map.of("requestId", request.getRequestId())))
              .setRequestBodyExtractor(request -> null)
              .build())
          .setResponseParser(parser(ConnectionInfo.getDefaultInstance()))
          .build();

  private static final ApiMethodDescriptor<GenerateClientCertificateRequest, GenerateClientCertificateResponse>
      GENERATE_CLIENT_CERTIFICATE =
      ApiMethodDescriptor.<GenerateClientCertificateRequest, GenerateClientCertificateResponse>newBuilder()
          .setFullMethodName("google.cloud.alloydb.v1alpha.AlloyDBAdmin/GenerateClientCertificate")
          .setHttpMethod("POST")
          .setType(ApiMethodDescriptor.MethodType.UNARY)
          .setRequestFormatter(ProtoMessageRequestFormatter.<GenerateClientCertificateRequest>newBuilder()
              .setPath("/v1alpha/{parent=projects/*/locations/*/clusters/*}:generateClientCertificate",
                  request -> pathParent(request.getParent()))
              .setQueryParamsExtractor(request -> jsonQuery(Map.of()))
              .setRequestBodyExtractor(request -> ProtoRestSerializer.create()
                  .toBody("*", request.toBuilder().clearParent().build(), true))
              .build())
          .setResponseParser(parser(GenerateClientCertificateResponse.getDefaultInstance()))
          .build();

  private final UnaryCallable<GetConnectionInfoRequest, ConnectionInfo> getConnectionInfo;
  private final UnaryCallable<GenerateClientCertificateRequest, GenerateClientCertificateResponse>
      generateClientCertificate;
  private final BackgroundResource resources;

  AdminRestStub(AdminStubSettings settings, ClientContext context) {
    this.getConnectionInfo = HttpJsonCallableFactory.createUnaryCallable(
        callSettings(GET_CONNECTION_INFO, GetConnectionInfoRequest::getParent),
        settings.getConnectionInfoSettings(), context);
    this.generateClientCertificate = HttpJsonCallableFactory.createUnaryCallable(
        callSettings(GENERATE_CLIENT_CERTIFICATE, GenerateClientCertificateRequest::getParent),
        settings.generateClientCertificateSettings(), context);
    this.resources = new BackgroundResourceAggregation(context.getBackgroundResources());
  }

  UnaryCallable<GetConnectionInfoRequest, ConnectionInfo> getConnectionInfoCallable() {
    return getConnectionInfo;
  }

  UnaryCallable<GenerateClientCertificateRequest, GenerateClientCertificateResponse>
      generateClientCertificateCallable() {
    return generateClientCertificate;
  }

  private static <T extends Message> Map<String, String> pathParent(String parent) {
    Map<String, String> fields = new HashMap<>();
    ProtoRestSerializer.<T>create().putPathParam(fields, "parent", parent);
    return fields;
  }

  /** The request's own query parameters, then the answer format both methods ask for (JSON, enums as numbers). */
  private static Map<String, List<String>> jsonQuery(Map<String, Object> params) {
    Map<String, List<String>> fields = new HashMap<>();
    ProtoRestSerializer<Message> serializer = ProtoRestSerializer.create();
    params.forEach((name, value) -> serializer.putQueryParam(fields, name, value));
    serializer.putQueryParam(fields, ALT, JSON_WITH_INT_ENUMS);
    return fields;
  }

  private static <T extends Message> ProtoMessageResponseParser<T> parser(T defaultInstance) {
    return ProtoMessageResponseParser.<T>newBuilder()
        .setDefaultInstance(defaultInstance)
        .setDefaultTypeRegistry(TypeRegistry.getEmptyTypeRegistry())
        .build();
  }

  /** Both methods name their resource in {@code parent}, which routes the call (x-goog-request-params). */
  private static <Q, R> HttpJsonCallSettings<Q, R> callSettings(ApiMethodDescriptor<Q, R> method,
      Function<Q, String> parent) {
    return HttpJsonCallSettings.<Q, R>newBuilder()
        .setMethodDescriptor(method)
        .setTypeRegistry(TypeRegistry.getEmptyTypeRegistry())
        .setParamsExtractor(request -> {
          RequestParamsBuilder params = RequestParamsBuilder.create();
          params.add("parent", String.valueOf(parent.apply(request)));
          return params.build();
        })
        .build();
  }

  /** Shuts the client context's transport and executors down (what the generated stub's close does). */
  @Override
  public void close() {
    resources.shutdown();
  }
}
