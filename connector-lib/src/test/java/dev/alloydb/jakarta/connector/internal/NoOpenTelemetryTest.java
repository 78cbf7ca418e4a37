package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The OpenTelemetry API is optional: with it absent from the class path the library loads, connects and keeps its
 * JMX metrics and status. The library is loaded again by a class loader that sees the test class path minus every
 * OpenTelemetry jar.
 */
class NoOpenTelemetryTest {

  @Test
  void withoutTheOpenTelemetryApiTheConnectorConnectsAndCountsInJmx() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.contains("opentelemetry")) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> loader.loadClass("io.opentelemetry.api.GlobalOpenTelemetry"))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> probe = loader.loadClass(NoOpenTelemetryProbe.class.getName());
      assertThat(probe.getClassLoader()).isSameAs(loader);
      Properties login = EmulatorSupport.passwordLogin();
      String result = (String) probe.getMethod("connectTwice", String.class, String.class, String.class,
          Properties.class).invoke(null, EmulatorSupport.instanceUri(),
          EmulatorSupport.emulator().adminApiRestEndpoint(), EmulatorSupport.emulator().credentialsFile().toString(),
          login);
      assertThat(result).isEqualTo("dials=2 latencies=2 state=READY");
    }
  }
}
