package dev.alloydb.jakarta.testkit.payara;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The resource adapter's MicroProfile Config settings for an emulator, as a file for Payara Micro's
 * {@code --systemproperties}: the keys of the sample's {@code alloydb.properties} a user sets for a real instance,
 * plus the emulator's plain-HTTP Admin API endpoint and its service-account credentials file.
 */
public final class EmulatorProperties {

  private EmulatorProperties() {
  }

  /** Writes the settings that point the adapter at {@code emulator} to {@code file}, after a comment line. */
  public static Path write(AlloyDbEmulator emulator, Path file, String comment) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, List.of(
        "# " + comment,
        "alloydb.instance-uri=" + emulator.instance().uri(),
        "alloydb.database=" + emulator.database(),
        "alloydb.user=" + emulator.passwordUser(),
        "alloydb.password=" + emulator.password(),
        "alloydb.admin-service-endpoint=" + emulator.adminApiRestEndpoint(),
        "alloydb.credentials-file=" + emulator.credentialsFile().toAbsolutePath()),
        StandardCharsets.UTF_8);
  }
}
