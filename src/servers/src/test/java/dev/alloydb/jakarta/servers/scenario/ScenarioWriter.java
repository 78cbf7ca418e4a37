package dev.alloydb.jakarta.servers.scenario;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Writes through the password pool inside container-managed transactions ({@code @Transactional}, CDI's and JTA's,
 * so that it needs no EJB container).
 */
@ApplicationScoped
public class ScenarioWriter {

  /** Table the suite creates and reads back directly in the emulator's database. */
  static final String TABLE = "scenario_tx";

  @Resource(lookup = "jdbc/alloydb")
  private DataSource dataSource;

  /** Inserts one row; the transaction commits when the method returns. */
  @Transactional
  public void insert(int id) throws SQLException {
    write(id);
  }

  /** Inserts one row, then fails with an unchecked exception: the container rolls the transaction back. */
  @Transactional
  public void insertThenFail(int id) throws SQLException {
    write(id);
    throw new RolledBackOnPurpose(id);
  }

  /** Whether a connection taken inside the transaction is in auto-commit mode (it must not be). */
  @Transactional
  public boolean autoCommitInsideTransaction() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getAutoCommit();
    }
  }

  private void write(int id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement("insert into " + TABLE + " (id) values (?)")) {
      insert.setInt(1, id);
      insert.executeUpdate();
    }
  }

  /** Thrown after the insert of {@link #insertThenFail}, so that the transaction must roll back. */
  static final class RolledBackOnPurpose extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RolledBackOnPurpose(int id) {
      super("row " + id + " rolled back on purpose");
    }
  }
}
