package dev.alloydb.jakarta.ra.outbound;

import dev.alloydb.jakarta.connector.ConnectorConfigException;
import dev.alloydb.jakarta.connector.ConnectorOption;
import jakarta.resource.spi.InvalidPropertyException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns pool properties plus a fallback source (MicroProfile Config) into one {@link AdapterSettings}, parsing each
 * value with its {@link ConnectorOption}, so the adapter accepts and rejects exactly what the library does and says
 * so with the library's message, after the place the value came from. A pool property that is set wins; otherwise
 * the fallback; otherwise the default. Stateless and thread-safe.
 */
final class SettingsResolver {

  private final Function<String, Optional<String>> fallback;

  /**
   * @param fallback looks a MicroProfile Config key up; empty when it has no value
   */
  SettingsResolver(Function<String, Optional<String>> fallback) {
    this.fallback = fallback;
  }

  /**
   * Checks only the pool properties that are set (no fallback, no required-value rule), so a pool with an
   * invalid property fails as soon as its connection factory is created.
   */
  static void checkExplicit(PoolProperties explicit) throws InvalidPropertyException {
    for (ConnectorOption<?> option : ConnectorOption.all()) {
      Optional<String> value = explicit.get(option).filter(ConnectorOption::isSet);
      if (value.isPresent()) {
        parse(option, value.get(), Source.POOL);
      }
    }
  }

  /** Resolves every option and validates the result. */
  AdapterSettings resolve(PoolProperties explicit) throws InvalidPropertyException {
    Map<ConnectorOption<?>, Object> values = new HashMap<>();
    for (ConnectorOption<?> option : ConnectorOption.all()) {
      Optional<String> pool = explicit.get(option).filter(ConnectorOption::isSet);
      if (pool.isPresent()) {
        values.put(option, parse(option, pool.get(), Source.POOL));
        continue;
      }
      Optional<String> config = fallback.apply(option.configKey()).filter(ConnectorOption::isSet);
      if (config.isPresent()) {
        values.put(option, parse(option, config.get(), Source.CONFIG));
      } else if (option.defaultValue().isPresent()) {
        values.put(option, parse(option, option.defaultValue().get(), Source.DEFAULT));
      } else if (option.required()) {
        throw new InvalidPropertyException(describe(option) + " is missing: set the pool property or the "
            + "MicroProfile Config key; expected " + option.expected());
      }
    }
    try {
      return new AdapterSettings(values);
    } catch (ConnectorConfigException e) {
      throw withCause(new InvalidPropertyException("AlloyDB settings do not fit together: " + e.getMessage()), e);
    }
  }

  private static Object parse(ConnectorOption<?> option, String value, Source source)
      throws InvalidPropertyException {
    // Payara passes ${MPCONFIG=...}, ${ENV=...} and ${sys.prop} through verbatim when nothing resolves them.
    if (value.contains("${")) {
      String shown = option.secret() ? "an expression" : "\"" + value + "\"";
      throw new InvalidPropertyException(describe(option) + " " + source.label + " holds " + shown
          + " that the server did not resolve; define the referenced value, or set " + option.expected());
    }
    try {
      return option.parse(value, option.name());
    } catch (ConnectorConfigException e) {
      throw withCause(new InvalidPropertyException(describe(option) + " " + source.label + ": " + e.getMessage()), e);
    }
  }

  private static InvalidPropertyException withCause(InvalidPropertyException exception, Exception cause) {
    exception.initCause(cause);
    return exception;
  }

  private static String describe(ConnectorOption<?> option) {
    return "AlloyDB setting " + option.name() + " (MicroProfile Config key " + option.configKey() + ")";
  }

  private enum Source {
    POOL("(pool property)"),
    CONFIG("(from MicroProfile Config)"),
    DEFAULT("(default)");

    private final String label;

    Source(String label) {
      this.label = label;
    }
  }
}
