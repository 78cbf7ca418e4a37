package dev.alloydb.jakarta.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The embedded PostgreSQL every path of the benchmark ends at, with TLS switched on (a self-signed server certificate
 * generated here), so that pgjdbc with {@code sslmode=require} has a direct TLS reference to compare with.
 * Not thread-safe; owned by {@link BenchmarkMain}.
 */
final class TlsPostgres implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private TlsPostgres(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts PostgreSQL with {@code ssl=on} and room for the 200-connection herd plus the pools. */
  static TlsPostgres start(Path workDir) throws IOException {
    Path tlsDir = Files.createDirectories(workDir.resolve("postgres-tls"));
    Path cert = tlsDir.resolve("server.crt");
    Path key = tlsDir.resolve("server.key");
    writeSelfSignedCertificate(cert, key);
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setServerConfig("ssl", "on")
        .setServerConfig("ssl_cert_file", cert.toAbsolutePath().toString())
        .setServerConfig("ssl_key_file", key.toAbsolutePath().toString())
        .setServerConfig("max_connections", "400")
        .setPGStartupWait(Duration.ofSeconds(60))
        .start();
    return new TlsPostgres(postgres);
  }

  int port() {
    return postgres.getPort();
  }

  String host() {
    return "localhost";
  }

  /** A pgjdbc URL straight to PostgreSQL (no connector, no proxy) with the given sslmode. */
  String directUrl(String sslmode) {
    return "jdbc:postgresql://" + host() + ":" + port() + "/postgres?sslmode=" + sslmode;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }

  private static void writeSelfSignedCertificate(Path certFile, Path keyFile) throws IOException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=localhost");
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject, pair.getPublic());
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
      var certificate = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
      Files.writeString(certFile, pem(certificate), StandardCharsets.US_ASCII);
      Files.writeString(keyFile, pem(pair.getPrivate()), StandardCharsets.US_ASCII);
      // PostgreSQL refuses a private key that group or others can read.
      Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("could not generate the PostgreSQL server certificate: " + e.getMessage(), e);
    }
  }

  private static String pem(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }
}
