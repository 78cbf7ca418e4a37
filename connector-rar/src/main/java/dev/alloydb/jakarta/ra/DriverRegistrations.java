package dev.alloydb.jakarta.ra;

import java.lang.System.Logger.Level;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;

/**
 * Removes the JDBC drivers (pgjdbc registers itself when loaded) that the adapter's own class loader brought, so
 * an undeployed adapter leaves no {@link DriverManager} entry pinning its class loader.
 */
final class DriverRegistrations {

  private static final System.Logger LOG = System.getLogger(DriverRegistrations.class.getName());

  private DriverRegistrations() {
  }

  static void deregisterOwnedBy(ClassLoader adapterLoader) {
    if (adapterLoader == ClassLoader.getSystemClassLoader()) {
      // Not deployed in an isolated class loader (plain Java SE, tests): the driver belongs to the JVM.
      return;
    }
    for (Driver driver : Collections.list(DriverManager.getDrivers())) {
      if (driver.getClass().getClassLoader() == adapterLoader) {
        try {
          DriverManager.deregisterDriver(driver);
        } catch (SQLException | SecurityException e) {
          LOG.log(Level.WARNING, "Could not deregister JDBC driver " + driver.getClass().getName(), e);
        }
      }
    }
  }
}
