package dev.alloydb.jakarta.ra.outbound;

import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.ra.ResourceAdapterImpl;
import dev.alloydb.jakarta.ra.config.AdapterSettings;
import dev.alloydb.jakarta.ra.config.MicroProfileLookup;
import dev.alloydb.jakarta.ra.config.Setting;
import dev.alloydb.jakarta.ra.config.SettingsResolver;
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
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.security.auth.Subject;
import javax.sql.DataSource;

/**
 * Connection pool configuration for one AlloyDB instance and login, and the factory of its managed connections.
 *
 * <p>Every config property is a String so that a value the server could not expand (such as an unresolved
 * {@code ${MPCONFIG=...}}) reaches validation and is reported by name instead of failing a type conversion. A
 * property left unset is taken from MicroProfile Config ({@link Setting#configKey()}), read with the calling
 * thread's context class loader when the first connection is created, then kept as one typed
 * {@link AdapterSettings} snapshot. Equality covers the config properties only (Connectors 2.1, 6.5.3.2).
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

  @ConfigProperty(description = "Instance URI: projects/<PROJECT>/locations/<REGION>/clusters/<CLUSTER>/instances/<INSTANCE>")
  private String instanceUri;
  @ConfigProperty(description = "IP type to dial: PRIVATE (default), PUBLIC or PSC")
  private String ipType;
  @ConfigProperty(description = "true to log in with the credentials' IAM principal (default false)")
  private String enableIamAuth;
  @ConfigProperty(description = "Database user")
  private String user;
  @ConfigProperty(description = "Database password (ignored with IAM authentication)", confidential = true)
  private String password;
  @ConfigProperty(description = "Database name (default postgres)")
  private String database;
  @ConfigProperty(description = "Certificate refresh strategy: BACKGROUND (default) or LAZY")
  private String refreshStrategy;
  @ConfigProperty(description = "AlloyDB Admin API endpoint override")
  private String adminServiceEndpoint;
  @ConfigProperty(description = "Project billed for Admin API quota")
  private String quotaProject;
  @ConfigProperty(description = "Google credentials JSON file (default: Application Default Credentials)")
  private String credentialsFile;
  @ConfigProperty(description = "Service account to impersonate")
  private String targetPrincipal;
  @ConfigProperty(description = "Comma-separated impersonation delegation chain")
  private String delegates;

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
    SettingsResolver.checkExplicit(explicitSettings());
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
    Connector connector = adapter.connector(resolved.connectorConfig(adapter.scheduler()));
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
          current = new SettingsResolver(fallback()).resolve(explicitSettings());
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

  private Map<Setting, String> explicitSettings() {
    Map<Setting, String> values = new EnumMap<>(Setting.class);
    putIfSet(values, Setting.INSTANCE_URI, instanceUri);
    putIfSet(values, Setting.IP_TYPE, ipType);
    putIfSet(values, Setting.ENABLE_IAM_AUTH, enableIamAuth);
    putIfSet(values, Setting.USER, user);
    putIfSet(values, Setting.PASSWORD, password);
    putIfSet(values, Setting.DATABASE, database);
    putIfSet(values, Setting.REFRESH_STRATEGY, refreshStrategy);
    putIfSet(values, Setting.ADMIN_SERVICE_ENDPOINT, adminServiceEndpoint);
    putIfSet(values, Setting.QUOTA_PROJECT, quotaProject);
    putIfSet(values, Setting.CREDENTIALS_FILE, credentialsFile);
    putIfSet(values, Setting.TARGET_PRINCIPAL, targetPrincipal);
    putIfSet(values, Setting.DELEGATES, delegates);
    return values;
  }

  private static void putIfSet(Map<Setting, String> values, Setting setting, String value) {
    if (value != null) {
      values.put(setting, value);
    }
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

  // A changed property invalidates the snapshot; servers configure before use, so this is for correctness only.
  private synchronized void changed() {
    settings = null;
  }

  /** @return the instance URI property */
  public String getInstanceUri() {
    return instanceUri;
  }

  /** @param value instance URI */
  public void setInstanceUri(String value) {
    instanceUri = value;
    changed();
  }

  /** @return the IP type property */
  public String getIpType() {
    return ipType;
  }

  /** @param value PRIVATE, PUBLIC or PSC */
  public void setIpType(String value) {
    ipType = value;
    changed();
  }

  /** @return the IAM authentication property */
  public String getEnableIamAuth() {
    return enableIamAuth;
  }

  /** @param value true or false */
  public void setEnableIamAuth(String value) {
    enableIamAuth = value;
    changed();
  }

  /** @return the user property */
  public String getUser() {
    return user;
  }

  /** @param value database user */
  public void setUser(String value) {
    user = value;
    changed();
  }

  /** @return the password property */
  public String getPassword() {
    return password;
  }

  /** @param value database password */
  public void setPassword(String value) {
    password = value;
    changed();
  }

  /** @return the database property */
  public String getDatabase() {
    return database;
  }

  /** @param value database name */
  public void setDatabase(String value) {
    database = value;
    changed();
  }

  /** @return the refresh strategy property */
  public String getRefreshStrategy() {
    return refreshStrategy;
  }

  /** @param value BACKGROUND or LAZY */
  public void setRefreshStrategy(String value) {
    refreshStrategy = value;
    changed();
  }

  /** @return the Admin API endpoint property */
  public String getAdminServiceEndpoint() {
    return adminServiceEndpoint;
  }

  /** @param value Admin API endpoint */
  public void setAdminServiceEndpoint(String value) {
    adminServiceEndpoint = value;
    changed();
  }

  /** @return the quota project property */
  public String getQuotaProject() {
    return quotaProject;
  }

  /** @param value quota project */
  public void setQuotaProject(String value) {
    quotaProject = value;
    changed();
  }

  /** @return the credentials file property */
  public String getCredentialsFile() {
    return credentialsFile;
  }

  /** @param value path of a Google credentials JSON file */
  public void setCredentialsFile(String value) {
    credentialsFile = value;
    changed();
  }

  /** @return the target principal property */
  public String getTargetPrincipal() {
    return targetPrincipal;
  }

  /** @param value service account to impersonate */
  public void setTargetPrincipal(String value) {
    targetPrincipal = value;
    changed();
  }

  /** @return the delegates property */
  public String getDelegates() {
    return delegates;
  }

  /** @param value comma-separated delegation chain */
  public void setDelegates(String value) {
    delegates = value;
    changed();
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
    return explicitSettings().equals(that.explicitSettings());
  }

  @Override
  public int hashCode() {
    return explicitSettings().hashCode();
  }
}
