package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.httpjson.ApiMethodDescriptor;
import com.google.api.gax.httpjson.HttpRequestFormatter;
import com.google.cloud.alloydb.v1alpha.ConnectionInfo;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateRequest;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateResponse;
import com.google.cloud.alloydb.v1alpha.GetConnectionInfoRequest;
import com.google.cloud.alloydb.v1alpha.stub.HttpJsonAlloyDBAdminStub;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link AdminRestStub} sends and reads what google-cloud-alloydb's generated stub does for the two methods: same
 * HTTP method, path, query parameters and body for the same request, same message from the same answer. The generated
 * stub is the reference the Admin API's REST bindings are generated into; it is loaded here, never by the connector.
 */
class AdminRestStubTest {
  private static final String INSTANCE = "projects/p/locations/us-central1/clusters/c/instances/i";
  private static final String CLUSTER = "projects/p/locations/us-central1/clusters/c";

  @Test
  void getConnectionInfoIsTheGeneratedStubsRequest() throws Exception {
    GetConnectionInfoRequest request = GetConnectionInfoRequest.newBuilder().setParent(INSTANCE)
        .setRequestId("req-1").build();
    ApiMethodDescriptor<GetConnectionInfoRequest, ConnectionInfo> ours = ours("GET_CONNECTION_INFO");

    assertSameRequest(ours, generated(ours.getFullMethodName()), request);
    assertThat(ours.getRequestFormatter().getPath(request)).isEqualTo("v1alpha/" + INSTANCE + "/connectionInfo");
  }

  @Test
  void generateClientCertificateIsTheGeneratedStubsRequest() throws Exception {
    GenerateClientCertificateRequest request = GenerateClientCertificateRequest.newBuilder().setParent(CLUSTER)
        .setPublicKey("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
        .setCertDuration(Duration.newBuilder().setSeconds(3600)).setUseMetadataExchange(true).build();
    ApiMethodDescriptor<GenerateClientCertificateRequest, GenerateClientCertificateResponse> ours =
        ours("GENERATE_CLIENT_CERTIFICATE");

    assertSameRequest(ours, generated(ours.getFullMethodName()), request);
    assertThat(ours.getRequestFormatter().getRequestBody(request)).contains("useMetadataExchange").doesNotContain(CLUSTER);
  }

  @Test
  void answersParseAsTheGeneratedStubParsesThem() throws Exception {
    String info = "{\"name\":\"" + INSTANCE + "/connectionInfo\",\"ipAddress\":\"10.0.0.2\","
        + "\"publicIpAddress\":\"34.1.2.3\",\"pscDnsName\":\"x.alloydb.goog\",\"instanceUid\":\"uid-1\","
        + "\"someFieldFromANewerApi\":1}";
    String cert = "{\"pemCertificateChain\":[\"a\",\"b\"],\"caCert\":\"c\"}";
    ApiMethodDescriptor<GetConnectionInfoRequest, ConnectionInfo> infoMethod = ours("GET_CONNECTION_INFO");
    ApiMethodDescriptor<GenerateClientCertificateRequest, GenerateClientCertificateResponse> certMethod =
        ours("GENERATE_CLIENT_CERTIFICATE");

    ConnectionInfo parsed = parse(infoMethod, info);
    assertThat(parsed).isEqualTo(parse(generated(infoMethod.getFullMethodName()), info));
    assertThat(parsed.getPublicIpAddress()).isEqualTo("34.1.2.3");
    assertThat(parse(certMethod, cert)).isEqualTo(parse(generated(certMethod.getFullMethodName()), cert))
        .extracting(GenerateClientCertificateResponse::getPemCertificateChainCount).isEqualTo(2);
  }

  private static <Q> void assertSameRequest(ApiMethodDescriptor<Q, ?> ours, ApiMethodDescriptor<Q, ?> generated,
      Q request) {
    HttpRequestFormatter<Q> a = ours.getRequestFormatter();
    HttpRequestFormatter<Q> b = generated.getRequestFormatter();
    assertThat(ours.getHttpMethod()).isEqualTo(generated.getHttpMethod());
    assertThat(ours.getType()).isEqualTo(generated.getType());
    assertThat(a.getPathTemplate().toString()).isEqualTo(b.getPathTemplate().toString());
    assertThat(a.getPath(request)).isEqualTo(b.getPath(request));
    assertThat(a.getQueryParamNames(request)).isEqualTo(b.getQueryParamNames(request));
    assertThat(a.getRequestBody(request)).isEqualTo(b.getRequestBody(request));
  }

  @SuppressWarnings("unchecked")
  private static <Q, R> ApiMethodDescriptor<Q, R> ours(String field) throws ReflectiveOperationException {
    Field descriptor = AdminRestStub.class.getDeclaredField(field);
    descriptor.setAccessible(true);
    return (ApiMethodDescriptor<Q, R>) descriptor.get(null);
  }

  @SuppressWarnings("unchecked")
  private static <Q, R> ApiMethodDescriptor<Q, R> generated(String fullMethodName) {
    return HttpJsonAlloyDBAdminStub.getMethodDescriptors().stream()
        .filter(method -> method.getFullMethodName().equals(fullMethodName))
        .map(method -> (ApiMethodDescriptor<Q, R>) method)
        .findFirst().orElseThrow();
  }

  private static <R extends Message> R parse(ApiMethodDescriptor<?, R> method, String json) {
    return method.getResponseParser().parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
