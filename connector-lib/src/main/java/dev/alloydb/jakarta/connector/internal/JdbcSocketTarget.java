package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorException;
import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.connector.SocketFactory;
import java.io.IOException;
import java.net.Socket;
import java.util.Properties;

/**
 * What one {@code SocketFactory} instance dials: the connector, the instance and the per-connection options. For a
 * connect of {@code Connector}/{@code AsyncConnector} they come from the {@link SocketHandoff} on this thread, with
 * the socket already dialled; otherwise from the connection properties, once. Not API.
 */
public final class JdbcSocketTarget {
  private final ConnectorCore core;
  private final InstanceUri instance;
  private final IpType ipType;
  private final boolean iamAuth;
  private final SocketHandoff handoff;

  private JdbcSocketTarget(ConnectorCore core, InstanceUri instance, IpType ipType, boolean iamAuth,
      SocketHandoff handoff) {
    this.core = core;
    this.instance = instance;
    this.ipType = ipType;
    this.iamAuth = iamAuth;
    this.handoff = handoff;
  }

  /**
   * Resolves the target of a socket factory pgjdbc creates with {@code info}.
   *
   * @throws dev.alloydb.jakarta.connector.ConnectorConfigException if a property is missing or invalid
   */
  public static JdbcSocketTarget resolve(Properties info) {
    SocketHandoff handoff = SocketHandoff.claim();
    if (handoff != null) {
      return new JdbcSocketTarget(handoff.core, handoff.instance, handoff.ipType, handoff.iamAuth, handoff);
    }
    InstanceUri instance = InstanceUri.parse(info.getProperty(SocketFactory.INSTANCE_NAME));
    // validate the per-connection values before a connector is looked up or started
    IpType ipType = JdbcProperties.ipType(info, SocketFactory.IP_TYPE, null);
    Boolean iamAuth = info.getProperty(SocketFactory.ENABLE_IAM_AUTH) == null ? null
        : JdbcProperties.flag(info, SocketFactory.ENABLE_IAM_AUTH, false);
    String named = info.getProperty(SocketFactory.NAMED_CONNECTOR);
    ConnectorCore core = named != null ? SharedConnectors.named(named.trim())
        : SharedConnectors.forConfig(JdbcProperties.toConfig(info));
    return new JdbcSocketTarget(core, instance, ipType != null ? ipType : core.config().ipType(),
        iamAuth != null ? iamAuth : core.config().enableIamAuth(), null);
  }

  /**
   * The socket the connector already dialled for this connection, or a new one (pgjdbc's cancel requests).
   *
   * @throws IOException wrapping the {@link ConnectorException}, which pgjdbc chains into its SQLException
   */
  public Socket dial() throws IOException {
    Socket dialled = handoff == null ? null : handoff.take();
    if (dialled != null) {
      return dialled;
    }
    try {
      return core.dial(instance, ipType, iamAuth);
    } catch (ConnectorException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
