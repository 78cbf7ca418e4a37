package dev.alloydb.jakarta.ra.reliability.app;

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

/** The application deployed with the adapter in every redeploy cycle: answers with the database user it sees. */
@WebServlet("/check")
public class CycleServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Resource(lookup = "jdbc/cycle")
  private DataSource dataSource;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select current_user")) {
      result.next();
      response.setContentType("text/plain");
      response.getWriter().print("user=" + result.getString(1));
    } catch (SQLException e) {
      response.sendError(500, e.getMessage());
    }
  }
}
