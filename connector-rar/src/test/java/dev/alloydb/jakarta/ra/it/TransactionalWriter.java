package dev.alloydb.jakarta.ra.it;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Writes through the adapter's DataSource inside container-managed transactions (REQUIRED by default). Also
 * publishes a DataSource with {@code @ConnectionFactoryDefinition}, the second way an application can get one.
 */
@Stateless
@ConnectionFactoryDefinition(
    name = TransactionalWriter.ANNOTATED_JNDI,
    interfaceName = "javax.sql.DataSource",
    resourceAdapter = "alloydb-connector",
    transactionSupport = TransactionSupportLevel.LocalTransaction,
    minPoolSize = 0,
    maxPoolSize = 2,
    properties = {"enableIamAuth=true", "user=${MPCONFIG=alloydb.iam-user}"})
public class TransactionalWriter {

  static final String ANNOTATED_JNDI = "java:app/jdbc/alloydb-annotated";

  @Resource(lookup = "jdbc/alloydb")
  private DataSource dataSource;

  /** Inserts one row and commits with the transaction. */
  public void insert(int id) throws SQLException {
    write(id);
  }

  /** Inserts one row, then fails with a system exception: the container rolls the transaction back. */
  public void insertThenFail(int id) throws SQLException {
    write(id);
    throw new IllegalStateException("rolled back on purpose");
  }

  /** Whether the connection is in auto-commit mode inside the container's transaction (it must not be). */
  public boolean autoCommitInsideTransaction() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getAutoCommit();
    }
  }

  private void write(int id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement("insert into it_tx (id) values (?)")) {
      insert.setInt(1, id);
      insert.executeUpdate();
    }
  }
}
