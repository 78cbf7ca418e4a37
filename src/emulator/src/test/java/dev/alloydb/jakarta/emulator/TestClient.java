package dev.alloydb.jakarta.emulator;

import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.alloydb.connectors.v1.MetadataExchangeRequest;
import com.google.cloud.alloydb.connectors.v1.MetadataExchangeResponse;
import com.google.cloud.alloydb.v1alpha.AlloyDBAdminClient;
import com.google.cloud.alloydb.v1alpha.AlloyDBAdminSettings;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateRequest;
import com.google.cloud.alloydb.v1alpha.GenerateClientCertificateResponse;
import com.google.protobuf.Duration;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A deliberately low-level AlloyDB client for emulator tests: every step (token, certificate, TLS, exchange,
 * startup) is separate so a test can break exactly one of them.
 */
final class TestClient implements AutoCloseable {
  static final String CLOUD_PLATFORM = TokenService.CLOUD_PLATFORM;
  static final String LOGIN = TokenService.ALLOYDB_LOGIN;

  final AlloyDbEmulator emulator;
  final KeyPair key = CertificateAuthority.newKeyPair();
  final AlloyDBAdminClient admin;

  TestClient(AlloyDbEmulator emulator) throws IOException {
    this.emulator = emulator;
    this.admin = AlloyDBAdminClient.create(AlloyDBAdminSettings.newHttpJsonBuilder()
        .setEndpoint(emulator.adminApiRestEndpoint())
        .setCredentialsProvider(FixedCredentialsProvider.create(credentials(CLOUD_PLATFORM)))
        .build());
  }

  GoogleCredentials credentials(String scope) throws IOException {
    try (InputStream in = Files.newInputStream(emulator.credentialsFile())) {
      return GoogleCredentials.fromStream(in).createScoped(List.of(scope));
    }
  }

  String token(String scope) throws IOException {
    GoogleCredentials c = credentials(scope);
    return c.refreshAccessToken().getTokenValue();
  }

  GenerateClientCertificateResponse certificate(EmulatedInstance instance) {
    return admin.generateClientCertificate(GenerateClientCertificateRequest.newBuilder()
        .setParent(instance.clusterName())
        .setPublicKey(Pem.encode("PUBLIC KEY", key.getPublic().getEncoded()))
        .setCertDuration(Duration.newBuilder().setSeconds(3600))
        .setUseMetadataExchange(true)
        .build());
  }

  /** An SSL context presenting {@code chain} (may be empty: no client certificate) and trusting {@code caPem}. */
  SSLContext tls(List<X509Certificate> chain, String caPem, String protocol) throws GeneralSecurityException,
      IOException {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", Pem.parseCertificate(caPem));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    if (!chain.isEmpty()) {
      keys.setKeyEntry("client", key.getPrivate(), new char[0], chain.toArray(X509Certificate[]::new));
    }
    kmf.init(keys, new char[0]);
    SSLContext ctx = SSLContext.getInstance(protocol);
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }

  SSLContext tls(GenerateClientCertificateResponse cert) throws GeneralSecurityException, IOException {
    return tls(cert.getPemCertificateChainList().stream().map(Pem::parseCertificate).toList(), cert.getCaCert(),
        "TLSv1.3");
  }

  /** Opens TLS to {@code host} (private address by default) with hostname verification, like a connector. */
  SSLSocket open(SSLContext ctx, String host, int port, String... protocols) throws IOException {
    SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(host, port);
    s.setSoTimeout(30_000);
    SSLParameters params = s.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS");
    if (!ProxyTls.isIpLiteral(host)) {
      params.setServerNames(List.of(new SNIHostName(host)));
    }
    params.setProtocols(protocols.length == 0 ? new String[] {"TLSv1.3"} : protocols);
    s.setSSLParameters(params);
    s.startHandshake();
    return s;
  }

  SSLSocket open(SSLContext ctx, EmulatedInstance instance) throws IOException {
    return open(ctx, instance.privateAddress(), instance.proxyPort());
  }

  static void sendExchange(SSLSocket s, MetadataExchangeRequest.AuthType type, String token) throws IOException {
    byte[] body = MetadataExchangeRequest.newBuilder()
        .setUserAgent("emulator-test/1.0")
        .setAuthType(type)
        .setOauth2Token(token)
        .build()
        .toByteArray();
    DataOutputStream out = new DataOutputStream(s.getOutputStream());
    out.writeInt(body.length);
    out.write(body);
    out.flush();
  }

  static MetadataExchangeResponse readExchange(SSLSocket s) throws IOException {
    DataInputStream in = new DataInputStream(s.getInputStream());
    int length = in.readInt();
    if (length < 0 || length > 65536) {
      throw new IOException("bad response length " + length);
    }
    byte[] body = new byte[length];
    in.readFully(body);
    return MetadataExchangeResponse.parseFrom(body);
  }

  static MetadataExchangeResponse exchange(SSLSocket s, MetadataExchangeRequest.AuthType type, String token)
      throws IOException {
    sendExchange(s, type, token);
    return readExchange(s);
  }

  /** Sends a protocol 3.0 StartupMessage and returns the type byte of PostgreSQL's (or the emulator's) answer. */
  static char startup(SSLSocket s, String user, String database) throws IOException {
    byte[] params = ("user\0" + user + "\0database\0" + database + "\0\0").getBytes(StandardCharsets.UTF_8);
    DataOutputStream out = new DataOutputStream(s.getOutputStream());
    out.writeInt(8 + params.length);
    out.writeInt(PgWire.PROTOCOL_3);
    out.write(params);
    out.flush();
    return (char) new DataInputStream(s.getInputStream()).readByte();
  }

  /** Reads the rest of an ErrorResponse whose type byte was already consumed and returns its SQLSTATE. */
  static String errorCode(SSLSocket s) throws IOException {
    DataInputStream in = new DataInputStream(s.getInputStream());
    byte[] body = new byte[in.readInt() - 4];
    in.readFully(body);
    ByteBuffer b = ByteBuffer.wrap(body);
    while (b.hasRemaining()) {
      byte type = b.get();
      int start = b.position();
      while (b.get() != 0) {
        // scan to the field's terminator
      }
      if (type == 'C') {
        return new String(body, start, b.position() - start - 1, StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  @Override
  public void close() {
    admin.close();
  }
}
