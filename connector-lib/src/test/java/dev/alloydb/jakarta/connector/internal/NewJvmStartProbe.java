package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * The main class of {@link NewJvmStartTest}'s new JVM: connects once in a JVM where nothing has started the platform
 * MBean server, and reports which thread started it, from where, what got registered, and whether the settings of
 * every Admin API method were built. It is the JVM's {@link MBeanServerBuilder} too
 * ({@code -Djavax.management.builder.initial}), to see the server start.
 */
public final class NewJvmStartProbe extends MBeanServerBuilder {
  private static volatile String startedBy;
  private static volatile List<String> startedFrom = List.of();

  @Override
  public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
    List<String> frames = new ArrayList<>();
    for (StackTraceElement frame : new Throwable().getStackTrace()) {
      frames.add(frame.getClassName() + "." + frame.getMethodName());
    }
    startedFrom = frames;
    startedBy = Thread.currentThread().getName();
    return super.newMBeanServer(defaultDomain, outer, delegate);
  }

  /** Arguments: instance URI, Admin API endpoint, credentials file, database user, password. */
  public static void main(String[] args) throws Exception {
    Properties login = new Properties();
    login.setProperty("user", args[3]);
    login.setProperty("password", args[4]);
    try (Connector connector = Connector.create(ConnectorConfig.builder().adminServiceEndpoint(args[1])
        .credentialsFile(Path.of(args[2])).build())) {
      try (Connection c = connector.connect(args[0], login)) {
        System.out.println("connected=" + c.isValid(5));
      }
      System.out.println("startedInConnect=" + (startedBy != null && startedBy.equals(Thread.currentThread()
          .getName())));
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (MBeanServerFactory.findMBeanServer(null).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName instance = new ObjectName("dev.alloydb.jakarta:type=ConnectorInstance,connector=1,instance="
          + ObjectName.quote(args[0]));
      while (!server.isRegistered(instance) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      System.out.println("startedBy=" + startedBy);
      System.out.println("startedFrom=" + String.join(",", startedFrom));
      System.out.println("connectorId=" + server.getAttribute(new ObjectName(
          "dev.alloydb.jakarta:type=Connector,connector=1"), "ConnectorId"));
      System.out.println("dials=" + server.getAttribute(instance, "DialCount"));
      String classes = (String) server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
          "vmClassHierarchy", new Object[] {null}, new String[] {String[].class.getName()});
      // the settings of the API's long-running operations: built only with the settings of every method
      System.out.println("everyMethodsSettingsBuilt="
          + classes.contains("com.google.api.gax.rpc.OperationCallSettings"));
    }
  }
}
