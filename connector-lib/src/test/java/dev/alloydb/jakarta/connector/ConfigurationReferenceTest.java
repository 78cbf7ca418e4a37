package dev.alloydb.jakarta.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's table of options is the option model, row for row: change one and this fails until both agree. */
class ConfigurationReferenceTest {

  static final String HEADER = "| option (pool property, `connect` key) | JDBC property | MicroProfile Config key "
      + "| environment variable | default | accepted values | meaning |";

  @Test
  void readmeOptionsTableIsTheOptionModel() throws IOException {
    List<String> readme = Files.readAllLines(Path.of("..", "src", "docs", "configuration.md"));
    int header = readme.indexOf(HEADER);
    assertThat(header).as("the README's options table starts with%n%s", HEADER).isNotNegative();
    List<String> rows = new ArrayList<>();
    for (int i = header + 2; i < readme.size() && readme.get(i).startsWith("|"); i++) {
      rows.add(readme.get(i));
    }

    List<String> expected = ConnectorOption.all().stream().map(ConfigurationReferenceTest::row).toList();

    assertThat(rows).as("README options table; the model says:%n%s", String.join("\n", expected))
        .isEqualTo(expected);
  }

  private static String row(ConnectorOption<?> option) {
    String defaultValue = option.required() ? "required"
        : option.defaultValue().map(value -> "`" + value + "`").orElse("none");
    String expected = option.expected().contains("<") ? "`" + option.expected() + "`" : option.expected();
    return "| `" + option.name() + "` | " + option.jdbcName().map(name -> "`" + name + "`").orElse("none")
        + " | `" + option.configKey() + "` | `" + option.environmentVariable() + "` | " + defaultValue + " | "
        + expected + " | " + option.description() + " |";
  }
}
