package dev.alloydb.jakarta.emulator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL behind the proxies (embedded, zonky). zonky initialises the cluster with {@code trust}
 * authentication; once the roles have passwords, pg_hba.conf is replaced so that every login needs one: SCRAM for
 * the password user and the superuser, and a secret only the emulator knows for the IAM user (its proxy supplies
 * it after an AUTO_IAM exchange), so nobody reaches the IAM user's role around the emulator.
 */
final class PostgresBackend implements Closeable {
  static final String DATABASE = "postgres";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final String passwordUser;
  private final String password;
  private final List<String> iamUsers;
  private final String iamSecret;
  private final String superuserPassword;

  private PostgresBackend(EmbeddedPostgres postgres, Path dataDirectory, String passwordUser, String password,
      List<String> iamUsers, String iamSecret, String superuserPassword) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.passwordUser = passwordUser;
    this.password = password;
    this.iamUsers = List.copyOf(iamUsers);
    this.iamSecret = iamSecret;
    this.superuserPassword = superuserPassword;
  }

  /**
   * Starts PostgreSQL with a password user ({@code password}, or a random one when null) and IAM users (all sharing
   * one secret only the emulator knows).
   */
  static PostgresBackend start(Path dataDirectory, String passwordUser, String password, List<String> iamUsers)
      throws IOException {
    EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(true)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("password_encryption", "scram-sha-256")
        .start();
    PostgresBackend backend =
        new PostgresBackend(pg, dataDirectory, passwordUser, password == null ? secret() : password, iamUsers,
            secret(), secret());
    try {
      backend.secure();
      return backend;
    } catch (IOException | SQLException | RuntimeException e) {
      pg.close();
      throw new IOException("cannot prepare the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  private void secure() throws SQLException, IOException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("ALTER ROLE postgres PASSWORD " + literal(superuserPassword));
      s.execute("CREATE ROLE " + ident(passwordUser) + " LOGIN PASSWORD " + literal(password));
      s.execute("GRANT ALL ON SCHEMA public TO " + ident(passwordUser));
      List<String> hba = new ArrayList<>(List.of(
          "# Written by the AlloyDB emulator: every login needs a password.",
          "local all all reject"));
      for (String iamUser : iamUsers) {
        s.execute("CREATE ROLE " + ident(iamUser) + " LOGIN PASSWORD " + literal(iamSecret));
        s.execute("GRANT ALL ON SCHEMA public TO " + ident(iamUser));
        hba.add("host all " + ident(iamUser) + " 127.0.0.1/32 password");
        hba.add("host all " + ident(iamUser) + " ::1/128 password");
      }
      hba.add("host all all 127.0.0.1/32 scram-sha-256");
      hba.add("host all all ::1/128 scram-sha-256");
      hba.add("");
      Files.writeString(dataDirectory.resolve("pg_hba.conf"), String.join("\n", hba));
      s.execute("SELECT pg_reload_conf()");
    }
  }

  /**
   * Restarts PostgreSQL as an instance restart looks to clients: a fast shutdown (every session ends with FATAL
   * 57P01), then a new postmaster on the same port and data. Returns once it accepts connections again.
   */
  void restart() throws IOException {
    Path bin = postmasterExecutable().getParent();
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      // PostgreSQL refuses to run as root; zonky starts it the same way.
      command.addAll(List.of("unshare", "-U"));
    }
    // -l: the new postmaster logs to a file, not to a pipe nobody would read once pg_ctl has exited.
    command.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(),
        "-l", dataDirectory.resolveSibling("postgres-restarted.log").toString(), "-m", "fast", "-w", "-t", "60",
        "restart"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("pg_ctl restart failed: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while PostgreSQL restarted", e);
    } finally {
      process.destroy();
    }
  }

  /** The running postmaster's executable: zonky unpacks PostgreSQL to a directory of its choosing. */
  private Path postmasterExecutable() throws IOException {
    String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip();
    return Files.readSymbolicLink(Path.of("/proc", pid, "exe"));
  }

  String host() {
    return "127.0.0.1";
  }

  int port() {
    return postgres.getPort();
  }

  String passwordUser() {
    return passwordUser;
  }

  String password() {
    return password;
  }

  boolean isIamUser(String user) {
    return iamUsers.contains(user);
  }

  String iamSecret() {
    return iamSecret;
  }

  String superuserPassword() {
    return superuserPassword;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + host() + ":" + port() + "/" + DATABASE;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }

  private static String secret() {
    byte[] b = new byte[18];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String ident(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
