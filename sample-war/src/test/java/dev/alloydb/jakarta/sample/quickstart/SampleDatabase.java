package dev.alloydb.jakarta.sample.quickstart;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The local AlloyDB emulator (with its embedded PostgreSQL) and the {@code alloydb.properties}-style file that
 * points the resource adapter at it: the same keys a user sets for a real instance, plus the emulator's plain-HTTP
 * Admin API endpoint and its service-account credentials file.
 */
public final class SampleDatabase implements AutoCloseable {

  private final AlloyDbEmulator emulator;
  private final Path systemProperties;

  private SampleDatabase(AlloyDbEmulator emulator, Path systemProperties) {
    this.emulator = emulator;
    this.systemProperties = systemProperties;
  }

  /** Starts the emulator and writes its settings to {@code file}. */
  public static SampleDatabase start(Path file) throws IOException {
    AlloyDbEmulator emulator = AlloyDbEmulator.builder().start();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, List.of(
          "# Written by the quickstart for the local AlloyDB emulator; same keys as alloydb.properties",
          "alloydb.instance-uri=" + emulator.instance().uri(),
          "alloydb.database=" + emulator.database(),
          "alloydb.user=" + emulator.passwordUser(),
          "alloydb.password=" + emulator.password(),
          "alloydb.admin-service-endpoint=" + emulator.adminApiRestEndpoint(),
          "alloydb.credentials-file=" + emulator.credentialsFile().toAbsolutePath()),
          StandardCharsets.UTF_8);
      return new SampleDatabase(emulator, file);
    } catch (IOException | RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  /** The settings file to hand to Payara Micro with {@code --systemproperties}. */
  public Path systemProperties() {
    return systemProperties;
  }

  public AlloyDbEmulator emulator() {
    return emulator;
  }

  @Override
  public void close() {
    emulator.close();
  }
}
