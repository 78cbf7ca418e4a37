package dev.alloydb.jakarta.sample;

/** Where the sample finds the AlloyDB DataSource published by the resource adapter. */
public final class DataSources {

  /**
   * JNDI name of the connector resource; created by {@code create-connector-resource} in the Payara boot
   * command file shipped with the sample.
   */
  public static final String JNDI_NAME = "jdbc/alloydb";

  private DataSources() {
  }
}
