package dev.alloydb.jakarta.servers.liberty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's "Deploying on Open Liberty" shows each Liberty recipe file exactly as {@link OpenLibertyServer}
 * uses it: the fenced block after the paragraph that starts with the file's name in backticks.
 */
class OpenLibertyRecipeInReadmeTest {

  private static final String SECTION = "## Deploying on Open Liberty";

  @ParameterizedTest
  @ValueSource(strings = {"server.xml", "alloydb.xml", "server.env", "alloydb-native.xml"})
  void readmeShowsTheRecipeFileVerbatim(String file) throws IOException {
    Path recipe = Path.of(System.getProperty("servers.recipes"), "liberty", file);
    assertThat(readmeBlock(file)).as("README block for %s", recipe)
        .containsExactlyElementsOf(Files.readAllLines(recipe, StandardCharsets.UTF_8));
  }

  private static List<String> readmeBlock(String file) throws IOException {
    List<String> readme = Files.readAllLines(Path.of(System.getProperty("servers.readme")), StandardCharsets.UTF_8);
    int start = readme.indexOf(SECTION);
    assertThat(start).as("the README has a section %s", SECTION).isNotNegative();
    int line = start + 1;
    while (line < readme.size() && !readme.get(line).startsWith("`" + file + "`")) {
      assertThat(readme.get(line)).as("%s ends before it shows %s", SECTION, file).doesNotStartWith("## ");
      line++;
    }
    while (line < readme.size() && !readme.get(line).startsWith("```")) {
      line++;
    }
    List<String> block = new ArrayList<>();
    for (line++; line < readme.size() && !readme.get(line).equals("```"); line++) {
      block.add(readme.get(line));
    }
    return block;
  }
}
