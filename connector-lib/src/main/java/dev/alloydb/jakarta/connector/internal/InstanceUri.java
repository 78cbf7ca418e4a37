package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorConfigException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated instance URI: {@code projects/<PROJECT>/locations/<REGION>/clusters/<CLUSTER>/instances/<INSTANCE>}.
 * Every part is one non-empty path segment; the project may be domain-scoped ({@code google.com:my-project}).
 */
public final class InstanceUri {
  static final String EXPECTED =
      "projects/<PROJECT>/locations/<REGION>/clusters/<CLUSTER>/instances/<INSTANCE>";
  private static final String SEGMENT = "[^/:\\s\\p{Cntrl}]+";
  private static final Pattern FORMAT = Pattern.compile("projects/(" + SEGMENT + "(?::" + SEGMENT + ")?)"
      + "/locations/(" + SEGMENT + ")/clusters/(" + SEGMENT + ")/instances/(" + SEGMENT + ")");
  private static final int MAX_SHOWN = 200;

  private final String project;
  private final String location;
  private final String cluster;
  private final String instance;

  private InstanceUri(String project, String location, String cluster, String instance) {
    this.project = project;
    this.location = location;
    this.cluster = cluster;
    this.instance = instance;
  }

  /**
   * Parses and validates an instance URI.
   *
   * @throws ConnectorConfigException showing the expected format and the value received
   */
  public static InstanceUri parse(String value) {
    Matcher m = value == null ? null : FORMAT.matcher(value);
    if (m == null || !m.matches()) {
      throw new ConnectorConfigException(
          "Invalid instance URI " + shown(value) + ": expected " + EXPECTED
              + " (the project may be domain-scoped, like google.com:my-project)");
    }
    return new InstanceUri(m.group(1), m.group(2), m.group(3), m.group(4));
  }

  private static String shown(String value) {
    if (value == null) {
      return "(none)";
    }
    String cut = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "..." : value;
    return "'" + cut + "'";
  }

  /** The cluster resource name, parent of GenerateClientCertificate. */
  String clusterName() {
    return "projects/" + project + "/locations/" + location + "/clusters/" + cluster;
  }

  /** The instance resource name, parent of GetConnectionInfo. */
  String instanceName() {
    return clusterName() + "/instances/" + instance;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InstanceUri && ((InstanceUri) o).instanceName().equals(instanceName());
  }

  @Override
  public int hashCode() {
    return instanceName().hashCode();
  }

  /** The URI, as used in {@code [instance]} message prefixes. */
  @Override
  public String toString() {
    return instanceName();
  }
}
