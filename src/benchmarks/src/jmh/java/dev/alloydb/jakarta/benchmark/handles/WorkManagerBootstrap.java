package dev.alloydb.jakarta.benchmark.handles;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Timer;

/** A bootstrap context offering a work manager and work hints, all the adapter asks of the container. */
final class WorkManagerBootstrap implements BootstrapContext {

  private final WorkManager workManager;

  WorkManagerBootstrap(WorkManager workManager) {
    this.workManager = workManager;
  }

  @Override
  public WorkManager getWorkManager() {
    return workManager;
  }

  @Override
  public XATerminator getXATerminator() {
    return null;
  }

  @Override
  public Timer createTimer() {
    throw new UnsupportedOperationException("the adapter creates no timers");
  }

  @Override
  public boolean isContextSupported(Class<? extends WorkContext> type) {
    return type == HintsContext.class;
  }

  @Override
  public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
    return null;
  }
}
