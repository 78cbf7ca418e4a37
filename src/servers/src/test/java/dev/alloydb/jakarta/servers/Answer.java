package dev.alloydb.jakarta.servers;

import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer: status and body, and the body's {@code key=value} lines (the scenario servlet's format). */
record Answer(int status, String body) {

  /** The value of {@code key} in the body's {@code key=value} lines. */
  String value(String key) {
    String value = values().get(key);
    if (value == null) {
      throw new AssertionError("no " + key + " in the answer (status " + status + "): " + body);
    }
    return value;
  }

  Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : body.split("\n")) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        values.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return values;
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
