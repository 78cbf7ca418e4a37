package dev.alloydb.jakarta.sample;

/**
 * One row of {@code my_table}; also the JSON shape of the API: {@code {"id":"book1","title":"Book One"}}.
 *
 * @param id    primary key, chosen by the client
 * @param title the item's title
 */
public record Item(String id, String title) {

  static final int MAX_LENGTH = 255;

  /**
   * Rejects an item the table cannot hold.
   *
   * @throws InvalidItemException naming the field that is missing or too long
   */
  Item requireValid() {
    requireText("id", id);
    requireText("title", title);
    return this;
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidItemException(field + " is required: send {\"id\":\"book1\",\"title\":\"Book One\"}");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidItemException(field + " is longer than " + MAX_LENGTH + " characters");
    }
  }
}
