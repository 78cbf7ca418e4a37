package dev.alloydb.jakarta.emulator;

import com.google.cloud.alloydb.v1alpha.ConnectionInfo;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateRequest;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateResponse;
import com.google.cloud.alloydb.v1alpha.GetConnectionInfoRequest;
import com.google.protobuf.Message;
import io.grpc.Status;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The Admin API's behaviour, shared by the gRPC and REST front ends. */
final class AdminBackend {
  private static final Duration MIN_CERT = Duration.ofHours(1);
  private static final Duration MAX_CERT = Duration.ofHours(24);

  private final Map<String, EmulatedInstance> instances;
  private final ClusterCas cas;
  private final TokenService tokens;
  private final Faults faults;
  private final Counters counters;

  AdminBackend(
      Map<String, EmulatedInstance> instances,
      ClusterCas cas,
      TokenService tokens,
      Faults faults,
      Counters counters) {
    this.instances = instances;
    this.cas = cas;
    this.tokens = tokens;
    this.faults = faults;
    this.counters = counters;
  }

  ConnectionInfo getConnectionInfo(GetConnectionInfoRequest request, Caller caller) throws AdminException {
    String parent = request.getParent();
    try {
      enter(AdminRpc.GET_CONNECTION_INFO, caller.bearer());
      EmulatedInstance instance = instances.get(parent);
      if (instance == null) {
        throw new AdminException(Status.Code.NOT_FOUND, "instance " + parent + " not found");
      }
      ConnectionInfo info = ConnectionInfo.newBuilder()
          .setName(parent + "/connectionInfo")
          .setIpAddress(instance.privateAddress())
          .setPublicIpAddress(instance.publicAddress())
          .setPscDnsName(instance.pscDnsName())
          .setInstanceUid(instance.instanceUid())
          .build();
      record(AdminRpc.GET_CONNECTION_INFO, parent, caller, request, Status.Code.OK);
      return info;
    } catch (AdminException e) {
      record(AdminRpc.GET_CONNECTION_INFO, parent, caller, request, e.code());
      throw e;
    }
  }

  GenerateClientCertificateResponse generateClientCertificate(
      GenerateClientCertificateRequest request, Caller caller) throws AdminException {
    String parent = request.getParent();
    try {
      enter(AdminRpc.GENERATE_CLIENT_CERTIFICATE, caller.bearer());
      CertificateAuthority authority = cas.forCluster(parent);
      if (authority == null) {
        throw new AdminException(Status.Code.NOT_FOUND, "cluster " + parent + " not found");
      }
      if (request.getPublicKey().isEmpty()) {
        throw new AdminException(Status.Code.INVALID_ARGUMENT,
            "public_key is required: a PEM RSA public key (PUBLIC KEY or RSA PUBLIC KEY)");
      }
      PublicKey key;
      try {
        key = Pem.parsePublicKey(request.getPublicKey());
      } catch (IllegalArgumentException e) {
        throw new AdminException(Status.Code.INVALID_ARGUMENT, e.getMessage());
      }
      Instant now = Instant.now();
      Instant notAfter = now.plus(lifetime(request));
      Instant notBefore = notAfter.isBefore(now) ? notAfter.minusSeconds(3600) : now.minusSeconds(60);
      X509Certificate client = authority.issueClient(key, notBefore, notAfter);
      GenerateClientCertificateResponse response = GenerateClientCertificateResponse.newBuilder()
          .addPemCertificateChain(Pem.certificate(client))
          .addPemCertificateChain(Pem.certificate(authority.intermediate()))
          .addPemCertificateChain(Pem.certificate(authority.root()))
          .setCaCert(Pem.certificate(authority.root()))
          .build();
      record(AdminRpc.GENERATE_CLIENT_CERTIFICATE, parent, caller, request, Status.Code.OK);
      return response;
    } catch (AdminException e) {
      record(AdminRpc.GENERATE_CLIENT_CERTIFICATE, parent, caller, request, e.code());
      throw e;
    }
  }

  private Duration lifetime(GenerateClientCertificateRequest request) {
    Duration forced = faults.clientCertificateLifetime();
    if (forced != null) {
      return forced;
    }
    if (!request.hasCertDuration()) {
      return MIN_CERT;
    }
    Duration asked = Duration.ofSeconds(request.getCertDuration().getSeconds(), request.getCertDuration().getNanos());
    return asked.compareTo(MIN_CERT) < 0 ? MIN_CERT : asked.compareTo(MAX_CERT) > 0 ? MAX_CERT : asked;
  }

  /** Latency, authentication, then injected errors: the order a real front end would apply them in. */
  private void enter(AdminRpc rpc, String bearer) throws AdminException {
    counters.mark(rpc + " received");
    Duration latency = faults.adminLatency();
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AdminException(Status.Code.CANCELLED, "call cancelled");
      }
    }
    if (bearer == null || bearer.isEmpty()) {
      throw new AdminException(Status.Code.UNAUTHENTICATED,
          "missing credentials: send an OAuth2 access token as 'authorization: Bearer <token>'");
    }
    TokenService.Grant grant;
    try {
      grant = tokens.bearer(bearer);
    } catch (IllegalArgumentException e) {
      throw new AdminException(Status.Code.UNAUTHENTICATED, "invalid credentials: " + e.getMessage());
    }
    if (!grant.hasAnyScope(TokenService.CLOUD_PLATFORM)) {
      throw new AdminException(Status.Code.PERMISSION_DENIED,
          "the access token lacks the scope " + TokenService.CLOUD_PLATFORM);
    }
    Status.Code injected = faults.adminErrorFor(rpc);
    if (injected != null) {
      throw new AdminException(injected, "injected fault: " + injected);
    }
  }

  private void record(AdminRpc rpc, String parent, Caller caller, Message request, Status.Code code) {
    counters.mark(rpc + " answered");
    counters.recordAdminCall(new AdminCall(rpc, parent, caller.transport(), caller.version(), caller.userAgent(),
        code, caller.quotaProject(), request, principal(caller.bearer())));
  }

  private String principal(String bearer) {
    try {
      return bearer.isEmpty() ? "" : tokens.bearer(bearer).principal();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
