package dev.alloydb.jakarta.servers.wildfly;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * {@code GET /login?pool=password|iam}: the database user a connection from that pool logged in as, through the
 * WildFly names {@code java:/jdbc/alloydb} and {@code java:/jdbc/alloydb-iam} injected with {@code @Resource}.
 * Deployed by {@link WildFlyIT} in its own war.
 */
@WebServlet("/login")
public class LoginProbeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Resource(lookup = "java:/jdbc/alloydb")
  private transient DataSource password;

  @Resource(lookup = "java:/jdbc/alloydb-iam")
  private transient DataSource iam;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    DataSource pool = "iam".equals(request.getParameter("pool")) ? iam : password;
    response.setContentType("text/plain");
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT current_user")) {
      row.next();
      response.getWriter().print(row.getString(1));
    } catch (SQLException e) {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.getWriter().print("SQLException " + e.getSQLState() + ": " + e.getMessage());
    }
  }
}
