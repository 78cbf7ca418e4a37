package dev.alloydb.jakarta.servers.liberty;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * {@code GET /pool-user?jndi=<name>}: looks the server's DataSource up by its JNDI name and answers with the database
 * user a connection from it logged in as, or 500 with the failure's class and message. {@link OpenLibertyIT} deploys
 * it in a war of its own.
 */
@WebServlet("/pool-user")
public class PoolUserServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("text/plain");
    try {
      DataSource dataSource = (DataSource) new InitialContext().lookup(request.getParameter("jndi"));
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT current_user")) {
        row.next();
        response.getWriter().print(row.getString(1));
      }
    } catch (NamingException | SQLException | RuntimeException e) {
      response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      response.getWriter().print(e.getClass().getName() + ": " + e.getMessage());
    }
  }
}
