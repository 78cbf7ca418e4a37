package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Properties;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Runs inside {@link NoOpenTelemetryTest}'s class loader: only JDK types cross the boundary. */
public final class NoOpenTelemetryProbe {
  private NoOpenTelemetryProbe() {
  }

  /** Connects twice through the public API and reads the instance MBean and the status. */
  public static String connectTwice(String uri, String endpoint, String credentialsFile, Properties login)
      throws Exception {
    try (Connector connector = Connector.create(ConnectorConfig.builder().adminServiceEndpoint(endpoint)
        .credentialsFile(Path.of(credentialsFile)).build())) {
      for (int i = 0; i < 2; i++) {
        try (Connection c = connector.connect(uri, login)) {
          c.isValid(5);
        }
      }
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName connectorName = null;
      // in a JVM whose MBean server had not started, the MBeans are registered in the background after the dial
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (server.queryNames(new ObjectName("dev.alloydb.jakarta:type=ConnectorInstance,*"), null).isEmpty()
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      for (ObjectName candidate : server.queryNames(new ObjectName("dev.alloydb.jakarta:type=Connector,*"), null)) {
        Object instances = server.getAttribute(candidate, "InstanceUris");
        if (((String[]) instances).length == 1 && ((String[]) instances)[0].equals(uri)
            && server.getAttribute(candidate, "ConnectorId").equals(candidate.getKeyProperty("connector"))
            && connector.instanceStatus().size() == 1) {
          connectorName = candidate;
        }
      }
      ObjectName instance = new ObjectName("dev.alloydb.jakarta:type=ConnectorInstance,connector="
          + connectorName.getKeyProperty("connector") + ",instance=" + ObjectName.quote(uri));
      return "dials=" + server.getAttribute(instance, "DialCount") + " latencies="
          + server.getAttribute(instance, "DialLatencyCount") + " state="
          + connector.instanceStatus().get(0).state();
    }
  }
}
