package dev.alloydb.jakarta.testkit.throughput;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.Locale;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The in-container loop of the server benchmarks (Payara Micro 6 in src/benchmarks, the server matrix in
 * src/servers): {@code GET /loop?jndi=…&workload=SELECT_1&threads=8&millis=4000}
 * runs {@link ThroughputLoop} against the container's DataSource under that JNDI name and answers the operations per
 * second as plain text. {@code GET /loop?jndi=…&schema=true} creates the read/write table first. HTTP is only the
 * trigger; the measured loop runs inside the server, so HTTP overhead is not part of the figure.
 */
@WebServlet("/loop")
public class LoopServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("text/plain");
    try {
      DataSource dataSource = (DataSource) new InitialContext().lookup(required(request, "jndi"));
      if (Boolean.parseBoolean(request.getParameter("schema"))) {
        try (Connection connection = dataSource.getConnection()) {
          Workload.createSchema(connection);
        }
        response.getWriter().print("ok");
        return;
      }
      Workload workload = Workload.valueOf(required(request, "workload"));
      int threads = Integer.parseInt(required(request, "threads"));
      Duration duration = Duration.ofMillis(Long.parseLong(required(request, "millis")));
      double opsPerSecond = ThroughputLoop.run(dataSource, workload, threads, duration);
      response.getWriter().print(String.format(Locale.ROOT, "%.3f", opsPerSecond));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(response, e);
    } catch (NamingException | RuntimeException | java.sql.SQLException e) {
      fail(response, e);
    }
  }

  private static String required(HttpServletRequest request, String name) {
    String value = request.getParameter(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("query parameter '" + name + "' is required");
    }
    return value;
  }

  private static void fail(HttpServletResponse response, Exception e) throws IOException {
    response.setStatus(500);
    response.getWriter().print(e);
    Throwable cause = e.getCause();
    while (cause != null) {
      response.getWriter().print("\ncaused by: " + cause);
      cause = cause.getCause();
    }
  }
}
