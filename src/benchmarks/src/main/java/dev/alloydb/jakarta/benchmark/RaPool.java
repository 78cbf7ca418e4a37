package dev.alloydb.jakarta.benchmark;

import dev.alloydb.jakarta.testkit.payara.PoolCommand;
import java.util.LinkedHashMap;
import java.util.Map;

/** The asadmin line that creates the resource adapter's connection pool on the emulator, for the Payara benchmark. */
final class RaPool {

  static final String NAME = "bench-ra-pool";

  private RaPool() {}

  static String command(EmulatorEndpoints endpoints, int size) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("instanceUri", endpoints.instanceUri());
    properties.put("user", endpoints.user());
    properties.put("password", endpoints.password());
    properties.put("adminServiceEndpoint", endpoints.restEndpoint());
    properties.put("credentialsFile", endpoints.credentialsFile().toString());
    return PoolCommand.of(PayaraBenchmark.RA_NAME, NAME)
        .options("--steadypoolsize", Integer.toString(size), "--maxpoolsize", Integer.toString(size))
        .properties(properties).line();
  }
}
