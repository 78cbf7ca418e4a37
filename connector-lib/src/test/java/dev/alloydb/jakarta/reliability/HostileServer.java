package dev.alloydb.jakarta.reliability;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server that plays a hostile AlloyDB proxy: it completes (or fails) the handshake with the context and
 * protocols it is given, reads what the client sends as a metadata exchange request, and answers with whatever
 * {@link Reply} says. It counts handshakes and the application bytes it received.
 */
final class HostileServer implements AutoCloseable {
  /** What the server writes after reading the request; it may also stall or close. */
  interface Reply {
    void answer(SSLSocket socket) throws IOException, InterruptedException;
  }

  private final SSLServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "hostile-server");
    t.setDaemon(true);
    return t;
  });
  private final Reply reply;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger handshakes = new AtomicInteger();
  private final AtomicLong applicationBytes = new AtomicLong();

  HostileServer(String address, SSLContext context, String[] protocols, Reply reply) throws IOException {
    this.reply = reply;
    this.server = (SSLServerSocket) context.getServerSocketFactory()
        .createServerSocket(0, 50, InetAddress.getByName(address));
    server.setEnabledProtocols(protocols);
    server.setWantClientAuth(true);
    threads.execute(this::acceptLoop);
  }

  int port() {
    return server.getLocalPort();
  }

  int accepted() {
    return accepted.get();
  }

  /** Handshakes the server saw complete. */
  int handshakes() {
    return handshakes.get();
  }

  /** Bytes of application data (the metadata exchange request, with its token) the server received. */
  long applicationBytes() {
    return applicationBytes.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        SSLSocket socket = (SSLSocket) server.accept();
        accepted.incrementAndGet();
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(SSLSocket socket) {
    try (socket) {
      socket.setSoTimeout(30_000);
      socket.startHandshake();
      handshakes.incrementAndGet();
      DataInputStream in = new DataInputStream(countingInput(socket.getInputStream()));
      int length = in.readInt();
      in.readNBytes(Math.max(0, Math.min(length, 64 * 1024)));
      reply.answer(socket);
    } catch (SocketException | InterruptedException e) {
      // the client gave up, as it should
    } catch (IOException e) {
      // handshake refused by the client, or the client closed: both expected outcomes here
    }
  }

  private InputStream countingInput(InputStream in) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
          applicationBytes.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
          applicationBytes.addAndGet(n);
        }
        return n;
      }
    };
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
    try {
      threads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
