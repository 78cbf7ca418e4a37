package dev.alloydb.jakarta.ra;

/**
 * Read-only diagnostics of the running resource adapter, registered as
 * {@code dev.alloydb.jakarta:type=ResourceAdapter} in the platform MBean server while the adapter runs.
 */
public interface AdapterStatusMBean {

  /** Names of the container threads that ran the connector's Works (refreshes, the delay queue). */
  String[] getWorkThreadNames();

  /** How many connector tasks have run. */
  long getTasksRun();

  /** How many delayed tasks (scheduled refreshes) are waiting. */
  int getPendingDelayedTasks();

  /** How many of the adapter's Works are accepted and not yet ended. */
  int getWorksInFlight();

  /** How many shared connectors are open. */
  int getConnectors();
}
