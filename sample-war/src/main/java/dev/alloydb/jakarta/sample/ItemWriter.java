package dev.alloydb.jakarta.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes to {@code my_table} in container-managed (JTA) transactions. The DataSource comes from
 * {@link DataSourceProducer}; connections taken inside a transaction are enlisted by the container, so this code
 * never calls {@code commit()} or {@code rollback()} itself.
 */
@ApplicationScoped
public class ItemWriter {

  @Inject
  DataSource dataSource;

  /**
   * Inserts one item.
   *
   * @throws DuplicateItemException if the id is taken
   */
  @Transactional
  public void insert(Item item) {
    insertAll(List.of(item));
  }

  /**
   * Inserts every item or none: any failure, such as a duplicate id in the middle of the list, is a runtime
   * exception, which makes the container roll the whole transaction back.
   *
   * @throws DuplicateItemException if an id is taken; nothing of the list is then stored
   */
  @Transactional
  public void insertAll(List<Item> items) {
    try (Connection connection = dataSource.getConnection()) {
      for (Item item : items) {
        ItemTable.insert(connection, item);
      }
    } catch (SQLException e) {
      throw new DataAccessException("insert", e);
    }
  }

  /** Deletes the item with this id; answers whether one existed. */
  @Transactional
  public boolean delete(String id) {
    try (Connection connection = dataSource.getConnection()) {
      return ItemTable.delete(connection, id);
    } catch (SQLException e) {
      throw new DataAccessException("delete", e);
    }
  }
}
