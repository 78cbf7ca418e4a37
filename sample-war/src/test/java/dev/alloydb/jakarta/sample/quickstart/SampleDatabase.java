package dev.alloydb.jakarta.sample.quickstart;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.testkit.payara.EmulatorProperties;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The quickstart's local AlloyDB emulator (with its embedded PostgreSQL) and the {@code alloydb.properties}-style
 * file ({@link EmulatorProperties}) that points the resource adapter at it.
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
      EmulatorProperties.write(emulator, file,
          "Written by the quickstart for the local AlloyDB emulator; same keys as alloydb.properties");
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

  @Override
  public void close() {
    emulator.close();
  }
}
