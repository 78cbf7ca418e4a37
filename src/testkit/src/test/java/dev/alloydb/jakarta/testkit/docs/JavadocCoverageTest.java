package dev.alloydb.jakarta.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavadocCoverageTest {
  @Test
  void reportsExactlyThePublishedDeclarationsWithoutAComment(@TempDir Path root) throws Exception {
    Path api = Files.createDirectories(root.resolve("p"));
    Files.writeString(api.resolve("Api.java"), String.join("\n",
        "package p;",
        "/** Documented. */",
        "public class Api implements Runnable {",
        "  public static final int UNDOCUMENTED_FIELD = 1;",
        "  public Api() {}",
        "  protected void undocumentedMethod() {}",
        "  void packagePrivate() {}",
        "  private void privateMethod() {}",
        "  @Override",
        "  public void run() { new Object() { public void local() {} }; }",
        "  public interface UndocumentedInterface { void implicitlyPublic(); }",
        "  /** Documented. */",
        "  public enum Kind { /** Documented. */ A, B }",
        "}",
        "class Hidden { public void notApi() {} }"));
    Path internal = Files.createDirectories(root.resolve("p/internal"));
    Files.writeString(internal.resolve("Skipped.java"), "package p.internal; public class Skipped {}");

    assertThat(JavadocCoverage.undocumented(root, pkg -> pkg.endsWith(".internal"))).containsExactly(
        "p/Api.java:4: UNDOCUMENTED_FIELD",
        "p/Api.java:5: Api()",
        "p/Api.java:6: undocumentedMethod()",
        "p/Api.java:11: UndocumentedInterface",
        "p/Api.java:11: implicitlyPublic()",
        "p/Api.java:13: B");
  }

  /** The emulator is published but cannot use the test kit (the kit depends on it): its check runs here. */
  @Test
  void everyPublishedTypeAndMemberOfTheEmulatorIsDocumented() throws Exception {
    assertThat(JavadocCoverage.undocumented(Path.of("../emulator/src/main/java"), pkg -> pkg.contains(".internal")))
        .isEmpty();
  }
}
