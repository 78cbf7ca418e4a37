package dev.alloydb.jakarta.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which failures evict a connection from the pool (CONNECTION_ERROR_OCCURRED). */
class FatalErrorsTest {

  @ParameterizedTest(name = "{0} -> fatal={1}")
  @CsvSource({
      "08006, true", "08001, true", "08003, true", "57P01, true", "57P02, true", "57P03, true",
      "57P04, true", "57P05, true", "25P03, true", "53100, true", "53200, true", "53300, true", "58030, true",
      "XX000, true", "XX001, true",
      "42601, false", "23505, false", "40001, false", "25P02, false", "57014, false", "55P03, false"})
  void classifiesBySqlState(String state, boolean fatal) {
    assertThat(FatalErrors.isFatal(new SQLException("x", state))).isEqualTo(fatal);
  }

  @Test
  void nonTransientConnectionExceptionIsFatalWhateverItsState() {
    assertThat(FatalErrors.isFatal(new SQLNonTransientConnectionException("gone", "22000"))).isTrue();
    assertThat(FatalErrors.isFatal(new SQLTransientConnectionException("busy", "22000"))).isFalse();
  }

  @Test
  void looksThroughNextExceptionsAndCauses() {
    SQLException batch = new SQLException("batch failed", "22000");
    batch.setNextException(new SQLException("io", "08006"));
    assertThat(FatalErrors.isFatal(batch)).isTrue();

    SQLException wrapped = new SQLException("wrapped", null, new IOException("reset", new SQLException("x", "08001")));
    assertThat(FatalErrors.isFatal(wrapped)).isTrue();
    assertThat(FatalErrors.isFatal(new SQLException("no state"))).isFalse();
  }

  @Test
  void stopsOnCyclicChains() {
    SQLException first = new SQLException("a", "22000");
    SQLException second = new SQLException("b", "22000");
    first.setNextException(second);
    second.setNextException(first);
    assertThat(FatalErrors.isFatal(first)).isFalse();
  }
}
