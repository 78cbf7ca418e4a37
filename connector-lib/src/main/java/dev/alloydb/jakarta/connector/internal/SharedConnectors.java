package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorClosedException;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorConfigException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connectors the JDBC socket factory can reach, which pgjdbc instantiates by class name: live connectors by id
 * (for {@code Connector}/{@code AsyncConnector}), named connectors, and connectors created from connection
 * properties (one per distinct configuration). Thread-safe. Not API.
 */
public final class SharedConnectors {
  private static final Map<String, ConnectorCore> LIVE = new ConcurrentHashMap<>();
  private static final Object LOCK = new Object();
  // guarded by LOCK
  private static final Map<String, ConnectorCore> NAMED = new HashMap<>();
  private static final Map<ConnectorConfig, ConnectorCore> BY_CONFIG = new HashMap<>();

  private SharedConnectors() {
  }

  static void live(String id, ConnectorCore core) {
    LIVE.put(id, core);
  }

  static void dead(String id) {
    LIVE.remove(id);
  }

  static ConnectorCore byId(String id) {
    ConnectorCore core = LIVE.get(id);
    if (core == null) {
      throw new ConnectorClosedException("The connector is closed: create a new one");
    }
    return core;
  }

  public static void register(String name, ConnectorConfig config) {
    if (name == null || name.isBlank()) {
      throw new ConnectorConfigException("A named connector needs a non-blank name, got '" + name + "'");
    }
    if (config == null) {
      throw new ConnectorConfigException("Named connector '" + name + "' needs a ConnectorConfig, got null");
    }
    synchronized (LOCK) {
      if (NAMED.containsKey(name)) {
        throw new ConnectorConfigException("A connector named '" + name + "' is already registered: close it"
            + " first or choose another name");
      }
      NAMED.put(name, ConnectorCore.start(config));
    }
  }

  static ConnectorCore named(String name) {
    synchronized (LOCK) {
      ConnectorCore core = NAMED.get(name);
      if (core == null) {
        throw new ConnectorConfigException("No connector named '" + name + "' is registered: register it with"
            + " ConnectorRegistry.register(name, config) before connecting");
      }
      return core;
    }
  }

  public static void close(String name) {
    ConnectorCore core;
    synchronized (LOCK) {
      core = NAMED.remove(name);
    }
    if (core == null) {
      throw new ConnectorConfigException("No connector named '" + name + "' is registered");
    }
    core.close();
  }

  static ConnectorCore forConfig(ConnectorConfig config) {
    synchronized (LOCK) {
      ConnectorCore core = BY_CONFIG.get(config);
      if (core == null || core.isClosed()) {
        core = ConnectorCore.start(config);
        BY_CONFIG.put(config, core);
      }
      return core;
    }
  }

  public static void reset() {
    List<ConnectorCore> all;
    synchronized (LOCK) {
      all = new ArrayList<>(NAMED.values());
      all.addAll(BY_CONFIG.values());
      NAMED.clear();
      BY_CONFIG.clear();
    }
    all.forEach(ConnectorCore::close);
  }
}
