package dev.alloydb.jakarta.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * A local stand-in for AlloyDB that speaks the real protocol in front of a real PostgreSQL: the v1alpha Admin API
 * (gRPC over TLS and plaintext, REST over HTTP and HTTPS), an OAuth2 token endpoint for a generated service account,
 * and per instance a TLS 1.3 server-side proxy on port 5433 that enforces client certificates and the metadata
 * exchange. See {@link Faults} and {@link Counters} for test control.
 *
 * <pre>{@code
 * try (AlloyDbEmulator emulator = AlloyDbEmulator.builder().start()) {
 *   String uri = emulator.instance().uri();
 *   ...
 * }
 * }</pre>
 */
public final class AlloyDbEmulator implements AutoCloseable {
  /** The instance an emulator serves when the builder names none. */
  public static final String DEFAULT_INSTANCE =
      "projects/emulator-project/locations/us-central1/clusters/emulator-cluster/instances/emulator-instance";
  /** The port AlloyDB's server-side proxy listens on, and the only one Google's connectors dial. */
  public static final int ALLOYDB_PROXY_PORT = 5433;

  private static final Pattern INSTANCE_URI =
      Pattern.compile("projects/[^/:]+(:[^/:]+)?/locations/[^/]+/clusters/[^/]+/instances/[^/]+");
  private static final Pattern UNIVERSE_DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");
  private static final String PROJECT = "emulator-project";
  private static final String PASSWORD_USER = "emulator-user";
  private static final String IMPERSONATION_TARGET = "emulator-target@" + PROJECT + ".iam.gserviceaccount.com";
  /** The OAuth2 scope of the Admin API. */
  public static final String SCOPE_CLOUD_PLATFORM = TokenService.CLOUD_PLATFORM;
  /** The OAuth2 scope connectors use for the metadata exchange token. */
  public static final String SCOPE_ALLOYDB_LOGIN = TokenService.ALLOYDB_LOGIN;
  private static final Logger LOG = System.getLogger(AlloyDbEmulator.class.getName());
  private static AlloyDbEmulator shared;
  private static CertificateAuthority jvmApiCa;

  /** System property: the {@link #shared()} emulator's password, instead of a random one. */
  public static final String SHARED_PASSWORD_PROPERTY = "alloydb.emulator.password";

  private final Path workDir;
  private final Faults faults;
  private final Counters counters;
  private final ServiceAccount account;
  private final PostgresBackend postgres;
  private final List<EmulatedInstance> instances;
  private final List<AutoCloseable> resources;
  private final Path caPem;
  private final Path trustStore;
  private final String trustStorePassword;
  private final Path credentials;
  private final Path targetCredentials;
  private final String universeDomain;
  private final String restEndpoint;
  private final String restTlsEndpoint;
  private final String grpcTlsEndpoint;
  private final String grpcPlaintextEndpoint;

  private AlloyDbEmulator(Builder b) throws IOException {
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
      Files.createDirectories(tmp);
      workDir = Files.createTempDirectory(tmp, "alloydb-emulator-");
      opened.add(() -> deleteTree(workDir));
      counters = new Counters();
      List<String> uris = b.instances.isEmpty() ? List.of(DEFAULT_INSTANCE) : List.copyOf(b.instances);
      AtomicReference<ClusterCas> cas = new AtomicReference<>();
      faults = new Faults(() -> cas.get().rotate());
      account = ServiceAccount.create("emulator-sa", PROJECT);
      TokenService tokens = new TokenService(account, IMPERSONATION_TARGET, faults, counters);

      postgres = PostgresBackend.start(workDir.resolve("pgdata"), PASSWORD_USER, b.password,
          List.of(account.databaseUser(), ServiceAccount.databaseUserOf(IMPERSONATION_TARGET)));
      opened.add(postgres);

      Map<String, EmulatedInstance> byUri = new LinkedHashMap<>();
      Map<String, ProxyAddresses> addresses = new LinkedHashMap<>();
      for (int i = 0; i < uris.size(); i++) {
        ProxyAddresses a = b.proxyPort == null
            ? ProxyAddresses.allocate(ALLOYDB_PROXY_PORT, i == 0)
            : ProxyAddresses.overridden(b.proxyPort == 0 ? 0 : b.proxyPort + i);
        opened.add(a);
        String uri = uris.get(i);
        EmulatedInstance instance = new EmulatedInstance(uri, a.privateAddress, a.publicAddress, a.pscDnsName,
            a.port, UUID.nameUUIDFromBytes(uri.getBytes(StandardCharsets.UTF_8)).toString());
        byUri.put(uri, instance);
        addresses.put(uri, a);
      }
      instances = List.copyOf(byUri.values());
      ClusterCas clusterCas = new ClusterCas(instances);
      cas.set(clusterCas);

      AdminBackend admin = new AdminBackend(Map.copyOf(byUri), clusterCas, tokens, faults, counters);
      CertificateAuthority apiCa = apiCa();
      ServerIdentity apiIdentity =
          apiCa.issueServer("alloydb-emulator-admin", List.of("127.0.0.1"), List.of("localhost"));
      AdminServers servers = new AdminServers(admin, tokens, apiIdentity);
      opened.add(servers);
      restEndpoint = servers.restEndpoint;
      restTlsEndpoint = servers.restTlsEndpoint;
      grpcTlsEndpoint = servers.grpcTlsEndpoint;
      grpcPlaintextEndpoint = servers.grpcPlaintextEndpoint;
      tokens.ownTokenUri(restEndpoint + AdminHttpHandler.TOKEN_PATH);

      caPem = write("admin-api-ca.pem", Pem.certificate(apiCa.root()));
      trustStorePassword = "emulator";
      trustStore = workDir.resolve("admin-api-truststore.p12");
      writeTrustStore(trustStore, apiCa, trustStorePassword);
      universeDomain = b.universeDomain;
      String tokenUri = restEndpoint + AdminHttpHandler.TOKEN_PATH;
      credentials = write("service-account.json", account.credentialsJson(tokenUri, universeDomain));
      targetCredentials = write("impersonated-target.json",
          account.impersonationJson(tokenUri, universeDomain, generateAccessTokenUrl()));

      for (EmulatedInstance instance : instances) {
        ProxyContext ctx = new ProxyContext(
            instance.uri(), () -> clusterCas.tls(instance.uri()), faults, counters, tokens, postgres);
        opened.add(ctx);
        for (Map.Entry<String, ServerSocket> e : addresses.get(instance.uri()).sockets.entrySet()) {
          ProxyListener listener = ProxyListener.start(e.getValue(), ctx, e.getKey());
          opened.add(listener);
        }
      }
      resources = opened;
    } catch (IOException | RuntimeException e) {
      closeAll(opened);
      throw e;
    }
  }

  /**
   * The Admin API's CA is one per JVM, so that every emulator in a test JVM is trusted through the same JVM-wide
   * trust store (Google's connector can only use {@code -Djavax.net.ssl.trustStore}).
   */
  private static synchronized CertificateAuthority apiCa() {
    if (jvmApiCa == null) {
      jvmApiCa = CertificateAuthority.create("api.alloydb-emulator");
    }
    return jvmApiCa;
  }

  /** A builder for an emulator with the default instance and the real proxy port. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * One emulator with the defaults for the whole JVM, started on first use and closed when the JVM exits. Tests
   * share it to save start-up time; do not close it, and {@link Faults#reset()} any knob you switch. System
   * property {@value #SHARED_PASSWORD_PROPERTY}, when set, is its password user's password (so that a build can hand
   * the same value to a server through its environment).
   */
  public static synchronized AlloyDbEmulator shared() {
    if (shared == null) {
      try {
        Builder builder = builder();
        String password = System.getProperty(SHARED_PASSWORD_PROPERTY);
        if (password != null && !password.isBlank()) {
          builder.password(password);
        }
        AlloyDbEmulator started = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "alloydb-emulator-shutdown"));
        shared = started;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the shared AlloyDB emulator", e);
      }
    }
    return shared;
  }

  /** The REST Admin API over plain HTTP, {@code http://127.0.0.1:PORT} (for an HttpJson client). */
  public String adminApiRestEndpoint() {
    return restEndpoint;
  }

  /** The REST Admin API over HTTPS, {@code https://127.0.0.1:PORT}; trust {@link #trustStore()}. */
  public String adminApiRestTlsEndpoint() {
    return restTlsEndpoint;
  }

  /** The gRPC Admin API over TLS, {@code 127.0.0.1:PORT} (Google's {@code alloydbAdminServiceEndpoint}). */
  public String adminApiGrpcTlsEndpoint() {
    return grpcTlsEndpoint;
  }

  /** The gRPC Admin API in plaintext, {@code 127.0.0.1:PORT}. */
  public String adminApiGrpcPlaintextEndpoint() {
    return grpcPlaintextEndpoint;
  }

  /** The OAuth2 token endpoint the credentials file names as {@code token_uri}. */
  public String tokenEndpoint() {
    return restEndpoint + AdminHttpHandler.TOKEN_PATH;
  }

  /**
   * PEM of the CA that signed the Admin API's TLS certificates (not the instances' CA, which rotates). It is the
   * same for every emulator in this JVM, so one JVM-wide trust store serves them all.
   */
  public Path caCertificatePem() {
    return caPem;
  }

  /** A PKCS12 trust store holding {@link #caCertificatePem()}. */
  public Path trustStore() {
    return trustStore;
  }

  /** The password of {@link #trustStore()}. */
  public String trustStorePassword() {
    return trustStorePassword;
  }

  /** A service-account credentials file whose {@code token_uri} is this emulator's token endpoint. */
  public Path credentialsFile() {
    return credentials;
  }

  /**
   * The universe domain its credentials files name ({@code universe_domain}); {@code googleapis.com} unless the
   * builder set another. The emulator's endpoints stay on loopback whatever it is.
   */
  public String universeDomain() {
    return universeDomain;
  }

  /**
   * An {@code impersonated_service_account} credentials file whose tokens belong to
   * {@link #impersonationTargetEmail()}: {@link #credentialsFile()}'s key impersonates it through
   * {@link #generateAccessTokenUrl()}. A second identity for tests that need two.
   */
  public Path impersonationTargetCredentialsFile() {
    return targetCredentials;
  }

  /** The e-mail of the service account in {@link #credentialsFile()}, the principal of the tokens it gets. */
  public String serviceAccountEmail() {
    return account.email();
  }

  /** The IAM database user: {@link #serviceAccountEmail()} without {@code .gserviceaccount.com}. */
  public String iamUser() {
    return account.databaseUser();
  }

  /**
   * A second service account that {@link #serviceAccountEmail()} may impersonate through
   * {@link #generateAccessTokenUrl()}; it has an IAM database user of its own ({@link #impersonationTargetIamUser()}).
   */
  public String impersonationTargetEmail() {
    return IMPERSONATION_TARGET;
  }

  /** The IAM database user of {@link #impersonationTargetEmail()}. */
  public String impersonationTargetIamUser() {
    return ServiceAccount.databaseUserOf(IMPERSONATION_TARGET);
  }

  /**
   * The IAM Credentials {@code generateAccessToken} URL for {@link #impersonationTargetEmail()}, for
   * {@code ImpersonatedCredentials.Builder.setIamEndpointOverride} (google-auth-library).
   */
  public String generateAccessTokenUrl() {
    return restEndpoint + AdminHttpHandler.IAM_PREFIX + IMPERSONATION_TARGET + AdminHttpHandler.IAM_SUFFIX;
  }

  /** The database user that logs in with {@link #password()} (DB_NATIVE). */
  public String passwordUser() {
    return postgres.passwordUser();
  }

  /** The password of {@link #passwordUser()} (random per emulator). */
  public String password() {
    return postgres.password();
  }

  /** JDBC properties for a password login as {@link #passwordUser()}: {@code user} and {@code password}. */
  public Properties passwordLogin() {
    Properties login = new Properties();
    login.setProperty("user", passwordUser());
    login.setProperty("password", password());
    return login;
  }

  /** The database both users can use. */
  public String database() {
    return PostgresBackend.DATABASE;
  }

  /** The first instance. */
  public EmulatedInstance instance() {
    return instances.get(0);
  }

  /** All instances in the order they were configured. */
  public List<EmulatedInstance> instances() {
    return instances;
  }

  /** The instance named {@code uri}. */
  public EmulatedInstance instance(String uri) {
    return instances.stream().filter(i -> i.uri().equals(uri)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the emulator has no instance " + uri));
  }

  /** A plain JDBC URL straight to the embedded PostgreSQL (no proxy), for baselines; log in as the password user. */
  public String directJdbcUrl() {
    return postgres.jdbcUrl();
  }

  /** The fault knobs. */
  public Faults faults() {
    return faults;
  }

  /**
   * Restarts the embedded PostgreSQL, as an instance restart looks to clients: every session ends (FATAL 57P01,
   * then a closed socket), connections fail while it is down (the proxies accept, then cannot reach it), and a new
   * server on the same port and data serves once this returns. Roles, passwords and tables survive.
   *
   * @throws IOException if PostgreSQL did not come back within 60 s
   */
  public void restartDatabase() throws IOException {
    postgres.restart();
  }

  /** What the emulator has seen. */
  public Counters counters() {
    return counters;
  }

  /** Stops every listener, server and thread and the embedded PostgreSQL, and deletes the working files. */
  @Override
  public void close() {
    synchronized (resources) {
      closeAll(resources);
    }
  }

  private static void closeAll(List<AutoCloseable> opened) {
    for (int i = opened.size() - 1; i >= 0; i--) {
      try {
        opened.get(i).close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "emulator shutdown step failed: " + e);
      }
    }
    opened.clear();
  }

  private Path write(String name, String content) throws IOException {
    Path p = workDir.resolve(name);
    Files.writeString(p, content);
    try {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // non-POSIX file systems keep their default permissions
    }
    return p;
  }

  private static void writeTrustStore(Path path, CertificateAuthority ca, String password) throws IOException {
    try (OutputStream out = Files.newOutputStream(path)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setCertificateEntry("alloydb-emulator-admin-ca", ca.root());
      ks.store(out, password.toCharArray());
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot write the trust store", e);
    }
  }

  /** Deletes the working files; zonky's own shutdown hook may be deleting the data directory at the same time. */
  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.deleteIfExists(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  /** Configures an emulator. */
  public static final class Builder {
    private final List<String> instances = new ArrayList<>();
    private Integer proxyPort;
    private String password;
    private String universeDomain = "googleapis.com";

    private Builder() {}

    /**
     * Adds an instance ({@code projects/<P>/locations/<R>/clusters/<C>/instances/<I>}); repeatable, several clusters
     * allowed. Without any, the emulator serves {@link #DEFAULT_INSTANCE}.
     */
    public Builder instance(String instanceUri) {
      Objects.requireNonNull(instanceUri, "instanceUri");
      if (!INSTANCE_URI.matcher(instanceUri).matches()) {
        throw new IllegalArgumentException("instance URI must look like "
            + "projects/<PROJECT>/locations/<REGION>/clusters/<CLUSTER>/instances/<INSTANCE>, got " + instanceUri);
      }
      if (instances.contains(instanceUri)) {
        throw new IllegalArgumentException("instance " + instanceUri + " was added twice");
      }
      instances.add(instanceUri);
      return this;
    }

    /**
     * Serves every instance's proxy on one listener at {@code 127.0.0.1:port} (instance {@code n} at
     * {@code port + n}; 0 picks free ports) instead of port 5433 on per-instance loopback addresses. Google's
     * connectors cannot follow this; connectors with a port override can.
     */
    public Builder proxyPort(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("proxy port must be 0..65535, got " + port);
      }
      this.proxyPort = port;
      return this;
    }

    /** The password user's password (at least 12 characters); random by default. */
    public Builder password(String password) {
      if (password == null || password.length() < 12) {
        throw new IllegalArgumentException("the emulator's password must have at least 12 characters");
      }
      this.password = password;
      return this;
    }

    /**
     * The universe domain its credentials files name, to play a Trusted Partner Cloud such as
     * {@code example-universe.test}; {@code googleapis.com} by default. Clients must still be given the emulator's
     * Admin API endpoint: {@code alloydb.<universe>} does not resolve to it.
     */
    public Builder universeDomain(String universeDomain) {
      if (universeDomain == null || !UNIVERSE_DOMAIN.matcher(universeDomain).matches()) {
        throw new IllegalArgumentException("universe domain must be a DNS domain such as example-universe.test, got "
            + universeDomain);
      }
      this.universeDomain = universeDomain;
      return this;
    }

    /** Starts PostgreSQL, the Admin API, the token endpoint and the proxies; takes a few seconds. */
    public AlloyDbEmulator start() throws IOException {
      return new AlloyDbEmulator(this);
    }
  }
}
