package dev.alloydb.jakarta.servers;

import dev.alloydb.jakarta.servers.scenario.ScenarioServlet;
import dev.alloydb.jakarta.servers.scenario.ScenarioWriter;
import dev.alloydb.jakarta.servers.scenario.ThreadNames;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Builds the scenario war ({@value #NAME}.war): the scenario servlet and its transactional writer, nothing else. */
final class ScenarioWar {

  /** War name and so its context root on every server. */
  static final String NAME = "alloydb-scenario";

  private ScenarioWar() {
  }

  /** Writes the war into {@code dir} and returns its path. */
  static Path writeTo(Path dir) throws java.io.IOException {
    Files.createDirectories(dir);
    Path war = dir.resolve(NAME + ".war");
    ShrinkWrap.create(WebArchive.class, NAME + ".war")
        .addClasses(ScenarioServlet.class, ScenarioWriter.class, ThreadNames.class)
        .as(ZipExporter.class).exportTo(war.toFile(), true);
    return war;
  }
}
