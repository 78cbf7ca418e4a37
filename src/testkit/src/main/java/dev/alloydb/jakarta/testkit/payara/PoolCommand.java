package dev.alloydb.jakarta.testkit.payara;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The asadmin {@code create-connector-connection-pool} command for the resource adapter's {@code DataSource}: the
 * one place the tests, the soak and the benchmark write it, as a boot-file line or as arguments for Payara Micro's
 * runtime. Plain Java, so it also runs inside Payara.
 */
public final class PoolCommand {
  /** The asadmin command this builds. */
  public static final String COMMAND = "create-connector-connection-pool";

  private final String raName;
  private final String pool;
  private String transactionSupport;
  private final List<String> options = new ArrayList<>();
  private final Map<String, String> properties = new LinkedHashMap<>();

  private PoolCommand(String raName, String pool) {
    this.raName = raName;
    this.pool = pool;
  }

  /** A pool named {@code pool} of the adapter deployed as {@code raName}. */
  public static PoolCommand of(String raName, String pool) {
    return new PoolCommand(raName, pool);
  }

  /** {@code --transactionsupport} (asadmin's default, the adapter's own, when not set). */
  public PoolCommand transactionSupport(String support) {
    this.transactionSupport = support;
    return this;
  }

  /** More asadmin options, e.g. {@code --steadypoolsize 2}. */
  public PoolCommand options(String... more) {
    options.addAll(List.of(more));
    return this;
  }

  /** Adapter properties, added or replacing earlier ones. */
  public PoolCommand properties(Map<String, String> more) {
    properties.putAll(more);
    return this;
  }

  /** The command's arguments, without the command name. */
  public List<String> arguments() {
    List<String> args = new ArrayList<>(List.of("--raname", raName, "--connectiondefinition",
        "javax.sql.DataSource"));
    if (transactionSupport != null) {
      args.addAll(List.of("--transactionsupport", transactionSupport));
    }
    args.addAll(options);
    if (!properties.isEmpty()) {
      args.addAll(List.of("--property", propertyList(properties)));
    }
    args.add(pool);
    return args;
  }

  /** The command as one line of an asadmin boot file. */
  public String line() {
    return COMMAND + " " + String.join(" ", arguments());
  }

  /** asadmin {@code --property} syntax: {@code a=1:b=2}, with {@code \}, {@code :} and {@code =} escaped in values. */
  public static String propertyList(Map<String, String> properties) {
    List<String> pairs = new ArrayList<>();
    properties.forEach((key, value) -> pairs.add(key + "=" + value.replace("\\", "\\\\").replace(":", "\\:")
        .replace("=", "\\=")));
    return String.join(":", pairs);
  }
}
