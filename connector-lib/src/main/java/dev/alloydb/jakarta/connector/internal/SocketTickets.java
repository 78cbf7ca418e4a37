package dev.alloydb.jakarta.connector.internal;

import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands a socket dialled by the connector to the {@code SocketFactory} instance pgjdbc creates by class name: the
 * connector deposits it under a one-time ticket passed as a hidden connection property, the factory takes it.
 * Whatever pgjdbc does not take is closed by {@link #discard}.
 */
final class SocketTickets {
  private static final Map<String, Socket> SOCKETS = new ConcurrentHashMap<>();
  private static final AtomicLong NEXT = new AtomicLong();

  private SocketTickets() {
  }

  static String deposit(Socket socket) {
    String ticket = Long.toString(NEXT.incrementAndGet());
    SOCKETS.put(ticket, socket);
    return ticket;
  }

  /** The deposited socket, once; null if already taken or discarded. */
  static Socket take(String ticket) {
    return ticket == null ? null : SOCKETS.remove(ticket);
  }

  /** Closes the socket if nobody took it. */
  static void discard(String ticket) {
    Socket socket = take(ticket);
    if (socket != null) {
      Dialer.closeQuietly(socket);
    }
  }
}
