package dev.alloydb.jakarta.connector;

/**
 * The connector could not do its work for a reason outside its configuration: its scheduler refused or lost a task,
 * or a refresh never finished. Nothing for the user to fix in the configuration; a later attempt may succeed.
 */
public class ConnectorOperationException extends ConnectorException {
  private static final long serialVersionUID = 1L;

  /** An error with this message, caused by {@code cause}. */
  public ConnectorOperationException(String message, Throwable cause) {
    super(message, cause);
  }
}
