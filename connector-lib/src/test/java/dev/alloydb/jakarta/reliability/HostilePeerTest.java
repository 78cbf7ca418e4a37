package dev.alloydb.jakarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.alloydb.connectors.v1.MetadataExchangeResponse;
import dev.alloydb.jakarta.connector.DialException;
import dev.alloydb.jakarta.connector.MetadataExchangeException;
import dev.alloydb.jakarta.connector.internal.ConnectorCore;
import dev.alloydb.jakarta.connector.internal.EmulatorSupport;
import dev.alloydb.jakarta.connector.internal.PgjdbcConnections;
import dev.alloydb.jakarta.connector.internal.ReliabilityHooks;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.testkit.tls.HostileServer;
import dev.alloydb.jakarta.testkit.tls.TestCa;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hostile peers where the connector dials: a man in the middle with a certificate from another CA, a server that
 * only speaks TLS 1.2, and servers whose metadata exchange replies are oversized or malformed. Every case is run
 * repeatedly from several threads; each must fail fast, allocate nothing near the announced size, hand no token to
 * the peer and leak no socket.
 */
@ExtendWith(SuiteLogs.class)
class HostilePeerTest {
  private static final String INSTANCE = "projects/p/locations/r/clusters/c/instances/i";
  private static final int THREADS = 8;
  private static final int ROUNDS = 5;
  /** Far below any announced size tested (up to 4 GiB); a dial with TLS handshake allocates a few MB. */
  private static final long ALLOCATION_BOUND = 64L * 1024 * 1024;

  private static TestCa trustedCa;
  private static TestCa.Leaf client;
  private static String address;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeAll
  static void certificates() throws Exception {
    trustedCa = TestCa.create("reliability trusted CA");
    client = trustedCa.issue("client", null);
    address = EmulatorSupport.emulator().instance().privateAddress();
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    EmulatorSupport.resetEmulator();
  }

  @Test
  void manInTheMiddleWithAnotherCaIsAlwaysRefusedAndGetsNoToken() throws Exception {
    AlloyDbEmulator emulator = EmulatorSupport.emulator();
    TestCa otherCa = TestCa.create("man in the middle");
    HostileServer mitm = server(otherCa.issue("mitm", address), new String[] {"TLSv1.3"}, HostilePeerTest::ok);
    ConnectorCore core = ReliabilityHooks.start(EmulatorSupport.config().build(), Duration.ofMinutes(4),
        Duration.ofSeconds(30), 2, mitm.port());
    toClose.add(core);
    long fds = Probe.openFileDescriptors();

    List<Throwable> failures = hammer(() -> PgjdbcConnections.connect(core, emulator.instance().uri(),
        EmulatorSupport.passwordLogin()));

    System.out.printf("man in the middle: %d connects refused, %d handshakes completed, %d bytes received%n",
        failures.size(), mitm.handshakes(), mitm.applicationBytes());
    assertThat(failures).hasSize(THREADS * ROUNDS).allSatisfy(e -> {
      assertThat(e).isInstanceOf(SQLException.class);
      assertThat(((SQLException) e).getSQLState()).isEqualTo("08001");
      assertThat(e.getCause()).isInstanceOf(DialException.class);
      assertThat(e.getMessage()).contains("TLS 1.3 handshake").contains("not signed by the instance's CA");
    });
    assertThat(mitm.accepted()).as("dials: one per connect, plus one retry after a forced refresh at most")
        .isBetween(THREADS * ROUNDS, 2 * THREADS * ROUNDS);
    assertThat(mitm.handshakes()).isZero();
    assertThat(mitm.applicationBytes()).as("bytes (token) the man in the middle received").isZero();
    mitm.close();
    assertThat(Probe.awaitFileDescriptorsAtMost(fds + 2)).as("open descriptors").isLessThanOrEqualTo(fds + 2);
  }

  @Test
  void serverOfferingOnlyTls12IsRefusedWhileTheSameServerOnTls13IsAccepted() throws Exception {
    TestCa.Leaf serverLeaf = trustedCa.issue("server", address);
    HostileServer tls13 = server(serverLeaf, new String[] {"TLSv1.3"}, HostilePeerTest::ok);
    dial(tls13.port(), Duration.ofSeconds(10)).close();
    assertThat(tls13.handshakes()).as("control: the same certificates work over TLS 1.3").isEqualTo(1);

    HostileServer tls12 = server(serverLeaf, new String[] {"TLSv1.2"}, HostilePeerTest::ok);
    List<Throwable> failures = hammer(() -> dial(tls12.port(), Duration.ofSeconds(10)));

    assertThat(failures).hasSize(THREADS * ROUNDS).allSatisfy(e -> {
      assertThat(e).isInstanceOf(DialException.class);
      assertThat(e.getMessage()).contains("TLS 1.3 handshake").containsIgnoringCase("protocol");
    });
    assertThat(tls12.handshakes()).isZero();
    assertThat(tls12.applicationBytes()).isZero();
  }

  /** Replies a hostile proxy sends to the metadata exchange request. */
  enum BadReply {
    TWO_GIB_PREFIX(prefix(Integer.MAX_VALUE), "invalid length prefix 2147483647"),
    FOUR_GIB_PREFIX(prefix(-1), "invalid length prefix 4294967295"),
    ONE_BYTE_OVER_LIMIT(prefix(16 * 1024 + 1), "invalid length prefix 16385"),
    GARBAGE_BODY(concat(prefix(12), new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}),
        "not a MetadataExchangeResponse"),
    SHORT_BODY_THEN_CLOSE(concat(prefix(100), new byte[10]), "closed the connection before answering"),
    POSTGRES_ERROR(new byte[] {'E', 0, 0, 0, 100, 'S', 'F', 'A', 'T', 'A', 'L', 0}, "invalid length prefix");

    final byte[] bytes;
    final String message;

    BadReply(byte[] bytes, String message) {
      this.bytes = bytes;
      this.message = message;
    }
  }

  @ParameterizedTest
  @EnumSource(BadReply.class)
  void oversizedOrMalformedExchangeRepliesFailFastWithoutAllocatingTheAnnouncedSize(BadReply reply)
      throws Exception {
    HostileServer server = server(trustedCa.issue("server", address), new String[] {"TLSv1.3"}, socket -> {
      socket.getOutputStream().write(reply.bytes);
      socket.getOutputStream().flush();
      if (reply != BadReply.SHORT_BODY_THEN_CLOSE) {
        Thread.sleep(60_000);
      }
    });
    Duration timeout = Duration.ofSeconds(60);
    long fds = Probe.openFileDescriptors();

    List<Throwable> failures = hammer(() -> {
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long before = threads.getCurrentThreadAllocatedBytes();
      long start = System.nanoTime();
      try {
        dial(server.port(), timeout).close();
      } catch (MetadataExchangeException e) {
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        throw new Outcome(e, allocated, took);
      }
      return null;
    });

    System.out.printf("hostile reply %s: %d dials failed, at most %d KiB allocated and %d ms each%n", reply,
        failures.size(), failures.stream().mapToLong(f -> f instanceof Outcome ? ((Outcome) f).allocated : 0)
            .max().orElse(0) >> 10,
        failures.stream().mapToLong(f -> f instanceof Outcome ? ((Outcome) f).took.toMillis() : 0).max().orElse(0));
    assertThat(failures).hasSize(THREADS * ROUNDS).allSatisfy(f -> {
      assertThat(f).isInstanceOf(Outcome.class);
      Outcome o = (Outcome) f;
      assertThat(o.getCause().getMessage()).contains(reply.message);
      assertThat(o.allocated).as("bytes allocated by the failed dial").isLessThan(ALLOCATION_BOUND);
      assertThat(o.took).as("fails without waiting for the %s timeout", timeout).isLessThan(timeout.dividedBy(2));
    });
    assertThat(server.applicationBytes()).isPositive();
    server.close();
    assertThat(Probe.awaitFileDescriptorsAtMost(fds + 2)).as("open descriptors").isLessThanOrEqualTo(fds + 2);
  }

  @Test
  void aReplyThatNeverComesTimesOutWithinTheConfiguredBound() throws Exception {
    HostileServer server = server(trustedCa.issue("server", address), new String[] {"TLSv1.3"}, socket -> {
      socket.getOutputStream().write(prefix(16 * 1024));
      socket.getOutputStream().flush();
      Thread.sleep(60_000);
    });
    Duration timeout = Duration.ofSeconds(2);
    long start = System.nanoTime();
    assertThatThrownBy(() -> dial(server.port(), timeout))
        .isInstanceOf(MetadataExchangeException.class)
        .hasMessageContaining("no response from the server within PT2S");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(timeout, timeout.multipliedBy(10));
  }

  private static void ok(SSLSocket socket) throws IOException {
    byte[] body = MetadataExchangeResponse.newBuilder()
        .setResponseCode(MetadataExchangeResponse.ResponseCode.OK).build().toByteArray();
    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
    out.writeInt(body.length);
    out.write(body);
    out.flush();
  }

  private static Socket dial(int port, Duration timeout) throws Exception {
    return ReliabilityHooks.dialTrusting(INSTANCE, address, port, client.key(),
        List.of(client.certificate(), trustedCa.certificate()), trustedCa.certificate(), timeout, "not-a-secret");
  }

  private HostileServer server(TestCa.Leaf leaf, String[] protocols, HostileServer.Reply reply) throws Exception {
    HostileServer server = new HostileServer(address, leaf.serverContext("TLS"), protocols, reply);
    toClose.add(server);
    return server;
  }

  /** Runs {@code task} {@value #ROUNDS} times on each of {@value #THREADS} threads; returns every failure. */
  private static List<Throwable> hammer(Callable<?> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<Throwable>>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        results.add(pool.submit(() -> {
          List<Throwable> failures = new ArrayList<>();
          for (int i = 0; i < ROUNDS; i++) {
            try {
              Object result = task.call();
              if (result instanceof AutoCloseable) {
                ((AutoCloseable) result).close();
              }
            } catch (Exception e) {
              failures.add(e);
            }
          }
          return failures;
        }));
      }
      List<Throwable> all = new ArrayList<>();
      for (Future<List<Throwable>> f : results) {
        all.addAll(f.get(5, TimeUnit.MINUTES));
      }
      return all;
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] prefix(int length) {
    return ByteBuffer.allocate(4).putInt(length).array();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
  }

  /** A failed dial with what it cost. */
  private static final class Outcome extends Exception {
    private static final long serialVersionUID = 1L;
    final long allocated;
    final Duration took;

    Outcome(MetadataExchangeException cause, long allocated, Duration took) {
      super(cause.getMessage(), cause, false, false);
      this.allocated = allocated;
      this.took = took;
    }
  }
}
