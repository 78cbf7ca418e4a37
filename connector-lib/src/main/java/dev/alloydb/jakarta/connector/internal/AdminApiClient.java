package dev.alloydb.jakarta.connector.internal;

import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.core.ApiFuture;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.api.gax.core.BackgroundResource;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.FixedExecutorProvider;
import com.google.api.gax.httpjson.InstantiatingHttpJsonChannelProvider;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.ClientContext;
import com.google.api.gax.rpc.FixedHeaderProvider;
import com.google.api.gax.rpc.StatusCode;
import com.google.api.gax.rpc.mtls.CertificateBasedAccess;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateRequest;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateResponse;
import com.google.cloud.alloydb.v1alpha.GetConnectionInfoRequest;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.Duration;
import dev.alloydb.jakarta.connector.AdminApiException;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorOperationException;
import dev.alloydb.jakarta.connector.IpType;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The Admin API port: one {@link #fetch} runs GetConnectionInfo and GenerateClientCertificate concurrently (v1alpha,
 * REST transport) and turns both answers into one {@link ConnectionInfo}. GetConnectionInfo does not need the key,
 * so it starts at once; only GenerateClientCertificate waits for the key pair. Holds no state besides the client; gax
 * runs on the connector's scheduler through the given executor. Thread-safe.
 */
final class AdminApiClient implements AutoCloseable {
  private static final Set<StatusCode.Code> TERMINAL = Set.of(StatusCode.Code.NOT_FOUND,
      StatusCode.Code.PERMISSION_DENIED, StatusCode.Code.INVALID_ARGUMENT, StatusCode.Code.UNAUTHENTICATED);
  private static final Duration CERT_DURATION = Duration.newBuilder().setSeconds(3600).build();

  private final AdminRestStub client;
  private final Executor executor;
  private final String endpoint;

  private AdminApiClient(AdminRestStub client, Executor executor, String endpoint) {
    this.client = client;
    this.executor = executor;
    this.endpoint = endpoint;
  }

  static AdminApiClient create(ConnectorConfig config, GoogleCredentials credentials,
      ScheduledExecutorService executor, String userAgent) {
    AdminStubSettings.Builder settings = AdminStubSettings.newBuilder(config.refreshTimeout());
    InstantiatingHttpJsonChannelProvider.Builder transport = InstantiatingHttpJsonChannelProvider.newBuilder()
        .setEndpoint(config.adminServiceEndpoint())
        .setExecutor(executor);
    if (!CertificateBasedAccess.createWithSystemEnv().useMtlsClientCertificate()) {
      // The JDK's TLS, as for the instance: gax-httpjson's own transport would load Conscrypt when it is on the class
      // path (google-cloud-alloydb brings it), extracting and loading its native library on the first connection.
      // Client-certificate (mTLS) access to the Admin API keeps gax's transport, which alone configures it.
      transport.setHttpTransport(new NetHttpTransport());
    }
    settings.setTransportChannelProvider(transport.build());
    settings.setCredentialsProvider(FixedCredentialsProvider.create(credentials));
    settings.setUniverseDomain(config.universeDomain());
    settings.setBackgroundExecutorProvider(FixedExecutorProvider.create(executor));
    settings.setHeaderProvider(FixedHeaderProvider.create("user-agent", userAgent));
    settings.setStreamWatchdogProvider(null);
    config.quotaProject().ifPresent(settings::setQuotaProjectId);
    try {
      return new AdminApiClient(stub(settings.build()), executor, config.adminServiceEndpoint());
    } catch (IOException | RuntimeException e) {
      throw new ConnectorOperationException("Cannot create the Admin API client for endpoint "
          + config.adminServiceEndpoint() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates the stub in two steps: its client context (transport, credentials, headers) first, then the two
   * callables. Only the second needs {@link AdminRestStub}'s class initialised, which {@link ClassWarmup} is doing on
   * another thread meanwhile.
   */
  private static AdminRestStub stub(AdminStubSettings settings) throws IOException {
    ClientContext context = ClientContext.create(settings);
    try {
      return new AdminRestStub(settings, context);
    } catch (RuntimeException | Error e) {
      for (BackgroundResource resource : context.getBackgroundResources()) {
        resource.shutdown();
      }
      throw e;
    }
  }

  /**
   * Starts GetConnectionInfo now and GenerateClientCertificate as soon as the key is ready; completes with the info
   * or an {@link AdminApiException} (or the key's failure).
   */
  CompletableFuture<ConnectionInfo> fetch(InstanceUri instance, CompletableFuture<KeyPair> key) {
    return fetch(instance, key, RefreshObservation.NONE);
  }

  /** {@link #fetch(InstanceUri, CompletableFuture)}, reporting each Admin API call to {@code observation}. */
  CompletableFuture<ConnectionInfo> fetch(InstanceUri instance, CompletableFuture<KeyPair> key,
      RefreshObservation observation) {
    CompletableFuture<com.google.cloud.alloydb.v1alpha.ConnectionInfo> info = call(instance, "GetConnectionInfo",
        observation,
        () -> client.getConnectionInfoCallable().futureCall(
            GetConnectionInfoRequest.newBuilder().setParent(instance.instanceName()).build()));
    CompletableFuture<GenerateClientCertificateResponse> cert = key.thenCompose(pair -> call(instance,
        "GenerateClientCertificate", observation,
        () -> client.generateClientCertificateCallable().futureCall(GenerateClientCertificateRequest.newBuilder()
            .setParent(instance.clusterName())
            .setPublicKey(ClientKeys.publicKeyPem(pair))
            .setCertDuration(CERT_DURATION)
            .setUseMetadataExchange(true)
            .build())));
    return info.thenCombineAsync(cert, (i, c) -> toConnectionInfo(instance, key.join(), i, c), executor);
  }

  private <T> CompletableFuture<T> call(InstanceUri instance, String rpc, RefreshObservation observation,
      java.util.function.Supplier<ApiFuture<T>> start) {
    CompletableFuture<T> result = new CompletableFuture<>();
    java.util.function.Consumer<Throwable> ended = observation.call(rpc);
    if (ended != RefreshObservation.NOTHING) {
      result.whenComplete((value, error) -> ended.accept(error));
    }
    ApiFuture<T> future;
    try {
      future = start.get();
    } catch (RuntimeException e) {
      result.completeExceptionally(translate(instance, rpc, e));
      return result;
    }
    ApiFutures.addCallback(future, new ApiFutureCallback<T>() {
      @Override
      public void onSuccess(T value) {
        result.complete(value);
      }

      @Override
      public void onFailure(Throwable t) {
        result.completeExceptionally(translate(instance, rpc, t));
      }
    }, MoreExecutors.directExecutor());
    return result;
  }

  private AdminApiException translate(InstanceUri instance, String rpc, Throwable t) {
    StatusCode.Code code = t instanceof ApiException ? ((ApiException) t).getStatusCode().getCode()
        : StatusCode.Code.UNKNOWN;
    if (code == StatusCode.Code.UNKNOWN || code == StatusCode.Code.UNAVAILABLE) {
      for (Throwable cause = t; cause != null; cause = cause.getCause()) {
        if (cause instanceof HttpResponseException) {
          // An HTTP error status is an IOException too, but the endpoint answered: report its status, not the network.
          break;
        }
        if (cause instanceof IOException) {
          return new AdminApiException("[" + instance + "] Admin API " + rpc + " failed: cannot reach " + endpoint
              + " (" + cause + "): check adminServiceEndpoint and the network",
              StatusCode.Code.UNAVAILABLE.name(), false, t);
        }
      }
    }
    boolean terminal = TERMINAL.contains(code);
    return new AdminApiException("[" + instance + "] Admin API " + rpc + " failed with " + code + ": "
        + (t instanceof ApiException ? t.getMessage() : t.toString())
        + (terminal ? " (retrying alone will not cure it: check the instance URI and the credentials' permissions)"
            : ""),
        code.name(), terminal, t);
  }

  private static ConnectionInfo toConnectionInfo(InstanceUri instance, KeyPair key,
      com.google.cloud.alloydb.v1alpha.ConnectionInfo info, GenerateClientCertificateResponse cert) {
    try {
      List<X509Certificate> chain = new ArrayList<>();
      for (String pem : cert.getPemCertificateChainList()) {
        chain.add(TlsContexts.parseCertificate(pem));
      }
      if (chain.isEmpty()) {
        throw new GeneralSecurityException("the response has no certificate chain");
      }
      X509Certificate ca = TlsContexts.parseCertificate(cert.getCaCert());
      return new ConnectionInfo(instance, addresses(info), info.getInstanceUid(),
          chain.get(0).getNotAfter().toInstant(), TlsContexts.build(key, chain, ca));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new AdminApiException("[" + instance + "] Admin API GenerateClientCertificate returned an unusable"
          + " certificate: " + e.getMessage(), StatusCode.Code.INTERNAL.name(), false, e);
    }
  }

  private static Map<IpType, String> addresses(com.google.cloud.alloydb.v1alpha.ConnectionInfo info) {
    Map<IpType, String> addresses = new EnumMap<>(IpType.class);
    putIfPresent(addresses, IpType.PRIVATE, info.getIpAddress());
    putIfPresent(addresses, IpType.PUBLIC, info.getPublicIpAddress());
    String psc = info.getPscDnsName();
    putIfPresent(addresses, IpType.PSC, psc.endsWith(".") ? psc.substring(0, psc.length() - 1) : psc);
    return addresses;
  }

  private static void putIfPresent(Map<IpType, String> addresses, IpType type, String value) {
    if (!value.isBlank()) {
      addresses.put(type, value.trim());
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
