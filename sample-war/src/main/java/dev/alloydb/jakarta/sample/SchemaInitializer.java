package dev.alloydb.jakarta.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Creates {@code my_table} when the application starts, if it does not exist yet. */
@ApplicationScoped
public class SchemaInitializer {

  private static final Logger LOG = System.getLogger(SchemaInitializer.class.getName());

  @Inject
  DataSource dataSource;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    try (Connection connection = dataSource.getConnection()) {
      ItemTable.create(connection);
      LOG.log(Level.INFO, "Table my_table is ready");
    } catch (SQLException e) {
      // Deploy anyway: requests then answer 503 with the SQLState, which is easier to act on than a failed
      // deployment, and the cause is logged here.
      LOG.log(Level.WARNING, "Could not create table my_table; requests will fail until the database is"
          + " reachable and the table exists", e);
    }
  }
}
