package dev.alloydb.jakarta.ra.work;

import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleProxies;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import javax.security.auth.Subject;

/**
 * Hands Works to the container so that no container thread keeps this adapter's class loader after undeploy.
 *
 * <p>Up to JDK 23 a new {@link Thread} records the access-control context of the code that creates it: the
 * protection domain of every class on the creating stack. Work managers create pool threads on demand, inside
 * {@code scheduleWork} (Payara's ORB pool does), so a pool thread born while adapter code was on the stack keeps the
 * adapter's protection domain, and through it its class loader and every class it loaded, for as long as the thread
 * lives: Payara keeps idle pool threads for 15 minutes, and its minimum number of them for good. Submitting from a
 * privileged frame with an empty context, through a proxy the JDK generates, leaves no adapter class on the part of
 * the stack that the new thread records.
 */
final class ContextFreeSubmitter {

  private static final MethodHandle SCHEDULE_WORK;

  static {
    try {
      SCHEDULE_WORK = MethodHandles.publicLookup().findVirtual(WorkManager.class, "scheduleWork",
          MethodType.methodType(void.class, Work.class, long.class, ExecutionContext.class, WorkListener.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private ContextFreeSubmitter() {
  }

  /** {@link WorkManager#scheduleWork(Work, long, ExecutionContext, WorkListener)} with no start timeout. */
  @SuppressWarnings("removal")
  static void scheduleWork(WorkManager workManager, Work work, WorkListener listener) throws WorkException {
    MethodHandle call = MethodHandles.insertArguments(SCHEDULE_WORK, 0, workManager, work, WorkManager.INDEFINITE,
        null, listener);
    PrivilegedExceptionAction<?> action = MethodHandleProxies.asInterfaceInstance(
        PrivilegedExceptionAction.class, call);
    try {
      // Deprecated with the Security Manager, yet up to JDK 23 still what decides what a thread created inside it
      // records; Subject is the privileged caller, so no adapter class is.
      Subject.doAsPrivileged(null, action, null);
    } catch (PrivilegedActionException e) {
      if (e.getException() instanceof WorkException rejected) {
        throw rejected;
      }
      throw new IllegalStateException("The WorkManager failed unexpectedly", e.getException());
    }
  }
}
