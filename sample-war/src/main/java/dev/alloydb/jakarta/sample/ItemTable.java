package dev.alloydb.jakarta.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL for {@code my_table}, on a connection the caller owns. */
final class ItemTable {

  static final String CREATE = "CREATE TABLE IF NOT EXISTS my_table ("
      + "id VARCHAR(" + Item.MAX_LENGTH + ") PRIMARY KEY, "
      + "title VARCHAR(" + Item.MAX_LENGTH + ") NOT NULL)";

  private static final String UNIQUE_VIOLATION = "23505";

  private ItemTable() {
  }

  static void create(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(CREATE);
    }
  }

  static List<Item> list(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT id, title FROM my_table ORDER BY id");
        ResultSet rows = statement.executeQuery()) {
      List<Item> items = new ArrayList<>();
      while (rows.next()) {
        items.add(new Item(rows.getString(1), rows.getString(2)));
      }
      return items;
    }
  }

  static Optional<Item> find(Connection connection, String id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT id, title FROM my_table WHERE id = ?")) {
      statement.setString(1, id);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(new Item(rows.getString(1), rows.getString(2))) : Optional.empty();
      }
    }
  }

  static void insert(Connection connection, Item item) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(
        "INSERT INTO my_table (id, title) VALUES (?, ?)")) {
      statement.setString(1, item.id());
      statement.setString(2, item.title());
      statement.executeUpdate();
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new DuplicateItemException(item.id(), e);
      }
      throw e;
    }
  }

  static boolean delete(Connection connection, String id) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("DELETE FROM my_table WHERE id = ?")) {
      statement.setString(1, id);
      return statement.executeUpdate() > 0;
    }
  }

  static long count(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM my_table")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
