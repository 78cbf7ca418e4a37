package dev.alloydb.jakarta.benchmark.handles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What a benchmark fork connects to: the adapter jar and the pool properties (instance, login, Admin API endpoint,
 * credentials file) of the emulator the driving JVM started. Handed to the forks as a file, so the password never
 * shows on a command line or in JMH's output. Immutable.
 *
 * @param adapterJar the adapter's classes, taken from the built .rar
 * @param poolProperties the managed connection factory's config properties, by JavaBean name
 */
record BenchmarkTarget(Path adapterJar, Map<String, String> poolProperties) {

  /** System property naming the file {@link #write} made, in each fork. */
  static final String FILE_PROPERTY = "handles.target";

  private static final String ADAPTER_JAR = "adapterJar";

  BenchmarkTarget {
    poolProperties = Map.copyOf(poolProperties);
  }

  void write(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty(ADAPTER_JAR, adapterJar.toString());
    poolProperties.forEach(p::setProperty);
    try (OutputStream out = Files.newOutputStream(file)) {
      p.store(out, "handle-overhead benchmark target (the local emulator)");
    }
  }

  /** The target named by {@value #FILE_PROPERTY}. */
  static BenchmarkTarget fromSystemProperty() throws IOException {
    String file = System.getProperty(FILE_PROPERTY);
    if (file == null) {
      throw new IllegalStateException("-D" + FILE_PROPERTY + " must name the target file; run the benchmark "
          + "through HandleOverheadMain (./mvnw -B -Pjmh -pl src/benchmarks -am verify -DskipTests)");
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      p.load(in);
    }
    Map<String, String> pool = new LinkedHashMap<>();
    for (String name : p.stringPropertyNames()) {
      if (!name.equals(ADAPTER_JAR)) {
        pool.put(name, p.getProperty(name));
      }
    }
    return new BenchmarkTarget(Path.of(p.getProperty(ADAPTER_JAR)), pool);
  }
}
