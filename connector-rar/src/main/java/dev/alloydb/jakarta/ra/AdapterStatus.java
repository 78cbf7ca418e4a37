package dev.alloydb.jakarta.ra;

import dev.alloydb.jakarta.ra.work.WorkManagerScheduler;
import java.util.function.Function;

/** The {@link AdapterStatusMBean} of one adapter instance; reads live values, holds no state of its own. */
final class AdapterStatus implements AdapterStatusMBean {

  private final ResourceAdapterImpl adapter;

  AdapterStatus(ResourceAdapterImpl adapter) {
    this.adapter = adapter;
  }

  @Override
  public String[] getWorkThreadNames() {
    return fromScheduler(scheduler -> scheduler.threadNames().toArray(String[]::new), new String[0]);
  }

  @Override
  public long getTasksRun() {
    return fromScheduler(WorkManagerScheduler::tasksRun, 0L);
  }

  @Override
  public int getPendingDelayedTasks() {
    return fromScheduler(WorkManagerScheduler::pendingDelayedTasks, 0);
  }

  @Override
  public int getWorksInFlight() {
    return fromScheduler(WorkManagerScheduler::worksInFlight, 0);
  }

  @Override
  public int getConnectors() {
    return adapter.connectorCount();
  }

  /** {@code read} of the running scheduler, or {@code whenStopped} (the MBean may be read during stop()). */
  private <T> T fromScheduler(Function<WorkManagerScheduler, T> read, T whenStopped) {
    WorkManagerScheduler scheduler = adapter.workScheduler();
    return scheduler == null ? whenStopped : read.apply(scheduler);
  }
}
