package dev.alloydb.jakarta.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README shows each server's recipe files as they are, so that what users copy is what the server ITs run: a
 * recipe file {@code recipes/<server>/<file>} is shown in the README as the fenced block right after the line
 * {@code <!-- recipe: <server>/<file> -->}.
 */
class RecipesInReadmeTest {

  /** Every recipe file, relative to {@code recipes/}: a server's recipe adds one line here. */
  private static final List<String> RECIPES = List.of(
      "payara7/post-boot-commands.asadmin",
      "payara7/alloydb-native.asadmin",
      "glassfish/alloydb.asadmin",
      "glassfish/alloydb-native.asadmin",
      "wildfly/alloydb.cli",
      "wildfly/jboss-web.xml",
      "wildfly/alloydb.properties",
      "wildfly/native-datasource.cli",
      "liberty/server.xml",
      "liberty/alloydb.xml",
      "liberty/server.env",
      "liberty/alloydb-native.xml");

  private static final Pattern MARKER = Pattern.compile("^<!-- recipe: (\\S+) -->$", Pattern.MULTILINE);

  static List<String> recipeFiles() {
    return RECIPES;
  }

  @ParameterizedTest
  @MethodSource("recipeFiles")
  void readmeShowsTheRecipeFileAsItIs(String recipe) throws IOException {
    assertThat(readmeBlock(recipe)).as("README block of %s", recipe)
        .isEqualTo(Files.readString(recipes().resolve(recipe), StandardCharsets.UTF_8));
  }

  @Test
  void everyRecipeFileAndEveryReadmeRecipeIsChecked() throws IOException {
    List<String> files;
    try (Stream<Path> paths = Files.walk(recipes())) {
      files = paths.filter(Files::isRegularFile).map(path -> recipes().relativize(path).toString()).sorted().toList();
    }
    List<String> shown = new ArrayList<>();
    Matcher marker = MARKER.matcher(readme());
    while (marker.find()) {
      shown.add(marker.group(1));
    }
    assertThat(files).as("files under recipes/").containsExactlyInAnyOrderElementsOf(RECIPES);
    assertThat(shown).as("recipe markers in the README").containsExactlyInAnyOrderElementsOf(RECIPES);
  }

  /** The fenced block after the recipe's marker, with a line break after each line, as in the file. */
  private static String readmeBlock(String recipe) throws IOException {
    List<String> lines = readme().lines().toList();
    int marker = lines.indexOf("<!-- recipe: " + recipe + " -->");
    assertThat(marker).as("README marker of %s", recipe).isNotNegative();
    assertThat(lines.get(marker + 1)).as("a fenced block right after the marker of %s", recipe).startsWith("```");
    StringBuilder block = new StringBuilder();
    for (int i = marker + 2; !lines.get(i).equals("```"); i++) {
      block.append(lines.get(i)).append('\n');
    }
    return block.toString();
  }

  private static String readme() throws IOException {
    return Files.readString(Path.of(System.getProperty("servers.readme")), StandardCharsets.UTF_8);
  }

  private static Path recipes() {
    return Path.of(System.getProperty("servers.recipes"));
  }
}
