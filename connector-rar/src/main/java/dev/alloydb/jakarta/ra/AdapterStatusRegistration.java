package dev.alloydb.jakarta.ra;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Registers the status MBean for the adapter's lifetime; a failure to register only costs the diagnostics. */
final class AdapterStatusRegistration {

  /** Object name of the adapter's status MBean. */
  static final String OBJECT_NAME = "dev.alloydb.jakarta:type=ResourceAdapter";

  private static final System.Logger LOG = System.getLogger(AdapterStatusRegistration.class.getName());

  private final ObjectName name;

  private AdapterStatusRegistration(ObjectName name) {
    this.name = name;
  }

  static AdapterStatusRegistration register(AdapterStatusMBean status) {
    try {
      ObjectName name = new ObjectName(OBJECT_NAME);
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      if (server.isRegistered(name)) {
        // Left over by an adapter instance that was not stopped (a crashed redeploy): replace it.
        server.unregisterMBean(name);
      }
      server.registerMBean(status, name);
      return new AdapterStatusRegistration(name);
    } catch (JMException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not register the AlloyDB adapter status MBean", e);
      return new AdapterStatusRegistration(null);
    }
  }

  void unregister() {
    if (name == null) {
      return;
    }
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
    } catch (JMException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not unregister the AlloyDB adapter status MBean", e);
    }
  }
}
