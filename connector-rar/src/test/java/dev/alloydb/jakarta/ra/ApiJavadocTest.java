package dev.alloydb.jakarta.ra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.testkit.docs.JavadocCoverage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every public type and member of the published API of the resource adapter has a Javadoc comment. */
class ApiJavadocTest {
  @Test
  void everyPublishedTypeAndMemberIsDocumented() throws Exception {
    assertThat(JavadocCoverage.undocumented(Path.of("src/main/java"), pkg -> pkg.contains(".internal"))).isEmpty();
  }
}
