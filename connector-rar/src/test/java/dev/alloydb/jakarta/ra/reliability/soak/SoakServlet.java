package dev.alloydb.jakarta.ra.reliability.soak;

import dev.alloydb.jakarta.testkit.leaks.HeapHistogram;
import dev.alloydb.jakarta.testkit.load.Load;
import dev.alloydb.jakarta.testkit.payara.PoolCommands;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.naming.InitialContext;
import javax.sql.DataSource;

/**
 * Runs the resource adapter's half of the soak inside Payara: {@code POST run/start?threads=N} creates a pool
 * whose physical connections are replaced every few uses (so certificate rotation reaches new TLS connections all
 * the time), warms it up, records the baseline and starts N threads that open, use and close pooled connections;
 * {@code POST run/stop} stops them and answers with the figures (Java properties format). Both measurements are
 * taken right after flushing the pool, so that its open connections do not count as growth.
 */
@WebServlet("/run/*")
public class SoakServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final String JNDI = "jdbc/soak";
  private static Load run;
  private static Properties baseline;
  private static Map<String, Long> baselineHistogram;

  @Override
  protected synchronized void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Properties answer = new Properties();
    try {
      if (request.getPathInfo().equals("/start")) {
        int threads = Integer.parseInt(request.getParameter("threads"));
        createPool(threads);
        DataSource dataSource = (DataSource) new InitialContext().lookup(JNDI);
        for (int i = 0; i < threads * 2; i++) {
          use(dataSource);
        }
        PoolCommands.asadmin("flush-connection-pool", "soak-pool");
        baseline = measure();
        baselineHistogram = HeapHistogram.take();
        run = Load.start(threads, () -> use(dataSource));
        answer.putAll(baseline);
      } else {
        run.stop(Duration.ofMinutes(2));
        PoolCommands.asadmin("flush-connection-pool", "soak-pool");
        Properties after = measure();
        baseline.forEach((k, v) -> answer.put("before." + k, v));
        after.forEach((k, v) -> answer.put("after." + k, v));
        answer.put("operations", Long.toString(run.operations()));
        answer.put("failures", Long.toString(run.failures()));
        answer.put("firstFailures", run.firstFailures().toString());
        answer.put("heapGrowth", HeapHistogram.growth(baselineHistogram, HeapHistogram.take(), 8).toString());
      }
    } catch (Exception e) {
      response.sendError(500, e.toString());
      return;
    }
    StringWriter out = new StringWriter();
    answer.store(out, null);
    response.setContentType("text/plain");
    response.getWriter().print(out);
  }

  private static void use(DataSource dataSource) throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      query(connection);
    }
  }

  /** The soak's operation on an open connection, on either side: a small query whose answer is checked. */
  public static void query(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select count(*) from generate_series(1, 10)")) {
      if (!result.next() || result.getInt(1) != 10) {
        throw new IllegalStateException("unexpected query result");
      }
    }
  }

  private static void createPool(int threads) throws Exception {
    PoolCommands.createPool("alloydb-connector", "soak-pool", JNDI, "--steadypoolsize", "2", "--maxpoolsize",
        Integer.toString(threads), "--maxconnectionusagecount", "25", "--isconnectvalidatereq", "true",
        "--maxwait", "120000");
  }

  /** Open sockets of this process: descriptors that link to {@code socket:[inode]}. */
  public static long sockets() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> {
        try {
          return Files.readSymbolicLink(fd).toString().startsWith("socket:");
        } catch (IOException gone) {
          return false;
        }
      }).count();
    }
  }

  /** Threads, open sockets and heap after a full GC of the Payara process. */
  private static Properties measure() throws IOException, InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Properties p = new Properties();
    p.put("threads", Integer.toString(ManagementFactory.getThreadMXBean().getThreadCount()));
    p.put("fds", Long.toString(sockets()));
    p.put("heap", Long.toString(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()));
    p.put("classes", Integer.toString(ManagementFactory.getClassLoadingMXBean().getLoadedClassCount()));
    return p;
  }
}
