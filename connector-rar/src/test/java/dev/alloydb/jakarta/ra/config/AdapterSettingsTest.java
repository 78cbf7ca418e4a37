package dev.alloydb.jakarta.ra.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.connector.RefreshStrategy;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AdapterSettings writes its value methods out (see the class); every component must take part in them. */
class AdapterSettingsTest {

  private static final Object[] BASE = {"projects/p/locations/l/clusters/c/instances/i", IpType.PRIVATE, false,
      "app", "secret", "postgres", RefreshStrategy.BACKGROUND, "http://127.0.0.1:1", "quota", Path.of("sa.json"),
      "target@p.iam.gserviceaccount.com", List.of("delegate@p.iam.gserviceaccount.com")};
  private static final Object[] OTHER = {"projects/p/locations/l/clusters/c/instances/j", IpType.PUBLIC, true,
      "other", "other-secret", "db", RefreshStrategy.LAZY, "http://127.0.0.1:2", "quota2", Path.of("other.json"),
      "other@p.iam.gserviceaccount.com", List.of()};

  @Test
  void equalComponentsMakeEqualSettings() throws Exception {
    AdapterSettings one = create(BASE);
    AdapterSettings two = create(BASE.clone());

    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
  }

  @Test
  void everyComponentTakesPartInEquality() throws Exception {
    AdapterSettings base = create(BASE);
    RecordComponent[] components = AdapterSettings.class.getRecordComponents();
    assertThat(components).hasSameSizeAs(BASE);

    for (int i = 0; i < components.length; i++) {
      Object[] changed = BASE.clone();
      changed[i] = OTHER[i];
      assertThat(create(changed)).as(components[i].getName()).isNotEqualTo(base);
    }
  }

  @Test
  void toStringMasksThePassword() throws Exception {
    assertThat(create(BASE).toString()).contains("password=<masked>").doesNotContain("secret");
  }

  private static AdapterSettings create(Object[] values) throws Exception {
    Class<?>[] types = Arrays.stream(AdapterSettings.class.getRecordComponents())
        .map(RecordComponent::getType).toArray(Class<?>[]::new);
    Constructor<AdapterSettings> constructor = AdapterSettings.class.getDeclaredConstructor(types);
    return constructor.newInstance(values);
  }
}
