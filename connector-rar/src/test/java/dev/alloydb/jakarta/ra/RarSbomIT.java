package dev.alloydb.jakarta.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The .rar's CycloneDX SBOM (target/bom.json, README "Artifacts") lists exactly the jars the .rar bundles, each
 * with a license: the SBOM comes from the dependency graph, the .rar from the rar plugin, and an exclusion or a
 * scope that one honours and the other does not would show here. The CycloneDX plugin makes no SBOM in an offline
 * build (it says so and skips), so the test is skipped there rather than read an SBOM left by an earlier build.
 */
class RarSbomIT {
  @Test
  void sbomListsEveryBundledJarWithItsLicense() throws Exception {
    assumeFalse("offline=true".equals(System.getProperty("alloydb.it.maven")),
        "an offline build makes no SBOM (cyclonedx makeBom)");
    JsonObject bom;
    try (Reader reader = Files.newBufferedReader(Path.of(System.getProperty("alloydb.it.sbom")))) {
      bom = JsonParser.parseReader(reader).getAsJsonObject();
    }
    List<JsonObject> components = StreamSupport.stream(bom.getAsJsonArray("components").spliterator(), false)
        .map(JsonElement::getAsJsonObject)
        .collect(Collectors.toList());
    Set<String> listed = components.stream()
        .map(c -> c.get("name").getAsString() + "-" + c.get("version").getAsString() + ".jar")
        .collect(Collectors.toSet());

    Set<String> bundled;
    try (ZipFile rar = new ZipFile(System.getProperty("alloydb.it.rar"))) {
      bundled = rar.stream().map(ZipEntry::getName)
          .filter(name -> name.endsWith(".jar") && !name.contains("/"))
          .collect(Collectors.toSet());
    }
    // The adapter's own classes are the SBOM's subject (metadata.component), not one of its components.
    assertThat(bundled).contains("alloydb-connector.jar").hasSizeGreaterThan(20);
    assertThat(bom.getAsJsonObject("metadata").getAsJsonObject("component").get("name").getAsString())
        .isEqualTo("connector-rar");
    assertThat(listed).isEqualTo(bundled.stream()
        .filter(name -> !name.equals("alloydb-connector.jar")).collect(Collectors.toSet()));
    assertThat(components).allSatisfy(c -> assertThat(c.getAsJsonArray("licenses"))
        .as("licenses of %s", c.get("name")).isNotNull().isNotEmpty());
  }
}
