package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.gax.core.BackgroundResource;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.rpc.ClientContext;
import com.google.api.gax.rpc.HeaderProvider;
import com.google.api.gax.rpc.StatusCode;
import com.google.api.gax.rpc.StubSettings;
import com.google.cloud.alloydb.v1alpha.stub.AlloyDBAdminStubSettings;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link AdminStubSettings} carries google-cloud-alloydb's defaults for the two methods: the generated
 * {@code AlloyDBAdminStubSettings} is the reference (loaded here, never by the connector).
 */
class AdminStubSettingsTest {
  private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(17);

  @Test
  void bothMethodsRetryWhatTheGeneratedSettingsRetryAtMostTwiceWithinTheRefreshTimeout() {
    AlloyDBAdminStubSettings.Builder generated = AlloyDBAdminStubSettings.newHttpJsonBuilder();
    AdminStubSettings ours = AdminStubSettings.newBuilder(REFRESH_TIMEOUT).build();

    assertThat(ours.getConnectionInfoSettings().getRetryableCodes())
        .isEqualTo(generated.getConnectionInfoSettings().getRetryableCodes())
        .containsExactly(StatusCode.Code.UNAVAILABLE);
    assertThat(ours.generateClientCertificateSettings().getRetryableCodes())
        .isEqualTo(generated.generateClientCertificateSettings().getRetryableCodes());
    for (var retries : List.of(ours.getConnectionInfoSettings().getRetrySettings(),
        ours.generateClientCertificateSettings().getRetrySettings())) {
      assertThat(retries.getMaxAttempts()).isEqualTo(2);
      assertThat(retries.getTotalTimeoutDuration()).isEqualTo(REFRESH_TIMEOUT);
      assertThat(retries.getInitialRetryDelayDuration()).isEqualTo(Duration.ofSeconds(1));
      assertThat(retries.getInitialRpcTimeoutDuration()).as("no per-attempt deadline").isZero();
      assertThat(retries.isJittered()).isEqualTo(generated.getConnectionInfoSettings().getRetrySettings()
          .isJittered());
    }
  }

  @Test
  void theClientLibraryHeaderAndTheEndpointAreTheGeneratedSettings() throws Exception {
    StubSettings<?> generatedSettings = prepared(AlloyDBAdminStubSettings.newHttpJsonBuilder()).build();
    StubSettings<?> ourSettings = prepared(AdminStubSettings.newBuilder(REFRESH_TIMEOUT)).build();
    assertThat(internalHeaders(ourSettings)).isEqualTo(internalHeaders(generatedSettings))
        .containsKey("x-goog-api-client");
    assertThat(internalHeaders(ourSettings).get("x-goog-api-client")).contains("gapic/").contains("rest/");
    assertThat(ourSettings.getMtlsEndpoint()).isEqualTo(generatedSettings.getMtlsEndpoint());

    ClientContext generated = ClientContext.create(generatedSettings);
    ClientContext ours = ClientContext.create(ourSettings);
    try {
      assertThat(ours.getEndpoint()).as("the endpoint composed from the service name and the universe domain")
          .isEqualTo(generated.getEndpoint()).isEqualTo("alloydb.googleapis.com:443");
      assertThat(ours.getUniverseDomain()).isEqualTo(generated.getUniverseDomain());
    } finally {
      close(generated);
      close(ours);
    }
  }

  /** The settings' client-library headers ({@code StubSettings}' own accessor is protected). */
  private static Map<String, String> internalHeaders(StubSettings<?> settings) throws Exception {
    Method accessor = StubSettings.class.getDeclaredMethod("getInternalHeaderProvider");
    accessor.setAccessible(true);
    return ((HeaderProvider) accessor.invoke(settings)).getHeaders();
  }

  /** Settings without credentials and with the JDK's HTTP transport, as the connector's client context. */
  private static <B extends StubSettings.Builder<?, ?>> B prepared(B builder) {
    builder.setCredentialsProvider(NoCredentialsProvider.create());
    builder.setTransportChannelProvider(AlloyDBAdminStubSettings.defaultHttpJsonTransportProviderBuilder()
        .setHttpTransport(new NetHttpTransport()).build());
    return builder;
  }

  private static void close(ClientContext context) {
    for (BackgroundResource resource : context.getBackgroundResources()) {
      resource.shutdown();
    }
  }
}
