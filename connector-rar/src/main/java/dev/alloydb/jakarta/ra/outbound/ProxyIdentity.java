package dev.alloydb.jakarta.ra.outbound;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The calls every handle proxy answers itself instead of passing them to the physical object: identity
 * {@code equals} and {@code hashCode} (a handle is never equal to what it wraps), {@code toString}, and the JDBC
 * {@code Wrapper} methods for the interface the proxy implements.
 */
final class ProxyIdentity {

  private ProxyIdentity() {
  }

  /** The proxy's own answer to the call {@code name(args)}, or empty when the call goes to the physical object. */
  static Optional<Object> answer(Object self, String name, Object[] args, Supplier<String> description) {
    return switch (name) {
      case "equals" -> Optional.of(self == args[0]);
      case "hashCode" -> Optional.of(System.identityHashCode(self));
      case "toString" -> Optional.of(description.get());
      // Unwrapping to the physical object is left to it: pgjdbc answers for its own classes.
      case "unwrap" -> ((Class<?>) args[0]).isInstance(self) ? Optional.of(self) : Optional.empty();
      case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(self) ? Optional.of(true) : Optional.empty();
      default -> Optional.empty();
    };
  }
}
