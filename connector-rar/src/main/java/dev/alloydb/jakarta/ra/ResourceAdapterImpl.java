package dev.alloydb.jakarta.ra;

import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.ConnectorConfigException;
import dev.alloydb.jakarta.connector.ConnectorScheduler;
import dev.alloydb.jakarta.ra.work.WorkManagerScheduler;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.AuthenticationMechanism;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.HintsContext;
import java.io.Serial;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.transaction.xa.XAResource;

/**
 * The AlloyDB resource adapter: owns the WorkManager-backed scheduler and one shared {@link Connector} per
 * distinct {@link ConnectorConfig}, so pools on the same instance share certificates and refresh work.
 *
 * <p>{@link #start} returns at once (it builds the scheduler and submits its delay-queue Work from the container's
 * thread); connectors are created on first use.
 * {@link #stop} closes every connector, releases every Work and waits (bounded) for them, unregisters the status
 * MBean and any JDBC driver this adapter's class loader registered: nothing of the adapter outlives it.
 *
 * <p>Thread-safe. Equality: the adapter has no config properties, so all instances of the class are equal
 * (Connectors 2.1, 5.3.1).
 */
@jakarta.resource.spi.Connector(
    displayName = "AlloyDB Connector for Jakarta EE",
    description = "Connects to AlloyDB for PostgreSQL with automatic mTLS and certificate refresh",
    vendorName = "AlloyDB Connector for Jakarta EE",
    eisType = "AlloyDB for PostgreSQL",
    version = "0.2.0",
    licenseDescription = "Apache License, Version 2.0",
    authMechanisms = @AuthenticationMechanism(
        authMechanism = "BasicPassword",
        credentialInterface = AuthenticationMechanism.CredentialInterface.PasswordCredential),
    reauthenticationSupport = false,
    transactionSupport = TransactionSupportLevel.LocalTransaction)
public class ResourceAdapterImpl implements ResourceAdapter, Serializable {

  @Serial
  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(ResourceAdapterImpl.class.getName());
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  /** Guarded by {@code this}. */
  private transient WorkManagerScheduler scheduler;
  /** Guarded by {@code this}. */
  private transient Map<ConnectorConfig, Connector> connectors;
  /** Guarded by {@code this}. */
  private transient AdapterStatusRegistration status;
  /** Guarded by {@code this}. */
  private transient MetricsPublication metrics = MetricsPublication.NONE;

  @Override
  public void start(BootstrapContext context) throws ResourceAdapterInternalException {
    boolean hints = context.isContextSupported(HintsContext.class);
    WorkManagerScheduler started = new WorkManagerScheduler(context.getWorkManager(), hints);
    // Here, on the container's thread: from now on only the scheduler's own Works call the WorkManager.
    started.start();
    synchronized (this) {
      scheduler = started;
      connectors = new HashMap<>();
      status = AdapterStatusRegistration.register(new AdapterStatus(this));
      metrics = MetricsPublication.create();
    }
    LOG.log(Level.INFO, "AlloyDB resource adapter started");
  }

  @Override
  public void stop() {
    List<Connector> toClose;
    WorkManagerScheduler stopping;
    AdapterStatusRegistration registration;
    MetricsPublication published;
    synchronized (this) {
      if (scheduler == null) {
        return;
      }
      toClose = new ArrayList<>(connectors.values());
      connectors = null;
      stopping = scheduler;
      scheduler = null;
      registration = status;
      status = null;
      published = metrics;
      metrics = MetricsPublication.NONE;
    }
    published.close();
    // Connectors first: closing one cancels its scheduled refreshes before the scheduler stops.
    for (Connector connector : toClose) {
      try {
        connector.close();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Closing an AlloyDB connector failed", e);
      }
    }
    boolean clean = stopping.stop(STOP_TIMEOUT);
    registration.unregister();
    DriverRegistrations.deregisterOwnedBy(ResourceAdapterImpl.class.getClassLoader());
    LOG.log(clean ? Level.INFO : Level.WARNING, "AlloyDB resource adapter stopped"
        + (clean ? "" : " with Work still running after " + STOP_TIMEOUT));
    releaseContextClassLoader();
  }

  /**
   * Payara calls {@link #stop} on a pooled thread whose context class loader is this adapter's, and that thread
   * outlives the undeploy: left as is, it would keep every class of the undeployed adapter loaded.
   */
  private static void releaseContextClassLoader() {
    Thread current = Thread.currentThread();
    ClassLoader own = ResourceAdapterImpl.class.getClassLoader();
    if (current.getContextClassLoader() == own) {
      current.setContextClassLoader(own.getParent());
    }
  }

  /**
   * The shared connector for {@code settings} run on this adapter's scheduler, created on first use. For this
   * adapter's connection factories.
   *
   * @param settings a connector configuration; its scheduler, if any, is replaced by the adapter's
   * @throws InvalidPropertyException when the connector rejects the settings (a {@link ConnectorConfigException})
   * @throws ResourceException when the adapter is not started or the connector cannot be created
   */
  public Connector connector(ConnectorConfig settings) throws ResourceException {
    ConnectorConfig config = settings.toBuilder().scheduler(scheduler()).build();
    synchronized (this) {
      Connector existing = startedConnectors().get(config);
      if (existing != null) {
        return existing;
      }
    }
    // Created outside the lock: loading Application Default Credentials may probe the GCE metadata server, and
    // other pools (and stop()) must not wait for that. Two racing callers may both create one; the loser is closed.
    Connector created;
    try {
      created = Connector.create(config);
    } catch (ConnectorConfigException e) {
      // Something the user must fix (such as a credentials file that holds no credentials): a configuration error.
      InvalidPropertyException invalid =
          new InvalidPropertyException("The AlloyDB connector rejects its settings: " + e.getMessage());
      invalid.initCause(e);
      throw invalid;
    } catch (RuntimeException e) {
      throw new ResourceException("Could not create the AlloyDB connector: " + e.getMessage(), e);
    }
    Connector winner;
    synchronized (this) {
      winner = connectors == null ? null : connectors.computeIfAbsent(config, key -> created);
    }
    if (winner == created) {
      return created;
    }
    created.close();
    if (winner == null) {
      throw notStarted();
    }
    return winner;
  }

  /**
   * The scheduler every connector of this adapter runs its background work on.
   *
   * @throws ResourceException when the adapter is not started
   */
  ConnectorScheduler scheduler() throws ResourceException {
    synchronized (this) {
      if (scheduler == null) {
        throw notStarted();
      }
      return scheduler;
    }
  }

  /** Guarded by {@code this}. */
  private Map<ConnectorConfig, Connector> startedConnectors() throws ResourceException {
    if (connectors == null) {
      throw notStarted();
    }
    return connectors;
  }

  private static ResourceException notStarted() {
    // The JCA IllegalStateException, not java.lang's: callers handle ResourceException.
    return new jakarta.resource.spi.IllegalStateException("The AlloyDB resource adapter is not started");
  }

  /**
   * Publishes the metrics of {@code connector}'s instances in the server's MicroProfile Metrics, if it has it; for
   * this adapter's connection factories, after each connection attempt. Never throws.
   */
  public void publishMetrics(Connector connector) {
    MetricsPublication publication;
    synchronized (this) {
      publication = metrics;
    }
    publication.publish(connector);
  }

  WorkManagerScheduler workScheduler() {
    synchronized (this) {
      return scheduler;
    }
  }

  int connectorCount() {
    synchronized (this) {
      return connectors == null ? 0 : connectors.size();
    }
  }

  @Override
  public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
    throw new NotSupportedException("The AlloyDB resource adapter has no inbound messaging");
  }

  @Override
  public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    // No inbound messaging: nothing was activated.
  }

  @Override
  public XAResource[] getXAResources(ActivationSpec[] specs) {
    return null;
  }

  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass();
  }

  @Override
  public int hashCode() {
    return getClass().getName().hashCode();
  }
}
