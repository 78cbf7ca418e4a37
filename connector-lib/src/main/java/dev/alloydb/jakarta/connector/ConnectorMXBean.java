package dev.alloydb.jakarta.connector;

/**
 * One open connector, in the platform MBean server as {@code dev.alloydb.jakarta:type=Connector,connector=<id>}
 * while metrics are on. Its id is the lowest number from 1 not taken by another open connector of the JVM (also one
 * loaded by another application's class loader), and names the connector's {@link InstanceMetricsMXBean}s.
 */
public interface ConnectorMXBean {

  /** The connector's id. */
  String getConnectorId();

  /** The instances the connector has dialled, sorted. */
  String[] getInstanceUris();
}
