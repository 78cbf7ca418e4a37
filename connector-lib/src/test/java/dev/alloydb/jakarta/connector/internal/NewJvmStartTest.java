package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new JVM's first connection does not pay for: in a JVM where nothing has started the platform MBean server,
 * the connector's start and first dial do not start it (about 0.3 s of CPU): its MBeans are registered in the
 * background after the first dial, under the id reserved at creation; and the Admin API client does not build the
 * generated settings of every method of the API (about 0.2 s); and the connector's string concatenations make the
 * JVM generate no method-handle classes. A new JVM runs {@link NewJvmStartProbe}, which connects once against this
 * JVM's emulator.
 */
class NewJvmStartTest {

  @Test
  void aNewJvmsFirstConnectionNeitherStartsTheMBeanServerNorBuildsEveryMethodsSettings(@TempDir Path dir)
      throws Exception {
    AlloyDbEmulator emulator = EmulatorSupport.emulator();
    Properties login = emulator.passwordLogin();
    Path out = dir.resolve("probe.out");
    Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Djavax.management.builder.initial=" + NewJvmStartProbe.class.getName(),
        NewJvmStartProbe.class.getName(), emulator.instance().uri(), emulator.adminApiRestEndpoint(),
        emulator.credentialsFile().toString(), login.getProperty("user"), login.getProperty("password"))
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      assertThat(probe.waitFor(90, TimeUnit.SECONDS)).as("the probe ended").isTrue();
    } finally {
      probe.destroyForcibly();
    }
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(probe.exitValue()).as(String.join("\n", lines)).isZero();
    Map<String, String> report = lines.stream().filter(l -> l.matches("^[a-zA-Z]+=.*"))
        .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
            (a, b) -> b));
    assertThat(report).containsEntry("connected", "true").containsEntry("startedInConnect", "false")
        .containsEntry("connectorId", "1").containsEntry("dials", "1")
        .containsEntry("everyMethodsSettingsBuilt", "false");
    assertThat(report.get("startedFrom")).as("where the platform MBean server started")
        .contains(ConnectorTelemetry.class.getName() + ".registerLate")
        .doesNotContain(ConnectorTelemetry.class.getName() + ".<init>")
        .doesNotContain(ConnectorCore.class.getName() + ".<init>");
  }

  @Test
  void theConnectorsClassesConcatenateStringsWithoutInvokedynamic() throws Exception {
    Path classes = Path.of(ConnectorCore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Path> compiled;
    try (var files = Files.walk(classes)) {
      compiled = files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList());
    }
    assertThat(compiled).as("the connector's classes in " + classes).hasSizeGreaterThan(50);
    List<Path> indyConcat = new java.util.ArrayList<>();
    for (Path file : compiled) {
      if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("makeConcatWithConstants")) {
        indyConcat.add(classes.relativize(file));
      }
    }
    assertThat(indyConcat).as("classes compiled without -XDstringConcat=inline (see the parent pom)").isEmpty();
  }
}
