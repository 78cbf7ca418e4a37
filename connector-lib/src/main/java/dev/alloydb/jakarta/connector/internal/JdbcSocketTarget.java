package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorException;
import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.connector.SocketFactory;
import java.io.IOException;
import java.net.Socket;
import java.util.Properties;

/**
 * What one {@code SocketFactory} instance dials: the connector, the instance and the per-connection options,
 * resolved once from the connection properties. Not API.
 */
public final class JdbcSocketTarget {
  private final ConnectorCore core;
  private final InstanceUri instance;
  private final IpType ipType;
  private final boolean iamAuth;
  private final String ticket;

  private JdbcSocketTarget(ConnectorCore core, InstanceUri instance, IpType ipType, boolean iamAuth,
      String ticket) {
    this.core = core;
    this.instance = instance;
    this.ipType = ipType;
    this.iamAuth = iamAuth;
    this.ticket = ticket;
  }

  /**
   * Resolves the properties pgjdbc passes to the socket factory.
   *
   * @throws dev.alloydb.jakarta.connector.ConnectorConfigException if a property is missing or invalid
   */
  public static JdbcSocketTarget resolve(Properties info) {
    InstanceUri instance = InstanceUri.parse(info.getProperty(SocketFactory.INSTANCE_NAME));
    // validate the per-connection values before a connector is looked up or started
    IpType ipType = JdbcProperties.ipType(info, SocketFactory.IP_TYPE, null);
    Boolean iamAuth = info.getProperty(SocketFactory.ENABLE_IAM_AUTH) == null ? null
        : JdbcProperties.flag(info, SocketFactory.ENABLE_IAM_AUTH, false);
    ConnectorCore core;
    String id = info.getProperty(JdbcProperties.CONNECTOR_ID);
    String named = info.getProperty(SocketFactory.NAMED_CONNECTOR);
    if (id != null) {
      core = SharedConnectors.byId(id);
    } else if (named != null) {
      core = SharedConnectors.named(named.trim());
    } else {
      core = SharedConnectors.forConfig(JdbcProperties.toConfig(info));
    }
    return new JdbcSocketTarget(core, instance, ipType != null ? ipType : core.config().ipType(),
        iamAuth != null ? iamAuth : core.config().enableIamAuth(), info.getProperty(JdbcProperties.SOCKET_TICKET));
  }

  /**
   * The socket the connector already dialled for this connection, or a new one (pgjdbc's cancel requests).
   *
   * @throws IOException wrapping the {@link ConnectorException}, which pgjdbc chains into its SQLException
   */
  public Socket dial() throws IOException {
    Socket deposited = SocketTickets.take(ticket);
    if (deposited != null) {
      return deposited;
    }
    try {
      return core.dial(instance, ipType, iamAuth);
    } catch (ConnectorException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
