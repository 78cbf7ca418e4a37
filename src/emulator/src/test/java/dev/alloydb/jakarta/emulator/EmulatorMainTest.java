package dev.alloydb.jakarta.emulator;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The standalone emulator's arguments: a bad one is named in the message, before anything starts. */
class EmulatorMainTest {

  static Stream<Arguments> invalidArguments() {
    return Stream.of(
        Arguments.of("--proxy-port", "abc", "--proxy-port needs a number 0..65535, got 'abc'"),
        Arguments.of("--proxy-port", "70000", "proxy port must be 0..65535, got 70000"),
        Arguments.of("--instance", "my-instance", "instance URI must look like projects/<PROJECT>"),
        Arguments.of("--universe-domain", "https://example.test",
            "universe domain must be a DNS domain such as example-universe.test, got https://example.test"),
        Arguments.of("--verbose", "yes", "unknown or incomplete argument '--verbose'"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("invalidArguments")
  void invalidArgumentIsNamed(String option, String value, String message) {
    assertThatThrownBy(() -> EmulatorMain.parse(option, value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--instance", "--proxy-port", "--universe-domain"})
  void optionWithoutValueIsIncomplete(String option) {
    assertThatThrownBy(() -> EmulatorMain.parse(option))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown or incomplete argument '" + option + "'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"--proxy-port=0", "--instance=projects/google.com:p/locations/r/clusters/c/instances/i",
      "--universe-domain=example-universe.test"})
  void validArgumentsAreAccepted(String argument) {
    String[] pair = argument.split("=", 2);
    assertThatCode(() -> EmulatorMain.parse(pair[0], pair[1])).doesNotThrowAnyException();
  }
}
