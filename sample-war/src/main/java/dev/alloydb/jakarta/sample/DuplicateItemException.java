package dev.alloydb.jakarta.sample;

/** An item with the same id exists already; answered with 409. */
public class DuplicateItemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  DuplicateItemException(String id, Throwable cause) {
    super("an item with id '" + id + "' already exists", cause);
  }
}
