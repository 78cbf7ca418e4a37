package dev.alloydb.jakarta.emulator;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link AlloyDbEmulatorTest}: resolves {@link AlloyDbEmulator} (the JVM's shared
 * emulator) and {@link EmulatedInstance} (its default instance) parameters, and resets the emulator's faults and
 * counters before each test so that one test's knobs do not leak into the next.
 */
public final class AlloyDbEmulatorExtension implements ParameterResolver, BeforeEachCallback {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == AlloyDbEmulator.class || type == EmulatedInstance.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    AlloyDbEmulator emulator = AlloyDbEmulator.shared();
    return parameter.getParameter().getType() == AlloyDbEmulator.class ? emulator : emulator.instance();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    AlloyDbEmulator emulator = AlloyDbEmulator.shared();
    emulator.faults().reset();
    emulator.counters().reset();
  }
}
