package dev.alloydb.jakarta.ra.outbound;

import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.ConnectorOption;
import dev.alloydb.jakarta.ra.ResourceAdapterImpl;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import jakarta.resource.spi.security.PasswordCredential;
import java.io.PrintWriter;
import java.io.Serial;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.security.auth.Subject;
import javax.sql.DataSource;

/**
 * Connection pool configuration for one AlloyDB instance and login, and the factory of its managed connections.
 *
 * <p>The config properties are the {@link ConnectorOption}s, one JavaBean pair each (the container sets them by
 * name), all kept as given in one {@link PoolProperties} store. Every one is a String so that a value the server
 * could not expand (such as an unresolved {@code ${MPCONFIG=...}}) reaches validation and is reported by name
 * instead of failing a type conversion. A property left unset is taken from MicroProfile Config
 * ({@link ConnectorOption#configKey()}), read with the calling thread's context class loader when the first
 * connection is created, then kept as one parsed {@link AdapterSettings} snapshot. Equality covers the config
 * properties only (Connectors 2.1, 6.5.3.2). The password stays out of the serialized form.
 */
@ConnectionDefinition(
    connectionFactory = DataSource.class,
    connectionFactoryImpl = DataSourceImpl.class,
    connection = Connection.class,
    connectionImpl = Connection.class)
public class ManagedConnectionFactoryImpl implements ManagedConnectionFactory, ValidatingManagedConnectionFactory,
    ResourceAdapterAssociation, TransactionSupport {

  @Serial
  private static final long serialVersionUID = 1L;
  private static final int VALIDATION_TIMEOUT_SECONDS = 5;

  /** The pool properties the server set (the serialized form never holds the password). */
  private final PoolProperties properties = new PoolProperties();
  private transient Function<String, Optional<String>> fallback;
  private transient volatile ResourceAdapterImpl resourceAdapter;
  private transient volatile AdapterSettings settings;
  private transient volatile PrintWriter logWriter;

  /** JavaBean constructor used by the server; unset properties come from MicroProfile Config. */
  public ManagedConnectionFactoryImpl() {
    this(new MicroProfileLookup());
  }

  /** With another source for unset properties. */
  ManagedConnectionFactoryImpl(Function<String, Optional<String>> fallback) {
    this.fallback = fallback;
  }

  @Override
  public Object createConnectionFactory(ConnectionManager connectionManager) throws ResourceException {
    SettingsResolver.checkExplicit(properties);
    return new DataSourceImpl(this, connectionManager);
  }

  @Override
  public Object createConnectionFactory() throws ResourceException {
    throw new NotSupportedException(
        "The AlloyDB resource adapter needs an application server's connection manager (no non-managed mode)");
  }

  @Override
  public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
      throws ResourceException {
    AdapterSettings resolved = settings();
    ResourceAdapterImpl adapter = resourceAdapter;
    if (adapter == null) {
      throw new jakarta.resource.spi.IllegalStateException(
          "This connection factory is not associated with the AlloyDB resource adapter");
    }
    LoginCredentials login = login(subject, info);
    Connector connector = adapter.connector(resolved.connectorConfig());
    Connection physical = null;
    try {
      physical = connector.connect(resolved.instanceUri(),
          resolved.connectionProperties(login.user(), login.password()));
      return new ManagedConnectionImpl(this, physical, login);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(physical);
      ResourceAllocationException failure = new ResourceAllocationException("Could not connect to "
          + resolved.instanceUri() + " as " + login.user() + ": " + e.getMessage(),
          e instanceof SQLException sql ? sql.getSQLState() : null);
      failure.initCause(e);
      throw failure;
    } finally {
      adapter.publishMetrics(connector);
    }
  }

  @Override
  public ManagedConnection matchManagedConnections(Set connections, Subject subject, ConnectionRequestInfo info)
      throws ResourceException {
    LoginCredentials requested = login(subject, info);
    for (Object candidate : connections) {
      if (candidate instanceof ManagedConnectionImpl connection && !connection.isDestroyed()
          && connection.factory().equals(this) && connection.credentials().equals(requested)) {
        return connection;
      }
    }
    return null;
  }

  @Override
  public Set getInvalidConnections(Set connections) throws ResourceException {
    Set<ManagedConnection> invalid = new HashSet<>();
    for (Object candidate : connections) {
      if (candidate instanceof ManagedConnectionImpl connection
          && !connection.isUsable(VALIDATION_TIMEOUT_SECONDS)) {
        invalid.add(connection);
      }
    }
    return invalid;
  }

  @Override
  public TransactionSupportLevel getTransactionSupport() {
    return TransactionSupportLevel.LocalTransaction;
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return resourceAdapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter adapter) throws ResourceException {
    if (!(adapter instanceof ResourceAdapterImpl alloyDb)) {
      throw new ResourceException("Expected the AlloyDB resource adapter, got "
          + (adapter == null ? "null" : adapter.getClass().getName()));
    }
    resourceAdapter = alloyDb;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    logWriter = out;
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  /**
   * The login a request asks for: its ConnectionRequestInfo, else the container's PasswordCredential for this
   * factory, else the configured user and password. Payara derives that credential from the pool's {@code user}
   * and {@code password} properties, so a blank user or an empty password in it means "not set here".
   */
  LoginCredentials login(Subject subject, ConnectionRequestInfo info) throws ResourceException {
    if (info instanceof ConnectionRequestInfoImpl request) {
      return request.credentials();
    }
    AdapterSettings resolved = settings();
    if (subject != null) {
      for (PasswordCredential credential : subject.getPrivateCredentials(PasswordCredential.class)) {
        String name = credential.getUserName();
        if (equals(credential.getManagedConnectionFactory()) && name != null && !name.isBlank()) {
          char[] secret = credential.getPassword();
          String password = secret == null || secret.length == 0 ? resolved.password() : new String(secret);
          return new LoginCredentials(name, password);
        }
      }
    }
    return new LoginCredentials(resolved.user(), resolved.password());
  }

  /** The resolved settings; resolved once, at the first connection. */
  AdapterSettings settings() throws ResourceException {
    AdapterSettings current = settings;
    if (current == null) {
      synchronized (this) {
        current = settings;
        if (current == null) {
          current = new SettingsResolver(fallback()).resolve(properties);
          settings = current;
        }
      }
    }
    return current;
  }

  private Function<String, Optional<String>> fallback() {
    if (fallback == null) {
      fallback = new MicroProfileLookup();
    }
    return fallback;
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // The connection was unusable anyway; the original failure is what the caller needs.
      }
    }
  }

  /** Sets or clears one option; a changed property invalidates the resolved snapshot. */
  private synchronized void set(ConnectorOption<?> option, String value) {
    properties.set(option, value);
    settings = null;
  }

  private String get(ConnectorOption<?> option) {
    return properties.get(option).orElse(null);
  }

  /** @return the {@link ConnectorOption#INSTANCE_URI} pool property */
  public String getInstanceUri() {
    return get(ConnectorOption.INSTANCE_URI);
  }

  /** @param value instance URI ({@link ConnectorOption#INSTANCE_URI}) */
  @ConfigProperty
  public void setInstanceUri(String value) {
    set(ConnectorOption.INSTANCE_URI, value);
  }

  /** @return the {@link ConnectorOption#IP_TYPE} pool property */
  public String getIpType() {
    return get(ConnectorOption.IP_TYPE);
  }

  /** @param value PRIVATE, PUBLIC or PSC ({@link ConnectorOption#IP_TYPE}) */
  @ConfigProperty
  public void setIpType(String value) {
    set(ConnectorOption.IP_TYPE, value);
  }

  /** @return the {@link ConnectorOption#ENABLE_IAM_AUTH} pool property */
  public String getEnableIamAuth() {
    return get(ConnectorOption.ENABLE_IAM_AUTH);
  }

  /** @param value true or false ({@link ConnectorOption#ENABLE_IAM_AUTH}) */
  @ConfigProperty
  public void setEnableIamAuth(String value) {
    set(ConnectorOption.ENABLE_IAM_AUTH, value);
  }

  /** @return the {@link ConnectorOption#USER} pool property */
  public String getUser() {
    return get(ConnectorOption.USER);
  }

  /** @param value database user ({@link ConnectorOption#USER}) */
  @ConfigProperty
  public void setUser(String value) {
    set(ConnectorOption.USER, value);
  }

  /** @return the {@link ConnectorOption#PASSWORD} pool property */
  public String getPassword() {
    return get(ConnectorOption.PASSWORD);
  }

  /** @param value database password ({@link ConnectorOption#PASSWORD}) */
  @ConfigProperty(confidential = true)
  public void setPassword(String value) {
    set(ConnectorOption.PASSWORD, value);
  }

  /** @return the {@link ConnectorOption#DATABASE} pool property */
  public String getDatabase() {
    return get(ConnectorOption.DATABASE);
  }

  /** @param value database name ({@link ConnectorOption#DATABASE}) */
  @ConfigProperty
  public void setDatabase(String value) {
    set(ConnectorOption.DATABASE, value);
  }

  /** @return the {@link ConnectorOption#REFRESH_STRATEGY} pool property */
  public String getRefreshStrategy() {
    return get(ConnectorOption.REFRESH_STRATEGY);
  }

  /** @param value BACKGROUND or LAZY ({@link ConnectorOption#REFRESH_STRATEGY}) */
  @ConfigProperty
  public void setRefreshStrategy(String value) {
    set(ConnectorOption.REFRESH_STRATEGY, value);
  }

  /** @return the {@link ConnectorOption#ADMIN_SERVICE_ENDPOINT} pool property */
  public String getAdminServiceEndpoint() {
    return get(ConnectorOption.ADMIN_SERVICE_ENDPOINT);
  }

  /** @param value Admin API endpoint ({@link ConnectorOption#ADMIN_SERVICE_ENDPOINT}) */
  @ConfigProperty
  public void setAdminServiceEndpoint(String value) {
    set(ConnectorOption.ADMIN_SERVICE_ENDPOINT, value);
  }

  /** @return the {@link ConnectorOption#UNIVERSE_DOMAIN} pool property */
  public String getUniverseDomain() {
    return get(ConnectorOption.UNIVERSE_DOMAIN);
  }

  /** @param value universe domain ({@link ConnectorOption#UNIVERSE_DOMAIN}) */
  @ConfigProperty
  public void setUniverseDomain(String value) {
    set(ConnectorOption.UNIVERSE_DOMAIN, value);
  }

  /** @return the {@link ConnectorOption#QUOTA_PROJECT} pool property */
  public String getQuotaProject() {
    return get(ConnectorOption.QUOTA_PROJECT);
  }

  /** @param value quota project ({@link ConnectorOption#QUOTA_PROJECT}) */
  @ConfigProperty
  public void setQuotaProject(String value) {
    set(ConnectorOption.QUOTA_PROJECT, value);
  }

  /** @return the {@link ConnectorOption#CREDENTIALS_FILE} pool property */
  public String getCredentialsFile() {
    return get(ConnectorOption.CREDENTIALS_FILE);
  }

  /** @param value path of a Google credentials JSON file ({@link ConnectorOption#CREDENTIALS_FILE}) */
  @ConfigProperty
  public void setCredentialsFile(String value) {
    set(ConnectorOption.CREDENTIALS_FILE, value);
  }

  /** @return the {@link ConnectorOption#IAM_LOGIN_CREDENTIALS_FILE} pool property */
  public String getIamLoginCredentialsFile() {
    return get(ConnectorOption.IAM_LOGIN_CREDENTIALS_FILE);
  }

  /** @param value path of the IAM login's credentials file ({@link ConnectorOption#IAM_LOGIN_CREDENTIALS_FILE}) */
  @ConfigProperty
  public void setIamLoginCredentialsFile(String value) {
    set(ConnectorOption.IAM_LOGIN_CREDENTIALS_FILE, value);
  }

  /** @return the {@link ConnectorOption#TARGET_PRINCIPAL} pool property */
  public String getTargetPrincipal() {
    return get(ConnectorOption.TARGET_PRINCIPAL);
  }

  /** @param value service account to impersonate ({@link ConnectorOption#TARGET_PRINCIPAL}) */
  @ConfigProperty
  public void setTargetPrincipal(String value) {
    set(ConnectorOption.TARGET_PRINCIPAL, value);
  }

  /** @return the {@link ConnectorOption#DELEGATES} pool property */
  public String getDelegates() {
    return get(ConnectorOption.DELEGATES);
  }

  /** @param value comma-separated delegation chain ({@link ConnectorOption#DELEGATES}) */
  @ConfigProperty
  public void setDelegates(String value) {
    set(ConnectorOption.DELEGATES, value);
  }

  /** @return the {@link ConnectorOption#USER_AGENT} pool property */
  public String getUserAgent() {
    return get(ConnectorOption.USER_AGENT);
  }

  /** @param value appended to the user agent ({@link ConnectorOption#USER_AGENT}) */
  @ConfigProperty
  public void setUserAgent(String value) {
    set(ConnectorOption.USER_AGENT, value);
  }

  /** @return the {@link ConnectorOption#METRICS} pool property */
  public String getMetrics() {
    return get(ConnectorOption.METRICS);
  }

  /** @param value {@code false} turns the pool connector's metrics off ({@link ConnectorOption#METRICS}) */
  @ConfigProperty
  public void setMetrics(String value) {
    set(ConnectorOption.METRICS, value);
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (other == null || other.getClass() != getClass()) {
      return false;
    }
    ManagedConnectionFactoryImpl that = (ManagedConnectionFactoryImpl) other;
    return properties.equals(that.properties);
  }

  @Override
  public int hashCode() {
    return properties.hashCode();
  }
}
