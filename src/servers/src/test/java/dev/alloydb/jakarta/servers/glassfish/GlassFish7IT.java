package dev.alloydb.jakarta.servers.glassfish;

import dev.alloydb.jakarta.servers.ScenarioSuite;
import dev.alloydb.jakarta.servers.ServerUnderTest;
import java.nio.file.Path;

/** The scenario suite on GlassFish 7 (Jakarta EE 10) on JDK 17. */
class GlassFish7IT extends ScenarioSuite {

  @Override
  protected ServerUnderTest server() {
    return new GlassFish7(Path.of(System.getProperty("servers.dir"), "glassfish", "glassfish7"),
        System.getProperty("servers.glassfish.version"), Path.of(System.getProperty("servers.recipes"), "glassfish"));
  }
}
