package dev.alloydb.jakarta.benchmark;

import dev.alloydb.jakarta.emulator.AdminRpc;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * The one emulator (and its embedded PostgreSQL, with TLS switched on) that every client in the run talks to, and
 * the connection settings of each client against it. Owned by {@link BenchmarkMain}.
 */
final class Fixture implements AutoCloseable {

  /** pgjdbc URL for the connectors' socket factories: host and port are ignored, the connector dials the proxy. */
  private static final String SOCKET_FACTORY_URL = "jdbc:postgresql:///postgres";
  private static final String OURS_SOCKET_FACTORY = "dev.alloydb.jakarta.connector.SocketFactory";
  private static final String GOOGLE_SOCKET_FACTORY = "com.google.cloud.alloydb.SocketFactory";

  private final AlloyDbEmulator emulator;

  private Fixture(AlloyDbEmulator emulator) {
    this.emulator = emulator;
  }

  static Fixture start() throws IOException, SQLException, InterruptedException {
    AlloyDbEmulator emulator = AlloyDbEmulator.builder().start();
    try {
      PostgresTls.enable(emulator.directJdbcUrl(), login(emulator), Path.of(System.getProperty("java.io.tmpdir")));
      // Google's connector reaches the gRPC Admin API over TLS only, and trusts what the JVM-wide store names.
      System.setProperty("javax.net.ssl.trustStore", emulator.trustStore().toString());
      System.setProperty("javax.net.ssl.trustStorePassword", emulator.trustStorePassword());
      System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
      return new Fixture(emulator);
    } catch (IOException | SQLException | InterruptedException | RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  String instanceUri() {
    return emulator.instance().uri();
  }

  String user() {
    return emulator.passwordUser();
  }

  String password() {
    return emulator.password();
  }

  String database() {
    return emulator.database();
  }

  String restEndpoint() {
    return emulator.adminApiRestEndpoint();
  }

  String grpcTlsEndpoint() {
    return emulator.adminApiGrpcTlsEndpoint();
  }

  Path credentialsFile() {
    return emulator.credentialsFile();
  }

  String directJdbcUrl() {
    return emulator.directJdbcUrl();
  }

  Properties login() {
    return login(emulator);
  }

  UrlClient pgjdbcTls() {
    Properties p = login();
    p.setProperty("sslmode", "require");
    return new UrlClient("pgjdbc-tls", "pgjdbc, sslmode=require, straight to PostgreSQL", directJdbcUrl(), p);
  }

  UrlClient pgjdbcPlain() {
    Properties p = login();
    p.setProperty("sslmode", "disable");
    return new UrlClient("pgjdbc-plain", "pgjdbc, no TLS, straight to PostgreSQL", directJdbcUrl(), p);
  }

  /** This connector's socket factory, configured with Google's property names. */
  UrlClient oursSocketFactory() {
    return new UrlClient("ours", "this connector (SocketFactory)", SOCKET_FACTORY_URL,
        socketFactoryProperties(OURS_SOCKET_FACTORY, restEndpoint()));
  }

  /** The full pgjdbc URL of {@link #oursSocketFactory()}, for pools configured with one string (Payara). */
  String oursSocketFactoryUrl() {
    StringBuilder url = new StringBuilder(SOCKET_FACTORY_URL).append('?');
    Properties p = socketFactoryProperties(OURS_SOCKET_FACTORY, restEndpoint());
    p.remove("user");
    p.remove("password");
    p.stringPropertyNames().stream().sorted().forEach(k -> url.append(url.charAt(url.length() - 1) == '?' ? "" : "&")
        .append(k).append('=').append(p.getProperty(k)));
    return url.toString();
  }

  UrlClient googleSocketFactory() {
    return new UrlClient("google", "Google's connector 1.4.0 (SocketFactory)", SOCKET_FACTORY_URL,
        socketFactoryProperties(GOOGLE_SOCKET_FACTORY, grpcTlsEndpoint()));
  }

  ColdClient googleCold() {
    return new GoogleColdClient(SOCKET_FACTORY_URL, socketFactoryProperties(GOOGLE_SOCKET_FACTORY,
        grpcTlsEndpoint()), grpcTlsEndpoint(), credentialsFile());
  }

  AdminCalls adminCalls() {
    var counters = emulator.counters();
    return new AdminCalls(counters.adminCalls(AdminRpc.GET_CONNECTION_INFO),
        counters.adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE));
  }

  long tokensIssued() {
    return emulator.counters().tokensIssued();
  }

  void adminLatency(Duration latency) {
    emulator.faults().adminLatency(latency);
  }

  @Override
  public void close() {
    emulator.close();
  }

  /**
   * Both connectors get the same properties (Google's names, which ours accepts) except the socket factory class and
   * the Admin API endpoint (REST for ours, gRPC over TLS for Google's). Both use {@code sslmode=disable}: the socket is
   * already TLS, and the default {@code prefer} would cost each an extra round trip through the tunnel.
   */
  private Properties socketFactoryProperties(String factory, String adminEndpoint) {
    Properties p = login();
    p.setProperty("socketFactory", factory);
    p.setProperty("alloydbInstanceName", instanceUri());
    p.setProperty("alloydbAdminServiceEndpoint", adminEndpoint);
    p.setProperty("alloydbGoogleCredentialsPath", credentialsFile().toString());
    p.setProperty("sslmode", "disable");
    return p;
  }

  private static Properties login(AlloyDbEmulator emulator) {
    Properties p = new Properties();
    p.setProperty("user", emulator.passwordUser());
    p.setProperty("password", emulator.password());
    return p;
  }
}
