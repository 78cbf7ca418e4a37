package dev.alloydb.jakarta.ra;

import dev.alloydb.jakarta.ra.work.WorkManagerScheduler;

/** The {@link AdapterStatusMBean} of one adapter instance; reads live values, holds no state of its own. */
final class AdapterStatus implements AdapterStatusMBean {

  private final ResourceAdapterImpl adapter;

  AdapterStatus(ResourceAdapterImpl adapter) {
    this.adapter = adapter;
  }

  @Override
  public String[] getWorkThreadNames() {
    WorkManagerScheduler scheduler = adapter.workScheduler();
    return scheduler == null ? new String[0] : scheduler.threadNames().toArray(String[]::new);
  }

  @Override
  public long getTasksRun() {
    WorkManagerScheduler scheduler = adapter.workScheduler();
    return scheduler == null ? 0 : scheduler.tasksRun();
  }

  @Override
  public int getPendingDelayedTasks() {
    WorkManagerScheduler scheduler = adapter.workScheduler();
    return scheduler == null ? 0 : scheduler.pendingDelayedTasks();
  }

  @Override
  public int getWorksInFlight() {
    WorkManagerScheduler scheduler = adapter.workScheduler();
    return scheduler == null ? 0 : scheduler.worksInFlight();
  }

  @Override
  public int getConnectors() {
    return adapter.connectorCount();
  }
}
