package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorClosedException;
import dev.alloydb.jakarta.connector.DialException;
import dev.alloydb.jakarta.connector.InstanceStatus;
import dev.alloydb.jakarta.connector.IpTypeNotFoundException;
import dev.alloydb.jakarta.connector.MetadataExchangeException;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * One connector's telemetry: the {@link InstanceMetrics} of each instance it dialled, registered in the platform
 * MBean server while the connector is open, and the OpenTelemetry export when the API is present. With metrics off,
 * dials get {@link DialObservation#NONE} and nothing is registered or exported; refresh outcomes are still kept,
 * for {@link #statuses()}. Thread-safe.
 */
final class ConnectorTelemetry implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ConnectorTelemetry.class.getName());
  private static final AtomicInteger UNREGISTERED_IDS = new AtomicInteger();
  static final String JMX_DOMAIN = "dev.alloydb.jakarta";

  private final String id;
  private final ObjectName connectorName;
  private final boolean enabled;
  private final Clock clock;
  private final Map<InstanceUri, InstanceMetrics> instances = new ConcurrentHashMap<>();
  private final Map<InstanceUri, ObjectName> registered = new ConcurrentHashMap<>();
  private final OtelExport otel;
  private volatile boolean closed;

  ConnectorTelemetry(boolean enabled, Clock clock) {
    this.enabled = enabled;
    this.clock = clock;
    this.connectorName = enabled ? registerConnector() : null;
    this.id = connectorName != null ? connectorName.getKeyProperty("connector")
        : "local-" + UNREGISTERED_IDS.incrementAndGet();
    this.otel = enabled ? OtelExport.create(id, instances::values) : OtelExport.NONE;
  }

  /**
   * Registers the connector's MBean under the lowest free id: the MBean server is the one registry every class
   * loader of the JVM shares, so two applications' connectors never take the same id.
   */
  private ObjectName registerConnector() {
    javax.management.MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ConnectorBean bean = new ConnectorBean();
    for (int n = 1; n < 100_000; n++) {
      try {
        ObjectName name = new ObjectName(JMX_DOMAIN + ":type=Connector,connector=" + n);
        server.registerMBean(bean, name);
        return name;
      } catch (javax.management.InstanceAlreadyExistsException e) {
        // taken by another open connector: try the next id
      } catch (JMException | RuntimeException e) {
        LOG.log(Level.WARNING, () -> "Could not register the connector's MBean (" + e.getClass().getSimpleName()
            + "): its metrics are not in JMX");
        return null;
      }
    }
    return null;
  }

  String id() {
    return id;
  }

  /** The object name of an instance's MBean in this connector. */
  ObjectName objectName(InstanceUri instance) throws JMException {
    return new ObjectName(JMX_DOMAIN + ":type=ConnectorInstance,connector=" + id + ",instance="
        + ObjectName.quote(instance.toString()));
  }

  DialObservation dialStarted(InstanceUri instance) {
    if (!enabled) {
      return DialObservation.NONE;
    }
    return new Dial(metrics(instance), otel);
  }

  RefreshObservation refreshStarted(InstanceUri instance) {
    InstanceMetrics metrics = metrics(instance);
    if (!enabled) {
      return new Refresh(metrics, OtelExport.NONE);
    }
    return new Refresh(metrics, otel);
  }

  /** A snapshot of every instance this connector has dialled. */
  List<InstanceStatus> statuses() {
    List<InstanceStatus> statuses = new ArrayList<>();
    for (InstanceMetrics metrics : instances.values()) {
      statuses.add(metrics.status());
    }
    statuses.sort((a, b) -> a.instanceUri().compareTo(b.instanceUri()));
    return statuses;
  }

  /** The instances' metrics, sorted by instance URI; empty with metrics off. */
  List<dev.alloydb.jakarta.connector.InstanceMetricsMXBean> metrics() {
    if (!enabled) {
      return List.of();
    }
    List<dev.alloydb.jakarta.connector.InstanceMetricsMXBean> metrics = new ArrayList<>(instances.values());
    metrics.sort((a, b) -> a.getInstanceUri().compareTo(b.getInstanceUri()));
    return metrics;
  }

  private InstanceMetrics metrics(InstanceUri instance) {
    InstanceMetrics existing = instances.get(instance);
    if (existing != null) {
      return existing;
    }
    InstanceMetrics created = new InstanceMetrics(instance, id, clock);
    existing = instances.putIfAbsent(instance, created);
    if (existing != null) {
      return existing;
    }
    if (connectorName != null) {
      register(created);
    }
    return created;
  }

  private synchronized void register(InstanceMetrics metrics) {
    if (closed) {
      return;
    }
    try {
      ObjectName name = objectName(metrics.instance());
      ManagementFactory.getPlatformMBeanServer().registerMBean(metrics, name);
      registered.put(metrics.instance(), name);
    } catch (JMException | RuntimeException e) {
      LOG.log(Level.WARNING, () -> "[" + metrics.instance() + "] Could not register the connector's MBean ("
          + e.getClass().getSimpleName() + "): its metrics are not in JMX");
    }
  }

  /** Unregisters the MBeans and stops the OpenTelemetry callbacks. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    for (ObjectName name : registered.values()) {
      try {
        ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
      } catch (JMException | RuntimeException e) {
        LOG.log(Level.DEBUG, () -> "Could not unregister " + name + ": " + e);
      }
    }
    registered.clear();
    if (connectorName != null) {
      try {
        ManagementFactory.getPlatformMBeanServer().unregisterMBean(connectorName);
      } catch (JMException | RuntimeException e) {
        LOG.log(Level.DEBUG, () -> "Could not unregister " + connectorName + ": " + e);
      }
    }
    otel.close();
  }

  private final class ConnectorBean implements dev.alloydb.jakarta.connector.ConnectorMXBean {
    @Override
    public String getConnectorId() {
      return id;
    }

    @Override
    public String[] getInstanceUris() {
      return instances.keySet().stream().map(InstanceUri::toString).sorted().toArray(String[]::new);
    }
  }

  /** One dial, with metrics on: its steps, its latency and its span tree. */
  private static final class Dial implements DialObservation {
    private final InstanceMetrics metrics;
    private final OtelExport otel;
    private final long started = System.nanoTime();
    private final OtelExport.Span span;
    private OtelExport.Span step = OtelExport.Span.NONE;
    private DialPhase phase;
    /** The last step past {@link DialPhase#INFO}: a dial failure thrown after a retry's wait is that step's. */
    private DialPhase lastDialStep;

    Dial(InstanceMetrics metrics, OtelExport otel) {
      this.metrics = metrics;
      this.otel = otel;
      this.span = otel.startSpan("alloydb.connect", metrics.instance(), null);
    }

    @Override
    public void enter(DialPhase next) {
      if (phase == null || !phase.spanName().equals(next.spanName())) {
        step.end(null);
        step = otel.startSpan(next.spanName(), metrics.instance(), span);
      }
      phase = next;
      if (next != DialPhase.INFO) {
        lastDialStep = next;
      }
    }

    @Override
    public void succeeded(Socket socket) {
      double millis = (System.nanoTime() - started) / 1e6;
      step.end(null);
      span.end(null);
      metrics.dialSucceeded(millis, socket);
      otel.dialLatency(metrics, millis);
    }

    @Override
    public void failed(RuntimeException error) {
      step.end(error);
      span.end(error);
      boolean user = error instanceof IpTypeNotFoundException || error instanceof ConnectorClosedException
          || phase == null;
      boolean dialStep = (error instanceof DialException || error instanceof MetadataExchangeException)
          && lastDialStep != null;
      metrics.dialFailed(user ? "user_error" : dialStep ? lastDialStep.failureCause() : phase.failureCause());
    }
  }

  /** One refresh: its outcome for the metrics and status, and its span with one child per Admin API call. */
  private static final class Refresh implements RefreshObservation {
    private final InstanceMetrics metrics;
    private final OtelExport otel;
    private final OtelExport.Span span;

    Refresh(InstanceMetrics metrics, OtelExport otel) {
      this.metrics = metrics;
      this.otel = otel;
      this.span = otel.startSpan("alloydb.refresh", metrics.instance(), null);
    }

    @Override
    public java.util.function.Consumer<Throwable> call(String rpc) {
      if (otel == OtelExport.NONE) {
        return NOTHING;
      }
      OtelExport.Span call = otel.startSpan("alloydb.admin." + rpc, metrics.instance(), span);
      return call::end;
    }

    @Override
    public void ended(ConnectionInfo info, Throwable error) {
      metrics.refreshEnded(info, error);
      span.end(error);
    }
  }
}
