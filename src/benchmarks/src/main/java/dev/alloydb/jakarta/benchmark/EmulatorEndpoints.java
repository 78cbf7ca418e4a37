package dev.alloydb.jakarta.benchmark;

import java.nio.file.Path;
import java.util.Properties;

/**
 * Where an emulator listens and how to log in to it, and the clients measured against it. Immutable.
 *
 * @param instanceUri the instance every client connects to
 * @param restEndpoint the REST Admin API over plain HTTP (this connector)
 * @param grpcTlsEndpoint the gRPC Admin API over TLS (Google's connector)
 * @param credentialsFile the service-account file both connectors use
 * @param user the database user that logs in with a password
 * @param password its password
 * @param directJdbcUrl pgjdbc URL straight to the emulator's PostgreSQL
 * @param trustStore PKCS12 trust store for the Admin API's TLS certificate
 * @param trustStorePassword its password
 */
record EmulatorEndpoints(String instanceUri, String restEndpoint, String grpcTlsEndpoint, Path credentialsFile,
    String user, String password, String directJdbcUrl, Path trustStore, String trustStorePassword) {

  /** pgjdbc URL for the connectors' socket factories: host and port are ignored, the connector dials the proxy. */
  private static final String SOCKET_FACTORY_URL = "jdbc:postgresql:///postgres";
  private static final String OURS_SOCKET_FACTORY = "dev.alloydb.jakarta.connector.SocketFactory";
  private static final String GOOGLE_SOCKET_FACTORY = "com.google.cloud.alloydb.SocketFactory";

  /** Google's connector reaches the gRPC Admin API over TLS only, and trusts what the JVM-wide store names. */
  void trustJvmWide() {
    System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
    System.setProperty("javax.net.ssl.trustStorePassword", trustStorePassword);
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
  }

  Properties login() {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return p;
  }

  UrlClient pgjdbcTls() {
    Properties p = login();
    p.setProperty("sslmode", "require");
    return new UrlClient("pgjdbc-tls", "pgjdbc, sslmode=require, straight to PostgreSQL", directJdbcUrl, p);
  }

  UrlClient pgjdbcPlain() {
    Properties p = login();
    p.setProperty("sslmode", "disable");
    return new UrlClient("pgjdbc-plain", "pgjdbc, no TLS, straight to PostgreSQL", directJdbcUrl, p);
  }

  /** This connector's socket factory, configured with Google's property names. */
  UrlClient oursSocketFactory() {
    return new UrlClient("ours", "this connector (SocketFactory)", SOCKET_FACTORY_URL,
        socketFactoryProperties(OURS_SOCKET_FACTORY, restEndpoint));
  }

  /** {@link #oursSocketFactory()} with the connector's metrics and spans off: the same run's baseline for their cost. */
  UrlClient oursSocketFactoryNoMetrics() {
    Properties p = socketFactoryProperties(OURS_SOCKET_FACTORY, restEndpoint);
    p.setProperty("alloydbMetrics", "false");
    return new UrlClient("ours-nometrics", "this connector, metrics off (SocketFactory)", SOCKET_FACTORY_URL, p);
  }

  /** The full pgjdbc URL of {@link #oursSocketFactory()}, for pools configured with one string (Payara). */
  String oursSocketFactoryUrl() {
    StringBuilder url = new StringBuilder(SOCKET_FACTORY_URL).append('?');
    Properties p = socketFactoryProperties(OURS_SOCKET_FACTORY, restEndpoint);
    p.remove("user");
    p.remove("password");
    p.stringPropertyNames().stream().sorted().forEach(k -> url.append(url.charAt(url.length() - 1) == '?' ? "" : "&")
        .append(k).append('=').append(p.getProperty(k)));
    return url.toString();
  }

  UrlClient googleSocketFactory() {
    return new UrlClient("google", "Google's connector 1.4.0 (SocketFactory)", SOCKET_FACTORY_URL,
        socketFactoryProperties(GOOGLE_SOCKET_FACTORY, grpcTlsEndpoint));
  }

  ColdClient googleCold() {
    return new GoogleColdClient(SOCKET_FACTORY_URL, socketFactoryProperties(GOOGLE_SOCKET_FACTORY, grpcTlsEndpoint),
        grpcTlsEndpoint, credentialsFile);
  }

  ColdClient oursCold() {
    return OursColdClient.create(restEndpoint, credentialsFile, instanceUri, login());
  }

  /**
   * Both connectors get the same properties (Google's names, which ours accepts) except the socket factory class and
   * the Admin API endpoint (REST for ours, gRPC over TLS for Google's). Both use {@code sslmode=disable}: the socket is
   * already TLS, and the default {@code prefer} would cost each an extra round trip through the tunnel.
   */
  private Properties socketFactoryProperties(String factory, String adminEndpoint) {
    Properties p = login();
    p.setProperty("socketFactory", factory);
    p.setProperty("alloydbInstanceName", instanceUri);
    p.setProperty("alloydbAdminServiceEndpoint", adminEndpoint);
    p.setProperty("alloydbGoogleCredentialsPath", credentialsFile.toString());
    p.setProperty("sslmode", "disable");
    return p;
  }
}
