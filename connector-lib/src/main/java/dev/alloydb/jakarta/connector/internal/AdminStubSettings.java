package dev.alloydb.jakarta.connector.internal;

import com.google.api.gax.core.GaxProperties;
import com.google.api.gax.httpjson.GaxHttpJsonProperties;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.ApiClientHeaderProvider;
import com.google.api.gax.rpc.ClientContext;
import com.google.api.gax.rpc.StatusCode;
import com.google.api.gax.rpc.StubSettings;
import com.google.api.gax.rpc.UnaryCallSettings;
import com.google.cloud.alloydb.v1alpha.ConnectionInfo;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateRequest;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateResponse;
import com.google.cloud.alloydb.v1alpha.GetConnectionInfoRequest;
import com.google.cloud.alloydb.v1alpha.stub.AlloyDBAdminStubSettings;
import java.time.Duration;
import java.util.Set;

/**
 * The settings of {@link AdminRestStub}: google-cloud-alloydb's defaults for the Admin API (its service name, mTLS
 * endpoint and client-library header, and the retryable codes of both methods), for the two methods the connector
 * calls, each with at most {@value #ATTEMPTS} attempts 1 s apart within the refresh timeout.
 *
 * <p>The generated {@code AlloyDBAdminStubSettings.newHttpJsonBuilder()} builds the settings of every method of the
 * API (about 60, with their paging and long-running-operation settings): about 0.2 s of CPU in a new JVM, on the
 * path of its first connection, after its class initialiser's 50 ms, which this class does not run either (the class
 * is named only for the library version in the header). {@code AdminStubSettingsTest} holds these settings to the
 * generated ones.
 */
final class AdminStubSettings extends StubSettings<AdminStubSettings> {
  private static final int ATTEMPTS = 2;
  /** google-cloud-alloydb's {@code retry_policy_0_codes}, which both methods use. */
  private static final Set<StatusCode.Code> RETRYABLE = Set.of(StatusCode.Code.UNAVAILABLE);
  private static final String MTLS_ENDPOINT = "alloydb.mtls.googleapis.com:443";

  private final UnaryCallSettings<GetConnectionInfoRequest, ConnectionInfo> getConnectionInfo;
  private final UnaryCallSettings<GenerateClientCertificateRequest, GenerateClientCertificateResponse>
      generateClientCertificate;

  private AdminStubSettings(Builder builder) {
    super(builder);
    this.getConnectionInfo = builder.getConnectionInfo.build();
    this.generateClientCertificate = builder.generateClientCertificate.build();
  }

  /** Settings with every call bounded by {@code refreshTimeout}. */
  static Builder newBuilder(Duration refreshTimeout) {
    return new Builder(refreshTimeout);
  }

  UnaryCallSettings<GetConnectionInfoRequest, ConnectionInfo> getConnectionInfoSettings() {
    return getConnectionInfo;
  }

  UnaryCallSettings<GenerateClientCertificateRequest, GenerateClientCertificateResponse>
      generateClientCertificateSettings() {
    return generateClientCertificate;
  }

  /** The name the client context composes the endpoint of a universe domain from, as the generated settings. */
  @Override
  protected String getServiceName() {
    return "alloydb";
  }

  @Override
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Each call makes at most {@value #ATTEMPTS} attempts, 1 s apart, all within the refresh timeout: the cache's rate
   * limit and back-off govern how often refreshes happen, and inner retries must not multiply them. Attempts get no
   * deadline of their own (each HTTP request is bounded by its connect and read timeouts): a deadline would make
   * gax-httpjson start a timer thread of its own, outside the connector's scheduler.
   */
  private static RetrySettings retries(Duration refreshTimeout) {
    return RetrySettings.newBuilder()
        .setTotalTimeoutDuration(refreshTimeout)
        .setMaxAttempts(ATTEMPTS)
        .setInitialRpcTimeoutDuration(Duration.ZERO)
        .setMaxRpcTimeoutDuration(Duration.ZERO)
        .setRpcTimeoutMultiplier(1.0)
        .setInitialRetryDelayDuration(Duration.ofSeconds(1))
        .setRetryDelayMultiplier(2.0)
        .setMaxRetryDelayDuration(Duration.ofSeconds(2))
        .build();
  }

  /** The builder; transport, credentials and the rest of the client context are set by the caller. */
  static final class Builder extends StubSettings.Builder<AdminStubSettings, Builder> {
    private final UnaryCallSettings.Builder<GetConnectionInfoRequest, ConnectionInfo> getConnectionInfo;
    private final UnaryCallSettings.Builder<GenerateClientCertificateRequest, GenerateClientCertificateResponse>
        generateClientCertificate;

    private Builder(Duration refreshTimeout) {
      super((ClientContext) null);
      setInternalHeaderProvider(ApiClientHeaderProvider.newBuilder()
          .setGeneratedLibToken("gapic", GaxProperties.getLibraryVersion(AlloyDBAdminStubSettings.class))
          .setTransportToken(GaxHttpJsonProperties.getHttpJsonTokenName(), GaxHttpJsonProperties.getHttpJsonVersion())
          .build());
      setMtlsEndpoint(MTLS_ENDPOINT);
      setSwitchToMtlsEndpointAllowed(true);
      RetrySettings retries = retries(refreshTimeout);
      this.getConnectionInfo = UnaryCallSettings.<GetConnectionInfoRequest, ConnectionInfo>newUnaryCallSettingsBuilder()
          .setRetryableCodes(RETRYABLE).setRetrySettings(retries);
      this.generateClientCertificate = UnaryCallSettings
          .<GenerateClientCertificateRequest, GenerateClientCertificateResponse>newUnaryCallSettingsBuilder()
          .setRetryableCodes(RETRYABLE).setRetrySettings(retries);
    }

    private Builder(AdminStubSettings settings) {
      super(settings);
      this.getConnectionInfo = settings.getConnectionInfo.toBuilder();
      this.generateClientCertificate = settings.generateClientCertificate.toBuilder();
    }

    @Override
    public AdminStubSettings build() {
      return new AdminStubSettings(this);
    }
  }
}
