package dev.alloydb.jakarta.emulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against a running local AlloyDB: the JVM's {@linkplain AlloyDbEmulator#shared() shared
 * emulator}, started on first use. Declare an {@link AlloyDbEmulator} or {@link EmulatedInstance} parameter (test
 * method, lifecycle method or constructor) to get it; faults and counters are reset before each test.
 *
 * @see AlloyDbEmulatorExtension
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(AlloyDbEmulatorExtension.class)
public @interface AlloyDbEmulatorTest {
}
