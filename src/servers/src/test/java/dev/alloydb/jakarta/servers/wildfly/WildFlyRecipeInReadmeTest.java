package dev.alloydb.jakarta.servers.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * README "Deploying on WildFly" shows each file of {@code src/servers/recipes/wildfly} verbatim, so what users copy
 * is what {@link WildFlyIT} runs.
 */
class WildFlyRecipeInReadmeTest {

  private static final String SECTION = "## Deploying on WildFly";

  static Stream<Path> recipeFiles() throws IOException {
    return Files.list(recipes()).sorted();
  }

  @ParameterizedTest
  @MethodSource("recipeFiles")
  void readmeShowsTheRecipeFileVerbatim(Path recipe) throws IOException {
    String file = Files.readString(recipe, StandardCharsets.UTF_8);
    assertThat(codeBlocks(wildFlySection())).as("a README block equal to " + recipe.getFileName()).contains(file);
  }

  /** The lines from the WildFly heading to the next top-level heading. */
  private static List<String> wildFlySection() throws IOException {
    List<String> lines = Files.readAllLines(Path.of(System.getProperty("servers.readme")), StandardCharsets.UTF_8);
    int start = lines.indexOf(SECTION);
    assertThat(start).as("README has the section " + SECTION).isNotNegative();
    int end = start + 1;
    while (end < lines.size() && !lines.get(end).startsWith("## ")) {
      end++;
    }
    return lines.subList(start, end);
  }

  /** Each fenced block's text, every line ending with a newline, as a file holds it. */
  private static List<String> codeBlocks(List<String> lines) {
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (String line : lines) {
      if (line.startsWith("```")) {
        if (block == null) {
          block = new StringBuilder();
        } else {
          blocks.add(block.toString());
          block = null;
        }
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    return blocks;
  }

  private static Path recipes() {
    return Path.of(System.getProperty("servers.recipes"), "wildfly");
  }
}
