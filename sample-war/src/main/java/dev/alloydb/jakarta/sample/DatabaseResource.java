package dev.alloydb.jakarta.sample;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * {@code /api/database}: which database the sample reached and how many items it holds. It looks the DataSource
 * up with a plain JNDI call, as code without injection (a library, a servlet filter) would.
 */
@Path("database")
@Produces(MediaType.APPLICATION_JSON)
public class DatabaseResource {

  /**
   * What the connection reports about itself.
   *
   * @param database      current database
   * @param user          database user the connection logged in as
   * @param serverVersion PostgreSQL server version
   * @param items         rows in {@code my_table}
   */
  public record DatabaseInfo(String database, String user, String serverVersion, long items) {
  }

  @GET
  public DatabaseInfo info() throws NamingException {
    DataSource dataSource = (DataSource) new InitialContext().lookup(DataSources.JNDI_NAME);
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT current_database(), current_user, current_setting('server_version')")) {
      row.next();
      return new DatabaseInfo(row.getString(1), row.getString(2), row.getString(3),
          ItemTable.count(connection));
    } catch (SQLException e) {
      throw new DataAccessException("database info", e);
    }
  }
}
