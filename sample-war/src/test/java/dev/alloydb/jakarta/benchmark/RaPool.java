package dev.alloydb.jakarta.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/** The asadmin line that creates the resource adapter's connection pool on the emulator, for the Payara benchmark. */
final class RaPool {

  static final String NAME = "bench-ra-pool";

  private RaPool() {}

  static String command(Fixture fixture, int size) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("instanceUri", fixture.instanceUri());
    properties.put("user", fixture.user());
    properties.put("password", fixture.password());
    properties.put("adminServiceEndpoint", fixture.restEndpoint());
    properties.put("credentialsFile", fixture.credentialsFile().toString());
    return "create-connector-connection-pool --raname " + PayaraBenchmark.RA_NAME
        + " --connectiondefinition javax.sql.DataSource --steadypoolsize " + size + " --maxpoolsize " + size
        + " --property " + PayaraBenchmark.asadminProperties(properties) + " " + NAME;
  }
}
