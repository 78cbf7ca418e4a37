package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.connector.ConnectorConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstanceUriTest {
  @Test
  void parsesParts() {
    InstanceUri uri = InstanceUri.parse("projects/p/locations/us-central1/clusters/c/instances/i");
    assertThat(uri.clusterName()).isEqualTo("projects/p/locations/us-central1/clusters/c");
    assertThat(uri.instanceName()).isEqualTo("projects/p/locations/us-central1/clusters/c/instances/i");
  }

  @Test
  void acceptsDomainScopedProject() {
    InstanceUri uri = InstanceUri.parse("projects/google.com:my-project/locations/r/clusters/c/instances/i");
    assertThat(uri.clusterName()).isEqualTo("projects/google.com:my-project/locations/r/clusters/c");
  }

  @Test
  void equalityByName() {
    assertThat(InstanceUri.parse("projects/p/locations/r/clusters/c/instances/i"))
        .isEqualTo(InstanceUri.parse("projects/p/locations/r/clusters/c/instances/i"))
        .isNotEqualTo(InstanceUri.parse("projects/p/locations/r/clusters/c/instances/j"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "not-correct", "projects/p/locations/r/clusters/c/instances/",
      "projects//locations/r/clusters/c/instances/i", "projects/p/locations/r/clusters/c",
      "/projects/p/locations/r/clusters/c/instances/i", "projects/p/locations/r/clusters/c/instances/i/",
      "projects/p/locations/r/clusters/c/instances/i/extra", "projects/a:b:c/locations/r/clusters/c/instances/i",
      "projects/p/locations/r:x/clusters/c/instances/i", "projects/p/locations/r/clusters/c/instances/i j",
      "p.r.c.i", "projects/p/regions/r/clusters/c/instances/i", "PROJECTS/p/locations/r/clusters/c/instances/i",
      "projects/p/locations/r/clusters/c/instances/i\n"})
  void rejectsBadShapesShowingTheExpectedFormat(String value) {
    assertThatThrownBy(() -> InstanceUri.parse(value))
        .isInstanceOf(ConnectorConfigException.class)
        .hasMessageContaining("expected projects/<PROJECT>/locations/<REGION>/clusters/<CLUSTER>/instances/<INSTANCE>")
        .hasMessageContaining(value == null ? "(none)" : "'" + value.substring(0, Math.min(value.length(), 20)));
  }

  @Test
  void longValuesAreCutInMessages() {
    String huge = "x".repeat(10_000);
    assertThatThrownBy(() -> InstanceUri.parse(huge)).hasMessageContaining("...")
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(500));
  }
}
