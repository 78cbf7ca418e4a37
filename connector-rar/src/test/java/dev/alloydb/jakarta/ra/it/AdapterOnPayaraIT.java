package dev.alloydb.jakarta.ra.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.testkit.payara.PoolCommand;
import dev.alloydb.jakarta.testkit.payara.PoolCommands;
import dev.alloydb.jakarta.testkit.secrets.SecretScanner;
import fish.payara.micro.ClusterCommandResult;
import fish.payara.micro.PayaraMicro;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The adapter on Payara Micro 6 against the emulator (one Payara boot for the whole class; the pools and JNDI
 * resources come from {@code dev.alloydb.jakarta.testkit.payara.PayaraBootFiles}). Runs inside Payara. The last test
 * undeploys the adapter, so the order is fixed.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdapterOnPayaraIT {

  // Constants of PayaraBootFiles, repeated: that class needs the emulator, which is not in the test war.
  private static final String PASSWORD_JNDI = "jdbc/alloydb";
  private static final String IAM_JNDI = "jdbc/alloydb-iam";
  private static final String CONFIG_JNDI = "jdbc/alloydb-config";
  private static final String STATUS_MBEAN = "dev.alloydb.jakarta:type=ResourceAdapter";
  private static final long WAIT_MILLIS = 60_000;

  @Resource(lookup = PASSWORD_JNDI)
  private DataSource injected;

  @Deployment
  static WebArchive deployment() throws URISyntaxException {
    File assertj = new File(Assertions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ShrinkWrap.create(WebArchive.class, "adapter-it.war")
        .addClasses(AdapterOnPayaraIT.class, TransactionalWriter.class, PoolCommands.class, PoolCommand.class,
            SecretScanner.class, SecretScanner.Secret.class)
        .addAsLibraries(assertj);
  }

  @Test
  @Order(1)
  void injectedDataSourceLogsInWithPasswordAndHandsOutHandles() throws SQLException {
    assertThat(System.getProperty("alloydb.password"))
        .as("the password reaches Payara through its environment only (ALLOYDB_PASSWORD)").isNull();
    assertThat(System.getenv("ALLOYDB_PASSWORD")).isNotBlank();
    assertThat(injected).isNotNull();
    try (Connection connection = injected.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select current_user")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getString(1)).isEqualTo(System.getProperty("alloydb.it.password-user"));
      assertThat(statement.getConnection()).isSameAs(connection);
      assertThat(result.getStatement()).isSameAs(statement);
      DatabaseMetaData metaData = connection.getMetaData();
      assertThat(metaData.getConnection()).isSameAs(connection);
    }
  }

  @Test
  @Order(2)
  void jndiLookupGivesIamLogin() throws Exception {
    DataSource iam = (DataSource) new InitialContext().lookup(IAM_JNDI);
    assertThat(currentUser(iam)).isEqualTo(System.getProperty("alloydb.iam-user"));
  }

  @Test
  @Order(3)
  void poolWithoutPropertiesIsConfiguredByMicroProfileConfig() throws Exception {
    DataSource configured = (DataSource) new InitialContext().lookup(CONFIG_JNDI);
    try (Connection connection = configured.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select current_user, current_database()")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getString(1)).isEqualTo(System.getProperty("alloydb.user"));
      assertThat(result.getString(2)).isEqualTo("postgres");
    }
  }

  @Test
  @Order(4)
  void connectionFactoryDefinitionPublishesDataSource() throws Exception {
    DataSource annotated = (DataSource) new InitialContext().lookup(TransactionalWriter.ANNOTATED_JNDI);
    assertThat(currentUser(annotated)).isEqualTo(System.getProperty("alloydb.iam-user"));
  }

  @Test
  @Order(5)
  void containerManagedTransactionsCommitAndRollBack() throws Exception {
    execute(injected, "create table if not exists it_tx (id int primary key)");
    execute(injected, "delete from it_tx");
    TransactionalWriter writer = (TransactionalWriter) new InitialContext().lookup("java:module/TransactionalWriter");

    assertThat(writer.autoCommitInsideTransaction()).isFalse();
    writer.insert(1);
    assertThatThrownBy(() -> writer.insertThenFail(2)).isInstanceOf(EJBException.class);

    assertThat(ids(injected)).containsExactly(1);
    try (Connection connection = injected.getConnection()) {
      assertThat(connection.getAutoCommit()).as("auto-commit restored after the transaction").isTrue();
    }
  }

  @Test
  @Order(6)
  void terminatedBackendIsEvictedByPoolValidation() throws Exception {
    DataSource killer = (DataSource) new InitialContext().lookup(CONFIG_JNDI);
    int victim = backendPid(injected);
    assertThat(terminate(killer, victim)).isTrue();

    // The pool validates on every getConnection (isconnectvalidatereq) and must not hand the dead one out.
    try (Connection connection = injected.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getInt(1)).isNotEqualTo(victim);
    }
  }

  @Test
  @Order(7)
  void terminatedBackendIsEvictedAfterItsErrorEvent() throws Exception {
    // One connection, no validation: the next getConnection returns the dead backend, whose failure must evict it.
    DataSource single = (DataSource) new InitialContext().lookup(CONFIG_JNDI);
    int victim = backendPid(single);
    assertThat(terminate(injected, victim)).isTrue();

    try (Connection connection = single.getConnection(); Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("select 1")).isInstanceOf(SQLException.class);
    }
    int replacement = backendPid(single);
    assertThat(replacement).isNotEqualTo(victim);
  }

  @Test
  @Order(8)
  void refreshRunsOnContainerWorkManagerThreads() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName status = new ObjectName(STATUS_MBEAN);
    assertThat((Long) server.getAttribute(status, "TasksRun")).isPositive();
    String[] threads = (String[]) server.getAttribute(status, "WorkThreadNames");
    assertThat(threads).isNotEmpty().allSatisfy(name -> assertThat(name).contains("thread-pool"));
    // Neither connector-lib's default scheduler nor gax's default executor may have started threads.
    assertThat(liveThreadNames()).noneMatch(AdapterOnPayaraIT::isLibraryThread);
  }

  /**
   * With the adapter's, Google's client libraries', pgjdbc's and the JDK's HTTP loggers at the finest level, a new
   * connector (its own quota project) refreshes and logs in with a password and over IAM, and a login with a wrong
   * password fails: no log record and no error message holds a password, an OAuth2 token, the service account's
   * private key or a certificate or key body.
   */
  @Test
  @Order(9)
  void noSecretReachesAnyLogRecordAtTheFinestLevel() throws Exception {
    String wrongPassword = "wrong-" + Long.toHexString(System.nanoTime()) + "-password";
    List<String> messages = new ArrayList<>();
    List<LogRecord> records;
    try (LogRecorder recorder = LogRecorder.start("dev.alloydb", "com.google", "io.grpc", "org.postgresql",
        "sun.net.www.protocol.http.HttpURLConnection")) {
      PoolCommands.createPool("alloydb-connector", "secrets-pool", "jdbc/secrets", Map.of("quotaProject", "secrets"));
      PoolCommands.createPool("alloydb-connector", "secrets-iam-pool", "jdbc/secrets-iam", Map.of(
          "quotaProject", "secrets", "enableIamAuth", "true", "user", System.getProperty("alloydb.iam-user")));
      try {
        DataSource password = InitialContext.doLookup("jdbc/secrets");
        DataSource iam = InitialContext.doLookup("jdbc/secrets-iam");
        assertThat(currentUser(password)).isEqualTo(System.getProperty("alloydb.user"));
        assertThat(currentUser(iam)).isEqualTo(System.getProperty("alloydb.iam-user"));
        assertThatThrownBy(() -> password.getConnection(System.getProperty("alloydb.user"), wrongPassword).close())
            .isInstanceOf(SQLException.class)
            .satisfies(e -> messages.add(stackTrace(e)));
      } finally {
        PoolCommands.deletePool("secrets-pool", "jdbc/secrets");
        PoolCommands.deletePool("secrets-iam-pool", "jdbc/secrets-iam");
      }
      records = recorder.records();
    }

    List<SecretScanner.Secret> secrets = List.of(
        new SecretScanner.Secret("database password", System.getenv("ALLOYDB_PASSWORD")),
        new SecretScanner.Secret("wrong password", wrongPassword),
        new SecretScanner.Secret("service account private key", serviceAccountKeyBody()));
    Formatter formatter = new SimpleFormatter();
    List<String> findings = new ArrayList<>();
    for (LogRecord record : records) {
      SecretScanner.scan(formatter.format(record), secrets)
          .forEach(kind -> findings.add(kind + " in a record of " + record.getLoggerName()));
    }
    messages.forEach(m -> SecretScanner.scan(m, secrets).forEach(kind -> findings.add(kind + " in an error")));
    System.out.printf("secrets on Payara: %d log records scanned (%d of the connector), %d error messages%n",
        records.size(), records.stream().filter(r -> String.valueOf(r.getLoggerName()).startsWith("dev.alloydb"))
            .count(), messages.size());
    assertThat(records).as("records at the finest level").hasSizeGreaterThan(20)
        .anyMatch(r -> String.valueOf(r.getLoggerName()).startsWith("com.google"));
    assertThat(findings).isEmpty();
  }

  @Test
  @Order(10)
  void poolWithAnInstanceUriTheLibraryRejectsFailsAtLookupWithTheLibrarysMessage() throws Exception {
    // A colon belongs only in a domain-scoped project; the adapter once accepted it anywhere, the library never did.
    String uri = System.getProperty("alloydb.instance-uri") + ":x";
    PoolCommands.createPool("alloydb-connector", "invalid-pool", "jdbc/invalid", Map.of("instanceUri", uri));
    try {
      assertThatThrownBy(() -> InitialContext.doLookup("jdbc/invalid"))
          .satisfies(e -> assertThat(stackTrace(e))
              .contains("AlloyDB setting instanceUri (MicroProfile Config key alloydb.instance-uri) (pool property): "
                  + "Invalid instance URI '" + uri + "'"));
    } finally {
      PoolCommands.deletePool("invalid-pool", "jdbc/invalid");
    }
  }

  @Test
  @Order(11)
  void undeployingTheAdapterLeavesNoAdapterThread() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName status = new ObjectName(STATUS_MBEAN);
    assertThat(server.isRegistered(status)).isTrue();
    // A background refresh is pending, so the delay-queue Work is holding a container thread.
    await(() -> threadsRunning("dev.alloydb.jakarta.ra.work.DelayQueueWork") == 1);
    ClassLoader adapterLoader = injected.getClass().getClassLoader();
    assertThat(driversLoadedBy(adapterLoader)).as("pgjdbc registered itself from the adapter").isPositive();

    Map<?, ? extends Future<? extends ClusterCommandResult>> results =
        PayaraMicro.getInstance().getRuntime().run("undeploy", "--cascade=true", "alloydb-connector");
    for (Future<? extends ClusterCommandResult> result : results.values()) {
      ClusterCommandResult outcome = result.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
      assertThat(outcome.getExitStatus()).as(outcome.getOutput()).isEqualTo(ClusterCommandResult.ExitStatus.SUCCESS);
    }

    assertThat(server.isRegistered(status)).isFalse();
    await(() -> threadsRunning("dev.alloydb.jakarta.") == 0);
    assertThat(liveThreadNames()).noneMatch(AdapterOnPayaraIT::isLibraryThread);
    assertThat(driversLoadedBy(adapterLoader)).as("JDBC drivers left registered").isZero();
  }

  /** The base64 body of the service account's private key, from the credentials file the adapter reads. */
  private static String serviceAccountKeyBody() throws IOException {
    String json = Files.readString(Path.of(System.getProperty("alloydb.credentials-file")));
    Matcher key = Pattern.compile("-----BEGIN PRIVATE KEY-----(?:\\\\n)+([A-Za-z0-9+/=]{40})").matcher(json);
    assertThat(key.find()).as("a private key in the credentials file").isTrue();
    return key.group(1);
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  /**
   * Records what the given loggers (set to {@code ALL} meanwhile) and every other logger at its own level publish;
   * {@link #close()} puts the levels back and removes the handler.
   */
  private static final class LogRecorder extends Handler implements AutoCloseable {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Map<Logger, Level> levels = new LinkedHashMap<>();

    static LogRecorder start(String... loggerNames) {
      LogRecorder recorder = new LogRecorder();
      recorder.setLevel(Level.ALL);
      for (String name : loggerNames) {
        Logger logger = Logger.getLogger(name);
        recorder.levels.put(logger, logger.getLevel());
        logger.setLevel(Level.ALL);
      }
      Logger.getLogger("").addHandler(recorder);
      return recorder;
    }

    List<LogRecord> records() {
      return List.copyOf(records);
    }

    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
      Logger.getLogger("").removeHandler(this);
      levels.forEach(Logger::setLevel);
    }
  }

  /** DriverManager's registrations whose driver class {@code loader} loaded (getDrivers() hides other loaders'). */
  private static long driversLoadedBy(ClassLoader loader) throws ReflectiveOperationException {
    Field registered = DriverManager.class.getDeclaredField("registeredDrivers");
    registered.setAccessible(true);
    long count = 0;
    for (Object info : (Iterable<?>) registered.get(null)) {
      Field driver = info.getClass().getDeclaredField("driver");
      driver.setAccessible(true);
      if (driver.get(info).getClass().getClassLoader() == loader) {
        count++;
      }
    }
    return count;
  }

  private static String currentUser(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select current_user")) {
      assertThat(result.next()).isTrue();
      return result.getString(1);
    }
  }

  private static int backendPid(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
      assertThat(result.next()).isTrue();
      return result.getInt(1);
    }
  }

  private static boolean terminate(DataSource dataSource, int pid) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("select pg_terminate_backend(?)")) {
      statement.setInt(1, pid);
      try (ResultSet result = statement.executeQuery()) {
        assertThat(result.next()).isTrue();
        return result.getBoolean(1);
      }
    }
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<Integer> ids(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select id from it_tx order by id")) {
      List<Integer> ids = new ArrayList<>();
      while (result.next()) {
        ids.add(result.getInt(1));
      }
      return ids;
    }
  }

  /** Threads other than this test's that are running code whose class name starts with {@code classPrefix}. */
  private static long threadsRunning(String classPrefix) {
    Thread self = Thread.currentThread();
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(entry -> entry.getKey() != self)
        .filter(entry -> Arrays.stream(entry.getValue()).anyMatch(frame -> isAdapterFrame(frame, classPrefix)))
        .count();
  }

  private static boolean isAdapterFrame(StackTraceElement frame, String classPrefix) {
    String name = frame.getClassName();
    return name.startsWith(classPrefix) && !name.startsWith("dev.alloydb.jakarta.ra.it.");
  }

  private static boolean isLibraryThread(String name) {
    return name.startsWith("alloydb-connector-") || name.startsWith("Gax-");
  }

  private static List<String> liveThreadNames() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met within %d ms", WAIT_MILLIS).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
