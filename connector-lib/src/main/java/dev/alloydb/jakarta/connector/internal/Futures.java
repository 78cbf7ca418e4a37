package dev.alloydb.jakarta.connector.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Small helpers for {@link CompletableFuture} results. */
final class Futures {
  private Futures() {
  }

  /** The real failure inside {@link CompletionException}/{@link ExecutionException} wrappers. */
  static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * Whether {@code t} comes from a scheduler that refused or dropped a task rather than from the Admin API: such a
   * failure starts no back-off.
   */
  static boolean rejected(Throwable t) {
    for (Throwable cause = t; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof java.util.concurrent.RejectedExecutionException) {
        return true;
      }
    }
    return false;
  }

  static <T> CompletableFuture<T> failed(Throwable t) {
    CompletableFuture<T> future = new CompletableFuture<>();
    future.completeExceptionally(t);
    return future;
  }
}
