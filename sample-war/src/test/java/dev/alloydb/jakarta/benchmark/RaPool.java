package dev.alloydb.jakarta.benchmark;

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
    return "create-connector-connection-pool --raname " + PayaraBenchmark.RA_NAME
        + " --connectiondefinition javax.sql.DataSource --steadypoolsize " + size + " --maxpoolsize " + size
        + " --property " + PayaraBenchmark.asadminProperties(properties) + " " + NAME;
  }
}
