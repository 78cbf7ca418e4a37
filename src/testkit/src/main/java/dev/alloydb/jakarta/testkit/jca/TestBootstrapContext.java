package dev.alloydb.jakarta.testkit.jca;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Timer;

/** A bootstrap context offering only a work manager (and hints), as far as the adapter needs one. */
public final class TestBootstrapContext implements BootstrapContext {

  private final WorkManager workManager;

  public TestBootstrapContext(WorkManager workManager) {
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
    throw new UnsupportedOperationException("the adapter must not create timers");
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
