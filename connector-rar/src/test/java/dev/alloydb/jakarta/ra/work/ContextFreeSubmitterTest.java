package dev.alloydb.jakarta.ra.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.alloydb.jakarta.testkit.jca.ExecutorWorkManager;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkEvent;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.resource.spi.work.WorkRejectedException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.security.AccessControlContext;
import java.security.ProtectionDomain;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A pool thread the work manager creates while the adapter submits must not record the adapter's protection domain
 * (it would keep the adapter's class loader after undeploy). {@link ExecutorWorkManager} creates its threads on
 * demand inside {@code scheduleWork}, as Payara's pool does. Reads JDK internals: surefire opens java.lang and
 * java.security to this test.
 */
class ContextFreeSubmitterTest {

  private static final ProtectionDomain ADAPTER = WorkManagerScheduler.class.getProtectionDomain();
  private static final ProtectionDomain WORK_MANAGER = ExecutorWorkManager.class.getProtectionDomain();

  @Test
  void aPoolThreadCreatedForTheAdapterDoesNotRecordItsProtectionDomain() throws Exception {
    assumeTrue(Arrays.stream(Thread.class.getDeclaredFields())
        .anyMatch(f -> f.getName().equals("inheritedAccessControlContext")),
        "from JDK 24 a thread records no access-control context");
    assertThat(ADAPTER).as("main and test classes come from different code sources").isNotEqualTo(WORK_MANAGER);
    try (ExecutorWorkManager workManager = new ExecutorWorkManager()) {
      WorkManagerScheduler scheduler = new WorkManagerScheduler(workManager, true);
      CompletableFuture<List<ProtectionDomain>> recorded = new CompletableFuture<>();

      scheduler.execute(() -> recorded.complete(inheritedDomains(Thread.currentThread())));

      List<ProtectionDomain> domains = recorded.get(30, TimeUnit.SECONDS);
      // The work manager's own frames created the thread: they are recorded, which shows the check sees the stack.
      assertThat(domains).contains(WORK_MANAGER).doesNotContain(ADAPTER);
      assertThat(scheduler.stop(Duration.ofSeconds(30))).isTrue();
    }
  }

  @Test
  void aRejectionReachesTheCallerAsRejectedExecutionAndIsNotCountedInFlight() {
    WorkManagerScheduler scheduler = new WorkManagerScheduler(
        workManagerThrowing(new WorkRejectedException("pool exhausted")), true);

    assertThatThrownBy(() -> scheduler.execute(() -> { }))
        .isInstanceOf(RejectedExecutionException.class)
        .hasCauseInstanceOf(WorkRejectedException.class)
        .hasRootCauseMessage("pool exhausted");
    assertThat(scheduler.worksInFlight()).isZero();
  }

  @Test
  void anUncheckedFailureOfTheWorkManagerIsARejectionToo() {
    WorkManagerScheduler scheduler = new WorkManagerScheduler(
        workManagerThrowing(new IllegalStateException("container shutting down")), true);

    assertThatThrownBy(() -> scheduler.execute(() -> { }))
        .isInstanceOf(RejectedExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("container shutting down");
    assertThat(scheduler.worksInFlight()).isZero();
  }

  @Test
  void aRejectionBothReportedAndThrownEndsTheWorkOnce() {
    WorkManager reportsAndThrows = (WorkManager) Proxy.newProxyInstance(WorkManager.class.getClassLoader(),
        new Class<?>[] {WorkManager.class}, (proxy, method, args) -> {
          WorkRejectedException rejected = new WorkRejectedException("queue full");
          ((WorkListener) args[3]).workRejected(
              new WorkEvent(proxy, WorkEvent.WORK_REJECTED, (Work) args[0], rejected));
          throw rejected;
        });
    WorkManagerScheduler scheduler = new WorkManagerScheduler(reportsAndThrows, true);

    assertThatThrownBy(() -> scheduler.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    assertThat(scheduler.worksInFlight()).isZero();
  }

  @SuppressWarnings("removal")
  private static List<ProtectionDomain> inheritedDomains(Thread thread) {
    try {
      Field inherited = Thread.class.getDeclaredField("inheritedAccessControlContext");
      inherited.setAccessible(true);
      AccessControlContext context = (AccessControlContext) inherited.get(thread);
      Field domains = AccessControlContext.class.getDeclaredField("context");
      domains.setAccessible(true);
      ProtectionDomain[] array = context == null ? null : (ProtectionDomain[]) domains.get(context);
      return array == null ? List.of() : Arrays.asList(array);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("thread internals not readable: " + e, e);
    }
  }

  /** A work manager that fails every call with {@code failure}, as a saturated or stopping container does. */
  private static WorkManager workManagerThrowing(Throwable failure) {
    return (WorkManager) Proxy.newProxyInstance(WorkManager.class.getClassLoader(),
        new Class<?>[] {WorkManager.class}, (proxy, method, args) -> {
          throw failure;
        });
  }
}
