package dev.alloydb.jakarta.servers.payara7;

import dev.alloydb.jakarta.servers.ScenarioSuite;
import dev.alloydb.jakarta.servers.ServerUnderTest;
import java.nio.file.Path;

/** The scenario suite on Payara Micro 7 (Jakarta EE 11) on JDK 25. */
class PayaraMicro7IT extends ScenarioSuite {

  @Override
  protected ServerUnderTest server() {
    return new PayaraMicro7(Path.of(System.getProperty("servers.dir"), "payara7", "payara-micro.jar"),
        System.getProperty("servers.payara7.version"),
        Path.of(System.getProperty("servers.recipes"), "payara7"));
  }

  @Override
  protected Path javaHome() {
    return Path.of(System.getProperty("servers.jdk25"));
  }
}
