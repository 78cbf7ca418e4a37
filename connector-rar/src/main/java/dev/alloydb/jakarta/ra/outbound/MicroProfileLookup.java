package dev.alloydb.jakarta.ra.outbound;

import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads MicroProfile Config with the calling thread's context class loader. Called at connection-creation time so
 * that, on a request thread, the application's own {@code microprofile-config.properties} counts too (on Payara
 * the adapter's class loader sees only server-level sources). Without a MicroProfile Config implementation every
 * key is empty.
 */
final class MicroProfileLookup implements Function<String, Optional<String>> {

  @Override
  public Optional<String> apply(String key) {
    Config config;
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      config = loader == null ? ConfigProvider.getConfig() : ConfigProvider.getConfig(loader);
    } catch (IllegalStateException | ServiceConfigurationError | NoClassDefFoundError e) {
      // No implementation on this server (or in plain Java SE): pool properties and defaults still apply.
      return Optional.empty();
    }
    return config.getOptionalValue(key, String.class);
  }
}
