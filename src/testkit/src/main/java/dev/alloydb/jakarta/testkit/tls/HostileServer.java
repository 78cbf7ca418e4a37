package dev.alloydb.jakarta.testkit.tls;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A server that plays a hostile AlloyDB proxy. Over TLS it completes (or fails) the handshake with the context and
 * protocols it is given, reads what the client sends as a metadata exchange request, and answers with whatever
 * {@link Reply} says; {@link #silent()} accepts TCP and never sends a byte, {@link #plain} answers TCP with what its
 * {@link PlainReply} writes. It counts connections, handshakes, the application bytes it received and the replies the
 * client cut short by closing. Its threads are named {@value #THREAD_NAME}.
 */
public final class HostileServer implements AutoCloseable {
  /** Name of the server's threads. */
  public static final String THREAD_NAME = "hostile-server";

  /** What the server writes after reading the request; it may also stall or close. */
  public interface Reply {
    void answer(SSLSocket socket) throws IOException, InterruptedException;
  }

  /** What the server writes on a plain TCP connection, such as a TLS record that never ends. */
  public interface PlainReply {
    void answer(Socket socket) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, THREAD_NAME);
    t.setDaemon(true);
    return t;
  });
  private final Reply reply;
  private final PlainReply plainReply;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger handshakes = new AtomicInteger();
  private final AtomicLong applicationBytes = new AtomicLong();
  private final AtomicInteger repliesCut = new AtomicInteger();
  private final List<Socket> held = new CopyOnWriteArrayList<>();

  /** A TLS server on {@code address} offering only {@code protocols}, answering each request with {@code reply}. */
  public HostileServer(String address, SSLContext context, String[] protocols, Reply reply) throws IOException {
    this(address, 0, context, protocols, reply);
  }

  /** As {@link #HostileServer(String, SSLContext, String[], Reply)}, on {@code port} (0: any free port). */
  public HostileServer(String address, int port, SSLContext context, String[] protocols, Reply reply)
      throws IOException {
    this.reply = reply;
    this.plainReply = null;
    SSLServerSocket tls = (SSLServerSocket) context.getServerSocketFactory()
        .createServerSocket(port, 50, InetAddress.getByName(address));
    tls.setEnabledProtocols(protocols);
    tls.setWantClientAuth(true);
    this.server = tls;
    threads.execute(this::acceptLoop);
  }

  private HostileServer(PlainReply plainReply) throws IOException {
    this.reply = null;
    this.plainReply = plainReply;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    threads.execute(this::acceptLoop);
  }

  /** A server on 127.0.0.1 that accepts TCP connections, holds them open and never sends a byte. */
  public static HostileServer silent() throws IOException {
    return new HostileServer((PlainReply) null);
  }

  /** A plain TCP server on 127.0.0.1 that answers each connection with {@code reply}. */
  public static HostileServer plain(PlainReply reply) throws IOException {
    return new HostileServer(reply);
  }

  public int port() {
    return server.getLocalPort();
  }

  public int accepted() {
    return accepted.get();
  }

  /** Handshakes the server saw complete. */
  public int handshakes() {
    return handshakes.get();
  }

  /** Replies that ended because the client closed the connection while the server was still writing. */
  public int repliesCut() {
    return repliesCut.get();
  }

  /** Bytes of application data (the metadata exchange request, with its token) the server received. */
  public long applicationBytes() {
    return applicationBytes.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        accepted.incrementAndGet();
        if (socket instanceof SSLSocket tls) {
          threads.execute(() -> serve(tls));
        } else if (plainReply != null) {
          threads.execute(() -> servePlain(socket));
        } else {
          held.add(socket);
        }
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
      answer(() -> reply.answer(socket));
    } catch (SocketException | InterruptedException e) {
      // the client gave up, as it should
    } catch (IOException e) {
      // handshake refused by the client, or the client closed: both expected outcomes here
    }
  }

  private void servePlain(Socket socket) {
    try (socket) {
      answer(() -> plainReply.answer(socket));
    } catch (IOException | InterruptedException e) {
      // closing a socket the client already closed
    }
  }

  private interface Answer {
    void run() throws IOException, InterruptedException;
  }

  /** Runs a reply, counting it as cut short if the client closed the connection meanwhile. */
  private void answer(Answer answer) throws InterruptedException {
    try {
      answer.run();
    } catch (IOException e) {
      repliesCut.incrementAndGet();
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
    for (Socket socket : held) {
      socket.close();
    }
    threads.shutdownNow();
    try {
      threads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
