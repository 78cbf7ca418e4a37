package dev.alloydb.jakarta.servers.scenario;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The scenario war's one servlet: {@code GET /alloydb-scenario/scenario/<action>} runs one step of the suite inside
 * the server and answers {@code key=value} lines (text/plain), or status 500 with the failure's type and message.
 * It uses only Jakarta EE and the JDK, so the same war runs on every server.
 */
@WebServlet("/scenario/*")
public class ScenarioServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final String STATUS_MBEAN = "dev.alloydb.jakarta:type=ResourceAdapter";

  @Resource(lookup = "jdbc/alloydb")
  private DataSource injected;

  @Inject
  private ScenarioWriter writer;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String action = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    Map<String, String> answer = new LinkedHashMap<>();
    try {
      switch (action) {
        case "injected" -> describe(injected, answer);
        case "lookup" -> describe((DataSource) new InitialContext().lookup(request.getParameter("jndi")), answer);
        case "commit" -> {
          writer.insert(Integer.parseInt(request.getParameter("id")));
          answer.put("committed", request.getParameter("id"));
        }
        case "rollback" -> answer.put("rolledBack", Boolean.toString(insertThenFail(request.getParameter("id"))));
        case "autocommit-in-transaction" -> answer.put("autoCommit",
            Boolean.toString(writer.autoCommitInsideTransaction()));
        case "status" -> status(answer);
        default -> {
          response.sendError(HttpServletResponse.SC_NOT_FOUND, "no scenario action '" + action + "'");
          return;
        }
      }
    } catch (SQLException | NamingException | JMException | RuntimeException e) {
      response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      answer.put("failure", e.getClass().getName());
      answer.put("message", String.valueOf(e.getMessage()).replace('\n', ' '));
    }
    response.setContentType("text/plain;charset=UTF-8");
    StringBuilder body = new StringBuilder();
    answer.forEach((key, value) -> body.append(key).append('=').append(value).append('\n'));
    response.getWriter().write(body.toString());
  }

  private boolean insertThenFail(String id) throws SQLException {
    try {
      writer.insertThenFail(Integer.parseInt(id));
      return false;
    } catch (RuntimeException expected) {
      return true;
    }
  }

  /** Who the connection logged in as, and which backend serves it. */
  private static void describe(DataSource dataSource, Map<String, String> answer) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select current_user, pg_backend_pid()")) {
      row.next();
      answer.put("user", row.getString(1));
      answer.put("backendPid", Integer.toString(row.getInt(2)));
    }
  }

  /**
   * The adapter's status MBean (how many tasks ran, on which threads) and the live threads that are the library's
   * own (named by connector-lib's default scheduler, gax's or gRPC's default executors) or that run adapter code
   * without having been handed it by the server (the outermost frame below {@code Thread.run} is the adapter's).
   */
  private static void status(Map<String, String> answer) throws JMException {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = new ObjectName(STATUS_MBEAN);
    answer.put("tasksRun", String.valueOf(server.getAttribute(name, "TasksRun")));
    answer.put("workThreadNames", String.join(",", (String[]) server.getAttribute(name, "WorkThreadNames")));
    Thread self = Thread.currentThread();
    List<String> library = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .filter(ThreadNames::isLibraryThread).toList();
    List<String> adapterStarted = Thread.getAllStackTraces().entrySet().stream()
        .filter(entry -> entry.getKey() != self && startedByAdapter(entry.getValue()))
        .map(entry -> entry.getKey().getName()).toList();
    answer.put("libraryThreads", String.join(",", library));
    answer.put("adapterStartedThreads", String.join(",", adapterStarted));
  }

  private static boolean startedByAdapter(StackTraceElement[] stack) {
    return Arrays.stream(stack).map(StackTraceElement::getClassName)
        .filter(className -> !className.startsWith("java.") && !className.startsWith("jdk.internal."))
        .reduce((inner, outer) -> outer)
        .map(outermost -> outermost.startsWith("dev.alloydb.jakarta.")
            && !outermost.startsWith("dev.alloydb.jakarta.servers."))
        .orElse(false);
  }
}
