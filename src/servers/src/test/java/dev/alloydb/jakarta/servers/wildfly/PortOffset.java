package dev.alloydb.jakarta.servers.wildfly;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code jboss.socket.binding.port-offset} under which every port of WildFly's standard socket bindings is free on
 * 127.0.0.1, so that a test server never takes a port another build uses (including the transaction manager's two
 * ports, which standalone.xml fixes at 4712 and 4713 and only the offset moves).
 */
record PortOffset(int offset) {

  /** The standard bindings of standalone.xml: ajp, http, https, management http/https, txn recovery and status. */
  private static final int[] BASE_PORTS = {8009, 8080, 8443, 9990, 9993, 4712, 4713};
  private static final int ATTEMPTS = 200;

  /** A random offset whose ports are all free now (best effort: another process may still take one later). */
  static PortOffset findFree() throws IOException {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int offset = ThreadLocalRandom.current().nextInt(10_000, 50_000);
      if (allFree(offset)) {
        return new PortOffset(offset);
      }
    }
    throw new IOException("No port offset with all of WildFly's ports free after " + ATTEMPTS + " attempts");
  }

  int http() {
    return 8080 + offset;
  }

  int management() {
    return 9990 + offset;
  }

  private static boolean allFree(int offset) {
    for (int base : BASE_PORTS) {
      try (ServerSocket socket = new ServerSocket(base + offset, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }
}
