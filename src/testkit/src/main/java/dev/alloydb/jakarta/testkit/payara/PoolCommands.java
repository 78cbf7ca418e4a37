package dev.alloydb.jakarta.testkit.payara;

import fish.payara.micro.ClusterCommandResult;
import fish.payara.micro.PayaraMicro;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * asadmin commands run inside Payara Micro, and the adapter properties of a password-login pool against the
 * emulator (read from the MicroProfile Config system properties the test kit gives the Payara process; the password
 * stays a {@code ${MPCONFIG=...}} reference).
 */
public final class PoolCommands {
  private PoolCommands() {
  }

  /** Runs an asadmin command; fails with its output unless it succeeded. */
  public static void asadmin(String command, String... args) throws Exception {
    Map<?, ? extends Future<? extends ClusterCommandResult>> results =
        PayaraMicro.getInstance().getRuntime().run(command, args);
    if (results.isEmpty()) {
      throw new IllegalStateException(command + " reached no instance");
    }
    for (Future<? extends ClusterCommandResult> result : results.values()) {
      ClusterCommandResult outcome = result.get(2, TimeUnit.MINUTES);
      if (outcome.getExitStatus() != ClusterCommandResult.ExitStatus.SUCCESS) {
        throw new IllegalStateException(command + " " + String.join(" ", args) + ": " + outcome.getOutput());
      }
    }
  }

  /**
   * Creates a password-login pool on adapter {@code raName} and a connector resource for it, first removing any
   * left in Payara's root directory by an earlier, interrupted run.
   */
  public static void createPool(String raName, String pool, String jndi, String... options) throws Exception {
    createPool(raName, pool, jndi, Map.of(), options);
  }

  /** Like {@link #createPool(String, String, String, String...)}, with {@code properties} added or replacing. */
  public static void createPool(String raName, String pool, String jndi, Map<String, String> properties,
      String... options) throws Exception {
    try {
      deletePool(pool, jndi);
    } catch (IllegalStateException nothingLeftOver) {
      // the usual case: there was no such pool
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put("instanceUri", System.getProperty("alloydb.instance-uri"));
    all.put("user", System.getProperty("alloydb.user"));
    all.put("password", "${MPCONFIG=alloydb.password}");
    all.put("adminServiceEndpoint", System.getProperty("alloydb.admin-service-endpoint"));
    all.put("credentialsFile", System.getProperty("alloydb.credentials-file"));
    all.putAll(properties);
    List<String> args = PoolCommand.of(raName, pool).transactionSupport("LocalTransaction").options(options)
        .properties(all).arguments();
    asadmin(PoolCommand.COMMAND, args.toArray(new String[0]));
    asadmin("create-connector-resource", "--poolname", pool, jndi);
  }

  /** Deletes what {@link #createPool} created. */
  public static void deletePool(String pool, String jndi) throws Exception {
    try {
      asadmin("delete-connector-resource", jndi);
    } finally {
      asadmin("delete-connector-connection-pool", pool);
    }
  }
}
