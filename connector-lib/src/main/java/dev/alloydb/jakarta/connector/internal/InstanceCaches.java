package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorClosedException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** One connection-info cache per instance, created on first use and closed together. Thread-safe. */
final class InstanceCaches implements AutoCloseable {
  private final Function<InstanceUri, ConnectionInfoCache> factory;
  private final Map<InstanceUri, ConnectionInfoCache> caches = new ConcurrentHashMap<>();
  private volatile boolean closed;

  InstanceCaches(Function<InstanceUri, ConnectionInfoCache> factory) {
    this.factory = factory;
  }

  /**
   * The instance's cache.
   *
   * @throws ConnectorClosedException once closed
   */
  ConnectionInfoCache get(InstanceUri instance) {
    checkOpen(instance);
    ConnectionInfoCache cache = caches.computeIfAbsent(instance, factory);
    if (closed) {
      cache.close();
      checkOpen(instance);
    }
    return cache;
  }

  void checkOpen(InstanceUri instance) {
    if (closed) {
      throw new ConnectorClosedException("[" + instance + "] The connector is closed: create a new one");
    }
  }

  /** Fails every refresh in flight: the scheduler dropped a task one of them may be waiting for. */
  void abandonRefreshes(RuntimeException reason) {
    caches.values().forEach(cache -> cache.abandonRefresh(reason));
  }

  @Override
  public void close() {
    closed = true;
    caches.values().forEach(ConnectionInfoCache::close);
    caches.clear();
  }
}
