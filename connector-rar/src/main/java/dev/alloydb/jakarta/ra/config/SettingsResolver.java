package dev.alloydb.jakarta.ra.config;

import dev.alloydb.jakarta.connector.ConnectorConfigException;
import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.connector.RefreshStrategy;
import jakarta.resource.spi.InvalidPropertyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns pool properties plus a fallback source (MicroProfile Config) into one validated {@link AdapterSettings}.
 * A pool property that is set wins; otherwise the fallback; otherwise the default. Stateless and thread-safe.
 */
public final class SettingsResolver {

  // One non-empty path segment per variable; a domain-scoped project (google.com:p) is one segment too.
  private static final Pattern INSTANCE_URI =
      Pattern.compile("projects/[^/]+/locations/[^/]+/clusters/[^/]+/instances/[^/]+");

  private final Function<String, Optional<String>> fallback;

  /**
   * @param fallback looks a MicroProfile Config key up; empty when it has no value
   */
  public SettingsResolver(Function<String, Optional<String>> fallback) {
    this.fallback = fallback;
  }

  /**
   * Checks only the pool properties that are set (no fallback, no required-value rule), so a pool with an
   * invalid property fails as soon as its connection factory is created.
   */
  public static void checkExplicit(Map<Setting, String> explicit) throws InvalidPropertyException {
    for (Map.Entry<Setting, String> entry : explicit.entrySet()) {
      String value = entry.getValue();
      if (isSet(value)) {
        Source source = Source.POOL;
        rejectUnresolved(entry.getKey(), value, source);
        validateSyntax(entry.getKey(), value.trim(), source);
      }
    }
  }

  /** Resolves every setting and validates the result. */
  public AdapterSettings resolve(Map<Setting, String> explicit) throws InvalidPropertyException {
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    Map<Setting, Source> sources = new EnumMap<>(Setting.class);
    for (Setting setting : Setting.values()) {
      String value = explicit.get(setting);
      Source source = Source.POOL;
      if (!isSet(value)) {
        value = fallback.apply(setting.configKey()).orElse(null);
        source = Source.CONFIG;
      }
      if (!isSet(value)) {
        value = setting.defaultValue();
        source = Source.DEFAULT;
      }
      if (value != null) {
        rejectUnresolved(setting, value, source);
        value = setting == Setting.PASSWORD ? value : value.trim();
        validateSyntax(setting, value, source);
        values.put(setting, value);
        sources.put(setting, source);
      }
    }
    require(values, Setting.INSTANCE_URI);
    require(values, Setting.USER);
    if (values.containsKey(Setting.DELEGATES) && !values.containsKey(Setting.TARGET_PRINCIPAL)) {
      throw invalid(Setting.DELEGATES, sources.get(Setting.DELEGATES),
          "is set but targetPrincipal (" + Setting.TARGET_PRINCIPAL.configKey() + ") is not");
    }
    return new AdapterSettings(
        values.get(Setting.INSTANCE_URI),
        IpType.parse(values.get(Setting.IP_TYPE)),
        Boolean.parseBoolean(values.get(Setting.ENABLE_IAM_AUTH)),
        values.get(Setting.USER),
        values.get(Setting.PASSWORD),
        values.get(Setting.DATABASE),
        RefreshStrategy.parse(values.get(Setting.REFRESH_STRATEGY)),
        values.get(Setting.ADMIN_SERVICE_ENDPOINT),
        values.get(Setting.QUOTA_PROJECT),
        Optional.ofNullable(values.get(Setting.CREDENTIALS_FILE)).map(Path::of).orElse(null),
        values.get(Setting.TARGET_PRINCIPAL),
        delegates(values.get(Setting.DELEGATES)));
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  private static void require(Map<Setting, String> values, Setting setting) throws InvalidPropertyException {
    if (!values.containsKey(setting)) {
      throw new InvalidPropertyException("AlloyDB setting " + describe(setting)
          + " is missing: set the pool property or the MicroProfile Config key; expected "
          + setting.expected());
    }
  }

  // Payara passes ${MPCONFIG=...}, ${ENV=...} and ${sys.prop} through verbatim when nothing resolves them.
  private static void rejectUnresolved(Setting setting, String value, Source source)
      throws InvalidPropertyException {
    if (value.contains("${")) {
      String shown = setting.secret() ? "an expression" : "\"" + value + "\"";
      throw invalid(setting, source, "holds " + shown + " that the server did not resolve; define the "
          + "referenced value, or set " + setting.expected());
    }
  }

  private static void validateSyntax(Setting setting, String value, Source source)
      throws InvalidPropertyException {
    boolean valid = switch (setting) {
      case INSTANCE_URI -> INSTANCE_URI.matcher(value).matches();
      case IP_TYPE -> parseIpType(value).isPresent();
      case ENABLE_IAM_AUTH -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
      case REFRESH_STRATEGY -> parseRefreshStrategy(value).isPresent();
      case CREDENTIALS_FILE -> Files.isReadable(Path.of(value));
      case DELEGATES -> parseDelegates(value).stream().noneMatch(String::isEmpty);
      default -> true;
    };
    if (!valid) {
      throw invalid(setting, source, "has the invalid value \"" + value + "\"; expected " + setting.expected());
    }
  }

  private static InvalidPropertyException invalid(Setting setting, Source source, String problem) {
    return new InvalidPropertyException("AlloyDB setting " + describe(setting) + " " + source.label + " "
        + problem);
  }

  private static String describe(Setting setting) {
    return setting.property() + " (MicroProfile Config key " + setting.configKey() + ")";
  }

  private static Optional<IpType> parseIpType(String value) {
    try {
      return Optional.of(IpType.parse(value));
    } catch (ConnectorConfigException e) {
      return Optional.empty();
    }
  }

  private static Optional<RefreshStrategy> parseRefreshStrategy(String value) {
    try {
      return Optional.of(RefreshStrategy.parse(value));
    } catch (ConnectorConfigException e) {
      return Optional.empty();
    }
  }

  private static List<String> delegates(String value) {
    return value == null ? List.of() : parseDelegates(value);
  }

  private static List<String> parseDelegates(String value) {
    List<String> result = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      result.add(part.trim());
    }
    return List.copyOf(result);
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
