package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorClosedException;
import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.connector.DialException;
import dev.alloydb.jakarta.connector.InstanceStatus;
import dev.alloydb.jakarta.connector.IpTypeNotFoundException;
import dev.alloydb.jakarta.connector.MetadataExchangeException;
import dev.alloydb.jakarta.connector.ScheduledTask;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * One connector's telemetry: the {@link InstanceMetrics} of each instance it dialled, registered in the platform
 * MBean server while the connector is open, and the OpenTelemetry export when the API is present. With metrics off,
 * dials get {@link DialObservation#NONE} and nothing is registered or exported; refresh outcomes are still kept,
 * for {@link #statuses()}. Thread-safe.
 *
 * <p>In a JVM whose platform MBean server has not started yet, starting it (every platform MXBean, JFR's included)
 * takes about 0.3 s of CPU; on a small machine that is a fifth of a new JVM's first connection. The MBeans are then
 * registered in the background one second after the first dial has ended, under the id reserved now. Where the
 * server runs already (every application server) they are registered at once.
 */
final class ConnectorTelemetry implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ConnectorTelemetry.class.getName());
  private static final AtomicInteger UNREGISTERED_IDS = new AtomicInteger();
  /** The ids of this class loader's open connectors, reserved before their MBeans are registered. */
  private static final Set<Integer> RESERVED_IDS = ConcurrentHashMap.newKeySet();
  private static final int MAX_ID = 100_000;
  private static final Duration LATE_REGISTRATION_DELAY = Duration.ofSeconds(1);
  static final String JMX_DOMAIN = "dev.alloydb.jakarta";

  private final String id;
  private final int reservedId;
  private final boolean enabled;
  private final Clock clock;
  private final ConnectorScheduler scheduler;
  private final Map<InstanceUri, InstanceMetrics> instances = new ConcurrentHashMap<>();
  private final Map<InstanceUri, ObjectName> registered = new ConcurrentHashMap<>();
  private final AtomicBoolean registrationStarted = new AtomicBoolean();
  private volatile ScheduledTask lateRegistration;
  private final OtelExport otel;
  /** The connector MBean's name once registered; null before, and for good if it could not be. */
  private ObjectName connectorName;
  private boolean closed;

  /**
   * @param scheduler where the MBeans are registered when the platform MBean server has not started yet
   */
  ConnectorTelemetry(boolean enabled, Clock clock, ConnectorScheduler scheduler) {
    this.enabled = enabled;
    this.clock = clock;
    this.scheduler = scheduler;
    MBeanServer started = enabled ? startedPlatformServer() : null;
    this.reservedId = enabled ? reserveId(started) : 0;
    this.id = reservedId > 0 ? Integer.toString(reservedId) : "local-" + UNREGISTERED_IDS.incrementAndGet();
    if (started != null && reservedId > 0) {
      registrationStarted.set(true);
      registerConnector(started);
    }
    this.otel = enabled ? OtelExport.create(id, instances::values) : OtelExport.NONE;
  }

  /** The platform MBean server if something in this JVM has started it, else null (without starting it). */
  private static MBeanServer startedPlatformServer() {
    try {
      for (MBeanServer server : MBeanServerFactory.findMBeanServer(null)) {
        if (server == ManagementFactory.getPlatformMBeanServer()) {
          return server;
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, () -> "Could not look for the platform MBean server (" + e.getClass().getSimpleName()
          + "); registering the MBeans in the background");
    }
    return null;
  }

  /**
   * The lowest id that no open connector of this class loader holds and, where the MBean server runs, no other
   * class loader's connector registered: the MBean server is the one registry every class loader of the JVM shares.
   * 0 if every id is taken.
   */
  private static int reserveId(MBeanServer started) {
    for (int n = 1; n < MAX_ID; n++) {
      if (!RESERVED_IDS.add(n)) {
        continue;
      }
      try {
        if (started == null || !started.isRegistered(connectorName(n))) {
          return n;
        }
      } catch (JMException | RuntimeException e) {
        // the server cannot tell: keep the id, and let the registration report what is wrong
        return n;
      }
      RESERVED_IDS.remove(n);
    }
    return 0;
  }

  private static ObjectName connectorName(int id) throws JMException {
    return new ObjectName(JMX_DOMAIN + ":type=Connector,connector=" + id);
  }

  /**
   * Registers the connector's MBean under the reserved id, then the MBeans of the instances dialled so far. Another
   * class loader's connector can have taken the name between the reservation and a background registration; the
   * connector's metrics then stay out of JMX, with a warning.
   */
  private synchronized void registerConnector(MBeanServer server) {
    if (closed) {
      return;
    }
    try {
      ObjectName name = connectorName(reservedId);
      server.registerMBean(new ConnectorBean(), name);
      connectorName = name;
    } catch (JMException | RuntimeException e) {
      LOG.log(Level.WARNING, () -> "Could not register the MBean of connector " + id + " ("
          + e.getClass().getSimpleName() + "): its metrics are not in JMX");
      return;
    }
    for (InstanceMetrics metrics : instances.values()) {
      register(metrics);
    }
  }

  /**
   * A dial ended: the first one schedules the MBeans' registration if they are not registered yet, a moment later,
   * so that starting the MBean server does not compete with the new connection's PostgreSQL login for the CPU.
   */
  void dialEnded() {
    if (!enabled || reservedId == 0 || !registrationStarted.compareAndSet(false, true)) {
      return;
    }
    try {
      lateRegistration = scheduler.schedule(this::registerLate, LATE_REGISTRATION_DELAY);
    } catch (RejectedExecutionException e) {
      registerLate();
    }
  }

  /** Starts the platform MBean server if nothing has yet, and registers the MBeans. */
  private void registerLate() {
    registerConnector(ManagementFactory.getPlatformMBeanServer());
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
    register(created);
    return created;
  }

  private synchronized void register(InstanceMetrics metrics) {
    if (closed || connectorName == null || registered.containsKey(metrics.instance())) {
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
    ScheduledTask pending = lateRegistration;
    if (pending != null) {
      pending.cancel();
    }
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
    if (reservedId > 0) {
      RESERVED_IDS.remove(reservedId);
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
  private final class Dial implements DialObservation {
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
      dialEnded();
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
      dialEnded();
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
