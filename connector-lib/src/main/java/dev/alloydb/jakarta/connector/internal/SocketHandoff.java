package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.IpType;
import java.net.Socket;

/**
 * Hands the socket a connector dialled to the {@code SocketFactory} pgjdbc creates by class name, on the same
 * thread: pgjdbc builds its socket factory inside {@code Driver.connect} on the calling thread when its login
 * timeout is 0, which the connector sets. Nothing travels in the connection properties, so no other code in the JVM
 * can name this connector or this socket. Whatever pgjdbc does not take is closed by {@link #close}.
 */
final class SocketHandoff implements AutoCloseable {
  private static final ThreadLocal<SocketHandoff> PENDING = new ThreadLocal<>();

  final ConnectorCore core;
  final InstanceUri instance;
  final IpType ipType;
  final boolean iamAuth;
  private Socket socket;

  private SocketHandoff(ConnectorCore core, InstanceUri instance, IpType ipType, boolean iamAuth, Socket socket) {
    this.core = core;
    this.instance = instance;
    this.ipType = ipType;
    this.iamAuth = iamAuth;
    this.socket = socket;
  }

  /** Offers {@code socket} to the next socket factory created on this thread, until {@link #close}. */
  static SocketHandoff offer(ConnectorCore core, InstanceUri instance, IpType ipType, boolean iamAuth,
      Socket socket) {
    SocketHandoff handoff = new SocketHandoff(core, instance, ipType, iamAuth, socket);
    PENDING.set(handoff);
    return handoff;
  }

  /** The handoff offered on this thread, once; null if none. */
  static SocketHandoff claim() {
    SocketHandoff handoff = PENDING.get();
    PENDING.remove();
    return handoff;
  }

  /** The dialled socket, once; null afterwards (pgjdbc's cancel requests then dial anew). */
  synchronized Socket take() {
    Socket taken = socket;
    socket = null;
    return taken;
  }

  /** Withdraws the offer and closes the socket if nobody took it. */
  @Override
  public void close() {
    if (PENDING.get() == this) {
      PENDING.remove();
    }
    Socket untaken = take();
    if (untaken != null) {
      Dialer.closeQuietly(untaken);
    }
  }
}
