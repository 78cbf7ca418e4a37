package dev.alloydb.jakarta.testkit.payara;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares Arquillian tests on Payara Micro before Arquillian reads {@code arquillian.xml}: starts the shared
 * {@link AlloyDbEmulator} in the test JVM, writes the boot files ({@link PayaraBootFiles}) and publishes the Payara
 * options as the system properties {@value #JVM_OPTIONS} and {@value #MICRO_OPTIONS}, which {@code arquillian.xml}
 * uses as {@code cmdOptions} and {@code extraMicroOptions}.
 *
 * <p>The test kit jar registers it as a {@code LauncherSessionListener}. It does nothing unless a system property
 * (set it for failsafe only) says how Payara boots: {@value #RAR} names the built .rar, which the generated post-boot
 * file deploys before creating the test pools (the lines of the file {@value #EXTRA_COMMANDS} names, if any, are
 * appended); or {@value #POST_BOOT_FILE} names an application's own post-boot file, which runs as is with the
 * emulator's settings in a {@code --systemproperties} file. {@value #WORK_DIR} chooses where the boot files and
 * Payara's root directory go (default {@code target/payara-it}).
 */
public final class PayaraEmulatorSession implements LauncherSessionListener {

  /** System property: path of {@code alloydb-connector.rar}. */
  public static final String RAR = "alloydb.it.rar";
  /** System property: directory for boot files and Payara's root directory. */
  public static final String WORK_DIR = "alloydb.it.work-dir";
  /** System property: an application's own post-boot file, run instead of generated boot files. */
  public static final String POST_BOOT_FILE = "alloydb.it.post-boot-file";
  /** System property: optional file of asadmin commands appended to the post-boot file (e.g. more pools). */
  public static final String EXTRA_COMMANDS = "alloydb.it.extra-commands";
  /** System property set for {@code arquillian.xml}: JVM options of the Payara process. */
  public static final String JVM_OPTIONS = "alloydb.it.jvm-options";
  /** System property set for {@code arquillian.xml}: extra Payara Micro options. */
  public static final String MICRO_OPTIONS = "alloydb.it.micro-options";

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String rar = System.getProperty(RAR);
    String postBootFile = System.getProperty(POST_BOOT_FILE);
    if ((rar == null && postBootFile == null) || System.getProperty(MICRO_OPTIONS) != null) {
      return;
    }
    Path workDir = Path.of(System.getProperty(WORK_DIR, "target/payara-it"));
    try {
      PayaraBootFiles files = rar != null
          ? PayaraBootFiles.write(AlloyDbEmulator.shared(), Path.of(rar), workDir, extraCommands())
          : PayaraBootFiles.forApplication(AlloyDbEmulator.shared(), Path.of(postBootFile), workDir);
      System.setProperty(JVM_OPTIONS, files.jvmOptions());
      System.setProperty(MICRO_OPTIONS, files.microOptions());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the Payara boot files", e);
    }
  }

  private static List<String> extraCommands() throws IOException {
    String extra = System.getProperty(EXTRA_COMMANDS);
    return extra == null ? List.of() : Files.readAllLines(Path.of(extra));
  }
}
