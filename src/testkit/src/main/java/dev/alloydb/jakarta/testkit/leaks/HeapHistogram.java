package dev.alloydb.jakarta.testkit.leaks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Live bytes per class name of this JVM, from its class histogram (which collects garbage first): what the
 * reliability tests print to show where heap growth, if any, comes from.
 */
public final class HeapHistogram {

  private static final Pattern ROW = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)");

  private HeapHistogram() {
  }

  /** Bytes of live objects per class name (classes of the same name from several loaders are summed). */
  public static Map<String, Long> take() {
    Map<String, Long> bytes = new HashMap<>();
    try {
      String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      Matcher row = ROW.matcher(text);
      while (row.find()) {
        bytes.merge(row.group(2), Long.parseLong(row.group(1)), Long::sum);
      }
    } catch (JMException | RuntimeException e) {
      bytes.put("(histogram unavailable: " + e + ")", 0L);
    }
    return bytes;
  }

  /** The {@code top} classes whose live bytes grew most from {@code from} to {@code to}, as "name +bytes". */
  public static List<String> growth(Map<String, Long> from, Map<String, Long> to, int top) {
    return to.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - from.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .map(e -> e.getKey() + " +" + e.getValue())
        .toList();
  }
}
