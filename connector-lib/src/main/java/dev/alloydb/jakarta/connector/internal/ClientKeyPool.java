package dev.alloydb.jakarta.connector.internal;

import java.security.KeyPair;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Keeps one RSA key pair generated ahead for the next connector of this class loader, so that only the first
 * connector's cold start pays for key generation (100 to 500 ms of CPU on a busy host). A spare is handed to exactly
 * one connector and never shared; the connector that takes it has the next spare generated on its own scheduler, so
 * no thread is created. Only the refresh-ahead strategy generates spares (the lazy one does no background work);
 * both take one when it is ready. Thread-safe.
 */
final class ClientKeyPool {
  private static final Object LOCK = new Object();
  // guarded by LOCK: null, or a key pair generated or being generated on some connector's scheduler
  private static CompletableFuture<KeyPair> spare;

  private ClientKeyPool() {
  }

  /**
   * This connector's own key pair: the spare if one is ready, otherwise a new one generated on {@code executor}.
   *
   * @param generateSpare whether to generate the next connector's spare on {@code executor} once this key is ready
   */
  static CompletableFuture<KeyPair> take(Executor executor, boolean generateSpare) {
    CompletableFuture<KeyPair> own;
    synchronized (LOCK) {
      own = spare != null && spare.isDone() && !spare.isCompletedExceptionally() ? spare : null;
      if (own != null) {
        spare = null;
      }
    }
    if (own == null) {
      own = CompletableFuture.supplyAsync(ClientKeys::generate, executor);
    }
    if (generateSpare) {
      own.thenRunAsync(ClientKeyPool::offer, executor);
    }
    return own;
  }

  /** Generates a spare unless one is ready or being generated; runs on a connector's scheduler. */
  private static void offer() {
    CompletableFuture<KeyPair> next = new CompletableFuture<>();
    synchronized (LOCK) {
      if (spare != null && !spare.isCompletedExceptionally()) {
        return;
      }
      spare = next;
    }
    try {
      next.complete(ClientKeys.generate());
    } catch (RuntimeException e) {
      next.completeExceptionally(e);
    }
  }

  /** For tests: forgets the spare. */
  static void clear() {
    synchronized (LOCK) {
      spare = null;
    }
  }
}
