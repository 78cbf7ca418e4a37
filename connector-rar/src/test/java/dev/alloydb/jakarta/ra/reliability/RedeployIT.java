package dev.alloydb.jakarta.ra.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.ra.reliability.app.CycleServlet;
import dev.alloydb.jakarta.testkit.leaks.HeapHistogram;
import dev.alloydb.jakarta.testkit.payara.PoolCommand;
import dev.alloydb.jakarta.testkit.payara.PoolCommands;
import fish.payara.micro.PayaraMicro;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.net.HttpURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploys and undeploys the .rar together with an application, over and over, on one Payara Micro: every cycle
 * creates a pool and a JNDI resource on the freshly deployed adapter, deploys a war that injects the DataSource and
 * calls it over HTTP, then undeploys the war and the adapter. Every undeployed adapter's class loader must be
 * collected, so loaded classes and live threads come back to their level after the first cycle: a class loader that
 * survived its undeploy would keep every adapter class (thousands: the connector and the Google client stack)
 * loaded, cycle after cycle.
 *
 * <p>One holder is Payara's and bounded: all pools' resizers run on one shared {@link java.util.Timer} thread whose
 * frame keeps the task it is waiting for, or last ran, until another is scheduled; when the deleted pool's resizer
 * is that task, it keeps the pool, its connection factory and so the adapter's class loader until any pool next
 * schedules one. The test makes the timer move on by flushing an unrelated H2 pool (which reschedules its resizer)
 * after each undeploy, then requires the adapter's class loader to be gone.
 *
 * <p>Cycles: system property {@value #CYCLES_PROPERTY} of the test JVM (default 3; the README's rerun uses 20).
 */
@ExtendWith(ArquillianExtension.class)
class RedeployIT {
  static final String CYCLES_PROPERTY = "alloydb.reliability.redeploy-cycles";
  private static final String RA_NAME = "alloydb-connector";
  private static final String SETTINGS = "reliability-redeploy.properties";
  private static final String PROBE_POOL = "redeploy-probe-pool";
  private static final String PROBE_JNDI = "jdbc/redeploy-probe";

  @Deployment
  static WebArchive deployment() throws URISyntaxException, IOException {
    Path work = Path.of(System.getProperty("alloydb.it.work-dir", "target/payara-it")).toAbsolutePath();
    Files.createDirectories(work);
    File app = work.resolve("cycle-app.war").toFile();
    ShrinkWrap.create(WebArchive.class, "cycle-app.war").addClass(CycleServlet.class)
        .as(ZipExporter.class).exportTo(app, true);
    String settings = "rar=" + Path.of(System.getProperty("alloydb.it.rar")).toAbsolutePath() + "\n"
        + "app=" + app.getAbsolutePath() + "\n"
        + "cycles=" + Integer.getInteger(CYCLES_PROPERTY, 3) + "\n"
        + "dumpDir=" + work + "\n";
    File assertj = new File(Assertions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ShrinkWrap.create(WebArchive.class, "redeploy-it.war")
        .addClasses(RedeployIT.class, Sample.class, PoolCommands.class, PoolCommand.class, HeapHistogram.class)
        .addAsResource(new StringAsset(settings), SETTINGS)
        .addAsLibraries(assertj);
  }

  /** Threads, loaded and unloaded classes, heap and open files after a cycle, measured after a full GC. */
  record Sample(int cycle, int threads, int classes, long unloaded, long heap, long files, String answer) {
  }

  @Test
  void everyUndeployedAdapterIsUnloaded() throws Exception {
    Properties settings = new Properties();
    try (InputStream in = RedeployIT.class.getClassLoader().getResourceAsStream(SETTINGS)) {
      settings.load(in);
    }
    int cycles = Integer.parseInt(settings.getProperty("cycles"));
    Path dumpDir = Path.of(settings.getProperty("dumpDir"));
    // The test kit deployed the adapter at boot; every cycle deploys it again under the same name.
    asadmin("undeploy", "--cascade=true", RA_NAME);
    createProbePool();
    Sample before = sample(0, "");
    List<String> threadsBefore = threadNames();

    List<Sample> samples = new ArrayList<>();
    List<String> leaks = new ArrayList<>();
    List<Integer> classesPerCycle = new ArrayList<>();
    Map<String, Long> histogramAfterFirst = Map.of();
    for (int cycle = 1; cycle <= cycles; cycle++) {
      asadmin("deploy", "--name", RA_NAME, settings.getProperty("rar"));
      PoolCommands.createPool(RA_NAME, "cycle-pool", "jdbc/cycle", "--steadypoolsize", "2", "--maxpoolsize", "4");
      asadmin("deploy", "--name", "cycle-app", "--contextroot", "cycle-app", settings.getProperty("app"));
      String answer = get("/cycle-app/check");
      WeakReference<ClassLoader> adapterLoader = adapterClassLoader();
      int classesWhileDeployed = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
      asadmin("undeploy", "cycle-app");
      PoolCommands.deletePool("cycle-pool", "jdbc/cycle");
      asadmin("undeploy", "--cascade=true", RA_NAME);
      asadmin("flush-connection-pool", PROBE_POOL);
      List<String> holders = awaitCollected(adapterLoader);
      if (!holders.isEmpty() && leaks.isEmpty()) {
        holders.add("heap dump: " + dumpHeap(dumpDir));
      }
      int leakedCycle = cycle;
      holders.forEach(holder -> leaks.add("cycle " + leakedCycle + ": " + holder));
      Sample sample = sample(cycle, answer);
      samples.add(sample);
      classesPerCycle.add(classesWhileDeployed - sample.classes());
      if (cycle == 1) {
        histogramAfterFirst = HeapHistogram.take();
      }
      System.out.println("redeploy " + sample + (holders.isEmpty() ? "" : " adapter class loader kept by " + holders));
    }

    Sample first = samples.get(0);
    Sample last = samples.get(samples.size() - 1);
    // What one deployment (adapter and war) loads and its undeploy unloads again, median over the cycles.
    int classesPerDeployment = classesPerCycle.stream().sorted().toList().get(classesPerCycle.size() / 2);
    System.out.printf("redeploy: %d cycles; before %s; first %s; last %s; classes one deployment loads %d%n",
        cycles, before, first, last, classesPerDeployment);
    List<String> newThreads = new ArrayList<>(threadNames());
    threadsBefore.forEach(newThreads::remove);
    System.out.println("redeploy: threads started since before the first cycle and still alive: " + newThreads);
    System.out.println("redeploy: heap growth since cycle 1 by class (bytes): "
        + HeapHistogram.growth(histogramAfterFirst, HeapHistogram.take(), 12));
    assertThat(samples).allSatisfy(s -> assertThat(s.answer())
        .isEqualTo("user=" + System.getProperty("alloydb.user")));
    assertThat(classesPerDeployment).as("classes one deployment loads").isGreaterThan(1000);
    assertThat(leaks).as("what kept an undeployed adapter's class loader alive").isEmpty();
    assertThat((last.unloaded() - before.unloaded()) / cycles).as("classes unloaded per cycle")
        .isGreaterThan(classesPerDeployment * 8L / 10);
    // Payara and the JDK load a few classes of their own now and then (about 15 per cycle, fewer over time); one
    // adapter generation left behind would be more than two thousand.
    assertThat(last.classes() - first.classes()).as("classes still loaded after %d more cycles", cycles - 1)
        .isLessThan(classesPerDeployment / 2);
    // Payara's pools (ORB WorkManager, HTTP, executor service, Hazelcast) grow on demand and shrink after their idle
    // timeout; what matters is that no thread runs the adapter's code or its libraries' (printed above: the
    // threads started during the cycles and still alive).
    assertThat(last.threads() - first.threads()).as("threads added after %d more cycles", cycles - 1)
        .isLessThanOrEqualTo(16);
    assertThat(liveThreadsRunning("dev.alloydb.jakarta.connector", "dev.alloydb.jakarta.ra.", "com.google.",
        "io.grpc.", "org.postgresql.")).isEmpty();
  }

  /**
   * An H2 pool (Payara Micro bundles H2) with a JNDI resource, initialised by one connection so that it has a
   * resizer to reschedule when flushed.
   */
  private static void createProbePool() throws Exception {
    asadmin("create-jdbc-connection-pool", "--datasourceclassname", "org.h2.jdbcx.JdbcDataSource",
        "--restype", "javax.sql.DataSource", "--steadypoolsize", "1", "--maxpoolsize", "1",
        "--property", "url=jdbc\\:h2\\:mem\\:redeploy-probe", PROBE_POOL);
    asadmin("create-jdbc-resource", "--connectionpoolid", PROBE_POOL, PROBE_JNDI);
    try (java.sql.Connection connection = InitialContext.<javax.sql.DataSource>doLookup(PROBE_JNDI).getConnection()) {
      assertThat(connection.isValid(5)).as("probe pool connection").isTrue();
    }
  }

  /**
   * The class loader of the deployed adapter, held weakly: through its status MBean, so that this test holds no
   * adapter object itself (a JNDI lookup from this still-deployed war would be cached by the container).
   */
  private static WeakReference<ClassLoader> adapterClassLoader() throws Exception {
    return new WeakReference<>(ManagementFactory.getPlatformMBeanServer()
        .getClassLoaderFor(new javax.management.ObjectName("dev.alloydb.jakarta:type=ResourceAdapter")));
  }

  /**
   * Collects garbage until the undeployed adapter's class loader is gone (up to ~20 s); if it stays, names the
   * usual suspects that still point into it: threads, JDBC drivers, security providers, JUL filters and handlers.
   */
  private static List<String> awaitCollected(WeakReference<ClassLoader> loader) throws InterruptedException {
    for (int i = 0; i < 40 && loader.get() != null; i++) {
      System.gc();
      Thread.sleep(500);
    }
    ClassLoader leaked = loader.get();
    if (leaked == null) {
      return new ArrayList<>();
    }
    List<String> holders = new ArrayList<>(List.of("still reachable after undeploy; suspects this test can see:"));
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getContextClassLoader() == leaked || thread.getClass().getClassLoader() == leaked) {
        holders.add("thread " + thread.getName());
      }
      if (accessContextHolds(thread, leaked)) {
        holders.add("access control context inherited by thread " + thread.getName());
      }
      threadLocalsHolding(thread, leaked).forEach(v -> holders.add("thread local of " + thread.getName() + ": " + v));
    }
    try {
      Class<?> hooks = Class.forName("java.lang.ApplicationShutdownHooks");
      java.lang.reflect.Field field = hooks.getDeclaredField("hooks");
      field.setAccessible(true);
      for (Object hook : ((Map<?, ?>) field.get(null)).keySet()) {
        Thread thread = (Thread) hook;
        if (thread.getContextClassLoader() == leaked || thread.getClass().getClassLoader() == leaked
            || accessContextHolds(thread, leaked)) {
          holders.add("shutdown hook " + thread.getName() + " " + thread.getClass().getName());
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      holders.add("(shutdown hooks not inspectable: " + e + ")");
    }
    registeredDrivers(holders).stream().filter(d -> d.getClass().getClassLoader() == leaked)
        .forEach(d -> holders.add("JDBC driver " + d.getClass().getName()));
    Arrays.stream(Security.getProviders()).filter(p -> p.getClass().getClassLoader() == leaked)
        .forEach(p -> holders.add("security provider " + p.getName()));
    LogManager logs = LogManager.getLogManager();
    for (String name : Collections.list(logs.getLoggerNames())) {
      Logger logger = logs.getLogger(name);
      if (logger == null) {
        continue;
      }
      if (logger.getFilter() != null && logger.getFilter().getClass().getClassLoader() == leaked) {
        holders.add("filter of logger " + name);
      }
      Arrays.stream(logger.getHandlers()).filter(h -> h.getClass().getClassLoader() == leaked)
          .forEach(h -> holders.add("handler of logger " + name));
    }
    return holders;
  }

  /** A heap dump of live objects, for whoever hunts the holder down. */
  private static String dumpHeap(Path directory) {
    try {
      Path dump = directory.resolve("redeploy-leak-" + System.nanoTime() + ".hprof");
      ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
          .dumpHeap(dump.toString(), true);
      return dump.toString();
    } catch (IOException | RuntimeException e) {
      return "failed: " + e;
    }
  }

  /** Every registered driver; {@link DriverManager#getDrivers()} hides those this war's loader cannot see. */
  private static List<Object> registeredDrivers(List<String> problems) {
    List<Object> drivers = new ArrayList<>();
    try {
      java.lang.reflect.Field field = DriverManager.class.getDeclaredField("registeredDrivers");
      field.setAccessible(true);
      for (Object info : (Iterable<?>) field.get(null)) {
        java.lang.reflect.Field driver = info.getClass().getDeclaredField("driver");
        driver.setAccessible(true);
        drivers.add(driver.get(info));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      problems.add("(registered drivers not inspectable: " + e + ")");
      drivers.addAll(Collections.list(DriverManager.getDrivers()));
    }
    return drivers;
  }

  private static boolean accessContextHolds(Thread thread, ClassLoader leaked) {
    try {
      java.lang.reflect.Field field = Thread.class.getDeclaredField("inheritedAccessControlContext");
      field.setAccessible(true);
      Object context = field.get(thread);
      if (context == null) {
        return false;
      }
      java.lang.reflect.Field domains = context.getClass().getDeclaredField("context");
      domains.setAccessible(true);
      java.security.ProtectionDomain[] pds = (java.security.ProtectionDomain[]) domains.get(context);
      return pds != null && Arrays.stream(pds).anyMatch(pd -> pd != null && pd.getClassLoader() == leaked);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("inherited access-control context of " + thread.getName()
          + " not inspectable (the test kit opens java.lang and java.security)", e);
    }
  }

  private static List<String> threadLocalsHolding(Thread thread, ClassLoader leaked) {
    List<String> found = new ArrayList<>();
    for (String mapField : List.of("threadLocals", "inheritableThreadLocals")) {
      try {
        java.lang.reflect.Field field = Thread.class.getDeclaredField(mapField);
        field.setAccessible(true);
        Object map = field.get(thread);
        if (map == null) {
          continue;
        }
        java.lang.reflect.Field tableField = map.getClass().getDeclaredField("table");
        tableField.setAccessible(true);
        for (Object entry : (Object[]) tableField.get(map)) {
          if (entry == null) {
            continue;
          }
          java.lang.reflect.Field valueField = entry.getClass().getDeclaredField("value");
          valueField.setAccessible(true);
          Object value = valueField.get(entry);
          // Keys are weak; only a value can keep the loader alive.
          if (value != null && value.getClass().getClassLoader() == leaked) {
            Object key = ((java.lang.ref.Reference<?>) entry).get();
            found.add((key == null ? "stale key" : key.getClass().getName()) + " = " + value.getClass().getName());
          }
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        found.add("(" + mapField + " not inspectable: " + e + ")");
        break;
      }
    }
    return found;
  }

  private static Sample sample(int cycle, String answer) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return new Sample(cycle, ManagementFactory.getThreadMXBean().getThreadCount(),
        ManagementFactory.getClassLoadingMXBean().getLoadedClassCount(),
        ManagementFactory.getClassLoadingMXBean().getUnloadedClassCount(),
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), openFiles(), answer);
  }

  /** Open file descriptors of this process (files and sockets), or -1 where the JVM does not tell. */
  private static long openFiles() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix
        ? unix.getOpenFileDescriptorCount() : -1;
  }

  private static List<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList();
  }

  private static List<String> liveThreadsRunning(String... prefixes) {
    List<String> found = new ArrayList<>();
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      for (StackTraceElement frame : stack) {
        for (String prefix : prefixes) {
          if (frame.getClassName().startsWith(prefix) && !frame.getClassName().contains(".reliability.")) {
            found.add(thread.getName() + " in " + frame);
            return;
          }
        }
      }
    });
    return found;
  }

  private static void asadmin(String command, String... args) throws Exception {
    PoolCommands.asadmin(command, args);
  }

  private static String get(String path) throws IOException {
    int port = PayaraMicro.getInstance().getRuntime().getLocalDescriptor().getHttpPorts().get(0);
    HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
    connection.setConnectTimeout(30_000);
    connection.setReadTimeout(120_000);
    int code = connection.getResponseCode();
    try (InputStream in = code == 200 ? connection.getInputStream() : connection.getErrorStream()) {
      String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return code == 200 ? body : "HTTP " + code + ": " + body;
    } finally {
      connection.disconnect();
    }
  }
}
