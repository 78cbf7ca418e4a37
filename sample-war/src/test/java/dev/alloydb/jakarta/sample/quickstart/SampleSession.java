package dev.alloydb.jakarta.sample.quickstart;

import dev.alloydb.jakarta.testkit.payara.PayaraMicroProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the quickstart's {@link SampleDatabase} before Arquillian reads {@code arquillian.xml}, and publishes the
 * Payara Micro options that use the sample's own boot files ({@code post-boot-commands.asadmin} and the
 * {@code --systemproperties} file), so the tests run exactly what the quickstart runs. Same mechanism as the
 * resource adapter's test kit.
 *
 * <p>Does nothing unless the system property {@value #PAYARA_DIR} names the directory the build gathered Payara
 * Micro, the .rar and the boot files in (failsafe sets it); the test JVM's working directory must be that
 * directory, because the boot file names the .rar by a relative path, as a user's copy would.
 */
public final class SampleSession implements LauncherSessionListener {

  /** System property: the Payara runtime directory. */
  public static final String PAYARA_DIR = "sample.payara.dir";
  /** System property set for {@code arquillian.xml}: extra Payara Micro options. */
  public static final String MICRO_OPTIONS = "sample.it.micro-options";

  private static volatile SampleDatabase database;

  /** The running emulator and its settings file. */
  public static SampleDatabase database() {
    SampleDatabase current = database;
    if (current == null) {
      throw new IllegalStateException("no sample database: run the tests through failsafe, which sets "
          + PAYARA_DIR);
    }
    return current;
  }

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String dir = System.getProperty(PAYARA_DIR);
    if (dir == null || database != null) {
      return;
    }
    Path runtimeDir = Path.of(dir).toAbsolutePath();
    Path rootDir;
    try {
      rootDir = PayaraMicroProcess.deleteTree(runtimeDir.resolve("root-it"));
      // Not quickstart.properties: QuickstartIT runs the quickstart itself, which writes that one.
      database = SampleDatabase.start(runtimeDir.resolve("sample-it.properties"));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the AlloyDB emulator", e);
    }
    System.setProperty(MICRO_OPTIONS, "--rootdir " + rootDir
        + " --systemproperties " + database.systemProperties()
        + " --postbootcommandfile " + runtimeDir.resolve("post-boot-commands.asadmin"));
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    SampleDatabase current = database;
    if (current != null) {
      database = null;
      current.close();
    }
  }
}
