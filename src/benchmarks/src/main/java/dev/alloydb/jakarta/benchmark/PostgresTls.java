package dev.alloydb.jakarta.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Switches TLS on in the emulator's own embedded PostgreSQL, so that pgjdbc with {@code sslmode=require} straight to
 * it is the direct-TLS reference, against the very server the proxies forward to. The emulator does not offer this,
 * so the harness does it from outside: it finds the data directory whose {@code postmaster.pid} names the server's
 * port, drops a self-signed certificate there, appends {@code ssl = on} to {@code postgresql.conf} and sends the
 * postmaster SIGHUP (TLS settings take effect on reload since PostgreSQL 10).
 */
final class PostgresTls {

  private PostgresTls() {}

  static void enable(String directJdbcUrl, Properties login, Path searchRoot) throws IOException, SQLException,
      InterruptedException {
    int port = URI.create(directJdbcUrl.substring("jdbc:".length())).getPort();
    Path dataDir = findDataDirectory(searchRoot, port);
    ServerCertificate.writeSelfSigned(dataDir.resolve("bench-server.crt"), dataDir.resolve("bench-server.key"));
    Files.writeString(dataDir.resolve("postgresql.conf"), String.join("\n", "",
        "# Added by the benchmark harness: TLS for the direct pgjdbc reference.",
        "ssl = on", "ssl_cert_file = 'bench-server.crt'", "ssl_key_file = 'bench-server.key'", ""),
        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(pid)).inheritIO().start();
    if (hup.waitFor() != 0) {
      throw new IOException("kill -HUP " + pid + " failed with exit code " + hup.exitValue());
    }
    awaitTls(directJdbcUrl, login);
  }

  private static Path findDataDirectory(Path root, int port) throws IOException {
    try (Stream<Path> candidates = Files.find(root, 4,
        (p, a) -> p.getFileName().toString().equals("postmaster.pid"))) {
      for (Path pidFile : candidates.toList()) {
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() > 3 && lines.get(3).trim().equals(Integer.toString(port))) {
          return pidFile.getParent();
        }
      }
    }
    throw new IOException("no PostgreSQL data directory for port " + port + " under " + root
        + " (expected a postmaster.pid naming that port)");
  }

  private static void awaitTls(String directJdbcUrl, Properties login) throws SQLException, InterruptedException {
    Properties tls = new Properties();
    tls.putAll(login);
    tls.setProperty("sslmode", "require");
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try (Connection c = DriverManager.getConnection(directJdbcUrl, tls);
          ResultSet rs = c.createStatement().executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
        if (rs.next() && rs.getBoolean(1)) {
          return;
        }
        throw new SQLException("PostgreSQL accepted sslmode=require but reports no TLS on the connection");
      } catch (SQLException e) {
        if (System.nanoTime() > deadline) {
          throw new SQLException("PostgreSQL did not switch TLS on within 30 s after SIGHUP: " + e.getMessage(), e);
        }
        Thread.sleep(200);
      }
    }
  }
}
