package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorClosedException;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connectors the JDBC socket factory can reach, which pgjdbc instantiates by class name: named connectors and
 * connectors created from connection properties (one per distinct configuration). A connector starts (credentials
 * load, Admin API client) outside any lock: only callers of the same name or configuration wait for it. After
 * {@link #shutdown()} every use fails until {@link #reset()}. Thread-safe. Not API.
 */
public final class SharedConnectors {
  private static final Map<String, CompletableFuture<ConnectorCore>> NAMED = new ConcurrentHashMap<>();
  private static final Map<ConnectorConfig, CompletableFuture<ConnectorCore>> BY_CONFIG = new ConcurrentHashMap<>();
  /** Set before the maps are emptied, so a connector started concurrently sees it once started and closes itself. */
  private static volatile boolean shutDown;

  private SharedConnectors() {
  }

  public static void register(String name, ConnectorConfig config) {
    requireOpen();
    if (name == null || name.isBlank()) {
      throw new ConnectorConfigException("A named connector needs a non-blank name, got '" + name + "'");
    }
    if (config == null) {
      throw new ConnectorConfigException("Named connector '" + name + "' needs a ConnectorConfig, got null");
    }
    CompletableFuture<ConnectorCore> slot = new CompletableFuture<>();
    if (NAMED.putIfAbsent(name, slot) != null) {
      throw new ConnectorConfigException("A connector named '" + name + "' is already registered: close it"
          + " first or choose another name");
    }
    startInto(slot, config, () -> NAMED.remove(name, slot));
  }

  static ConnectorCore named(String name) {
    requireOpen();
    CompletableFuture<ConnectorCore> slot = NAMED.get(name);
    if (slot == null) {
      throw new ConnectorConfigException("No connector named '" + name + "' is registered: register it with"
          + " ConnectorRegistry.register(name, config) before connecting");
    }
    return join(slot);
  }

  public static void close(String name) {
    requireOpen();
    CompletableFuture<ConnectorCore> slot = NAMED.remove(name);
    if (slot == null) {
      throw new ConnectorConfigException("No connector named '" + name + "' is registered");
    }
    closeWhenStarted(slot);
  }

  static ConnectorCore forConfig(ConnectorConfig config) {
    requireOpen();
    while (true) {
      CompletableFuture<ConnectorCore> slot = BY_CONFIG.get(config);
      if (slot == null) {
        CompletableFuture<ConnectorCore> mine = new CompletableFuture<>();
        if (BY_CONFIG.putIfAbsent(config, mine) == null) {
          return startInto(mine, config, () -> BY_CONFIG.remove(config, mine));
        }
        continue;
      }
      ConnectorCore core;
      try {
        core = join(slot);
      } catch (RuntimeException e) {
        BY_CONFIG.remove(config, slot);
        throw e;
      }
      if (!core.isClosed()) {
        return core;
      }
      BY_CONFIG.remove(config, slot);
    }
  }

  /** Closes every connector; the registry stays usable, and one that was shut down is usable again. */
  public static void reset() {
    takeAll().forEach(SharedConnectors::closeWhenStarted);
    shutDown = false;
  }

  /**
   * Refuses further use, then closes every connector and returns once their threads have ended (connectors still
   * starting are waited for, then closed).
   */
  public static void shutdown() {
    shutDown = true;
    for (CompletableFuture<ConnectorCore> slot : takeAll()) {
      try {
        join(slot).close();
      } catch (RuntimeException e) {
        // it failed to start: nothing to close
      }
    }
  }

  private static List<CompletableFuture<ConnectorCore>> takeAll() {
    List<CompletableFuture<ConnectorCore>> all = new ArrayList<>(NAMED.values());
    all.addAll(BY_CONFIG.values());
    NAMED.clear();
    BY_CONFIG.clear();
    return all;
  }

  private static void requireOpen() {
    if (shutDown) {
      throw new ConnectorClosedException("The ConnectorRegistry was shut down: the JDBC socket factory and named"
          + " connectors are unavailable (ConnectorRegistry.reset() makes them available again)");
    }
  }

  /** Starts a connector into {@code slot}, with no lock held; on failure forgets the slot and rethrows. */
  private static ConnectorCore startInto(CompletableFuture<ConnectorCore> slot, ConnectorConfig config,
      Runnable forget) {
    try {
      ConnectorCore core = ConnectorCore.start(config);
      if (shutDown) {
        core.close();
        requireOpen();
      }
      slot.complete(core);
      return core;
    } catch (RuntimeException | Error e) {
      forget.run();
      slot.completeExceptionally(e);
      throw e;
    }
  }

  private static ConnectorCore join(CompletableFuture<ConnectorCore> slot) {
    try {
      return slot.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException ? (RuntimeException) cause : e;
    }
  }

  private static void closeWhenStarted(CompletableFuture<ConnectorCore> slot) {
    slot.thenAccept(ConnectorCore::close);
  }
}
