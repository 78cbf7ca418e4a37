package dev.alloydb.jakarta.emulator;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.rpc.ClientSettings;
import com.google.api.gax.rpc.FixedHeaderProvider;
import com.google.cloud.alloydb.v1.AlloyDBAdminClient;
import com.google.cloud.alloydb.v1.AlloyDBAdminSettings;
import com.google.cloud.alloydb.v1.GenerateClientCertificateRequest;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * google-cloud-alloydb's {@code AlloyDBAdminClient} of one {@link AdminApiVersion}, over gRPC (plaintext) or REST
 * (HttpJson over HTTP), reduced to the two calls a connector makes. The bearer token goes in a header, the way
 * google-auth would send it. The three versions' clients share no type, hence one small factory each.
 */
final class VersionedAdminClient implements AutoCloseable {
  private static final Duration ONE_HOUR = Duration.newBuilder().setSeconds(3600).build();

  private final Function<String, Message> connectionInfo;
  private final BiFunction<String, String, List<String>> certificateChain;
  private final AutoCloseable client;

  private VersionedAdminClient(Function<String, Message> connectionInfo,
      BiFunction<String, String, List<String>> certificateChain, AutoCloseable client) {
    this.connectionInfo = connectionInfo;
    this.certificateChain = certificateChain;
    this.client = client;
  }

  /** The connection info as the version's message (v1's has no {@code psc_dns_name}). */
  Message connectionInfo(String instance) {
    return connectionInfo.apply(instance);
  }

  /** The signed chain, leaf first, for a {@code PUBLIC KEY} PEM, one hour, metadata exchange on. */
  List<String> certificateChain(String cluster, String publicKeyPem) {
    return certificateChain.apply(cluster, publicKeyPem);
  }

  static VersionedAdminClient open(AdminApiVersion version, AdminTransport transport, AlloyDbEmulator emulator,
      String token) throws IOException {
    boolean grpc = switch (transport) {
      case GRPC_PLAINTEXT -> true;
      case REST_HTTP -> false;
      default -> throw new IllegalArgumentException("plaintext transports only, not " + transport);
    };
    String endpoint = grpc ? emulator.adminApiGrpcPlaintextEndpoint() : emulator.adminApiRestEndpoint();
    Settings settings = new Settings(grpc, endpoint, token);
    return switch (version) {
      case V1 -> v1(settings);
      case V1BETA -> v1beta(settings);
      case V1ALPHA -> v1alpha(settings);
    };
  }

  private static VersionedAdminClient v1(Settings settings) throws IOException {
    AlloyDBAdminClient client = AlloyDBAdminClient.create(settings.apply(settings.grpc()
        ? AlloyDBAdminSettings.newBuilder().setTransportChannelProvider(
            plaintext(AlloyDBAdminSettings.defaultGrpcTransportProviderBuilder()))
        : AlloyDBAdminSettings.newHttpJsonBuilder()).build());
    return new VersionedAdminClient(client::getConnectionInfo, (cluster, key) -> client.generateClientCertificate(
        GenerateClientCertificateRequest.newBuilder().setParent(cluster).setPublicKey(key)
            .setCertDuration(ONE_HOUR).setUseMetadataExchange(true).build()).getPemCertificateChainList(), client);
  }

  private static VersionedAdminClient v1beta(Settings settings) throws IOException {
    var client = com.google.cloud.alloydb.v1beta.AlloyDBAdminClient.create(settings.apply(settings.grpc()
        ? com.google.cloud.alloydb.v1beta.AlloyDBAdminSettings.newBuilder().setTransportChannelProvider(
            plaintext(com.google.cloud.alloydb.v1beta.AlloyDBAdminSettings.defaultGrpcTransportProviderBuilder()))
        : com.google.cloud.alloydb.v1beta.AlloyDBAdminSettings.newHttpJsonBuilder()).build());
    return new VersionedAdminClient(client::getConnectionInfo, (cluster, key) -> client.generateClientCertificate(
        com.google.cloud.alloydb.v1beta.GenerateClientCertificateRequest.newBuilder().setParent(cluster)
            .setPublicKey(key).setCertDuration(ONE_HOUR).setUseMetadataExchange(true).build())
        .getPemCertificateChainList(), client);
  }

  private static VersionedAdminClient v1alpha(Settings settings) throws IOException {
    var client = com.google.cloud.alloydb.v1alpha.AlloyDBAdminClient.create(settings.apply(settings.grpc()
        ? com.google.cloud.alloydb.v1alpha.AlloyDBAdminSettings.newBuilder().setTransportChannelProvider(
            plaintext(com.google.cloud.alloydb.v1alpha.AlloyDBAdminSettings.defaultGrpcTransportProviderBuilder()))
        : com.google.cloud.alloydb.v1alpha.AlloyDBAdminSettings.newHttpJsonBuilder()).build());
    return new VersionedAdminClient(client::getConnectionInfo, (cluster, key) -> client.generateClientCertificate(
        com.google.cloud.alloydb.v1alpha.GenerateClientCertificateRequest.newBuilder().setParent(cluster)
            .setPublicKey(key).setCertDuration(ONE_HOUR).setUseMetadataExchange(true).build())
        .getPemCertificateChainList(), client);
  }

  private static InstantiatingGrpcChannelProvider plaintext(InstantiatingGrpcChannelProvider.Builder provider) {
    return provider.setChannelConfigurator(ManagedChannelBuilder::usePlaintext).build();
  }

  /** What every version's client gets: endpoint, no credentials of its own, the token as a header. */
  private record Settings(boolean grpc, String endpoint, String token) {
    <B extends ClientSettings.Builder<?, B>> B apply(B builder) {
      return builder.setEndpoint(endpoint).setCredentialsProvider(NoCredentialsProvider.create())
          .setHeaderProvider(FixedHeaderProvider.create("authorization", "Bearer " + token));
    }
  }

  @Override
  public void close() throws Exception {
    client.close();
  }
}
