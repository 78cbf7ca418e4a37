package dev.alloydb.jakarta.ra.outbound;

import dev.alloydb.jakarta.connector.ConnectorOption;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pool properties a server set on one managed connection factory, as given (text, unparsed), keyed by
 * {@link ConnectorOption}. Secret values are kept out of the serialized form: a serialized factory or DataSource
 * never carries a password. Not thread-safe: the server sets properties before the factory is used.
 */
final class PoolProperties implements Serializable {

  @Serial
  private static final long serialVersionUID = 1L;

  /** Non-secret values by option name (names, not options: the options are not serializable). */
  private final Map<String, String> values = new TreeMap<>();
  private transient Map<String, String> secrets = new HashMap<>();

  /** Sets or (with {@code null}) clears the value of {@code option}. */
  void set(ConnectorOption<?> option, String value) {
    Map<String, String> target = option.secret() ? secrets : values;
    if (value == null) {
      target.remove(option.name());
    } else {
      target.put(option.name(), value);
    }
  }

  /** The value given for {@code option}, if any (possibly blank). */
  Optional<String> get(ConnectorOption<?> option) {
    return Optional.ofNullable((option.secret() ? secrets : values).get(option.name()));
  }

  @Serial
  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    secrets = new HashMap<>();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PoolProperties that && values.equals(that.values) && secrets.equals(that.secrets);
  }

  @Override
  public int hashCode() {
    return 31 * values.hashCode() + secrets.hashCode();
  }

  /** Names the options that are set; values are left out (they may be secret). */
  @Override
  public String toString() {
    return "PoolProperties" + values.keySet();
  }
}
