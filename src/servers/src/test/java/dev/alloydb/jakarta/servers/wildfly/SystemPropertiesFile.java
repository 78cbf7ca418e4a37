package dev.alloydb.jakarta.servers.wildfly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recipe's {@code alloydb.properties} (system properties for {@code standalone.sh -P}, read by the adapter
 * through MicroProfile Config) with a user's values put in: each key the recipe lists takes the given value, keys the
 * recipe does not list are appended, comments and unlisted defaults stay as they are. The password is never written:
 * it belongs in the server's environment ({@value #PASSWORD_ENVIRONMENT_VARIABLE}).
 */
final class SystemPropertiesFile {

  /** MicroProfile Config's environment name for {@code alloydb.password}. */
  static final String PASSWORD_ENVIRONMENT_VARIABLE = "ALLOYDB_PASSWORD";
  /** The MicroProfile Config key of the password, kept out of the file. */
  static final String PASSWORD_KEY = "alloydb.password";

  private SystemPropertiesFile() {
  }

  /** Writes {@code recipe} with {@code values} put in to {@code target}. */
  static Path write(Path recipe, Map<String, String> values, Path target) throws IOException {
    Map<String, String> remaining = new LinkedHashMap<>(values);
    remaining.remove(PASSWORD_KEY);
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(recipe, StandardCharsets.UTF_8)) {
      int equals = line.indexOf('=');
      if (line.startsWith("#") || equals < 0) {
        lines.add(line);
        continue;
      }
      String key = line.substring(0, equals).trim();
      String value = remaining.remove(key);
      lines.add(value == null ? line : key + "=" + escape(value));
    }
    remaining.forEach((key, value) -> lines.add(key + "=" + escape(value)));
    Files.createDirectories(target.toAbsolutePath().getParent());
    return Files.write(target, lines, StandardCharsets.UTF_8);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\");
  }
}
