package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.connector.ConnectorException;
import dev.alloydb.jakarta.connector.IpType;
import dev.alloydb.jakarta.testkit.tls.HostileServer;
import dev.alloydb.jakarta.testkit.tls.TestCa;
import java.net.Socket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An instance that moves (the Admin API gives a new address, the old one refuses) costs at most one connect. */
class MovedInstanceTest {
  private static final InstanceUri INSTANCE = InstanceUri.parse("projects/p/locations/r/clusters/c/instances/i");

  @Test
  void concurrentConnectsAfterAMoveFailAtMostOnce() throws Exception {
    TestCa ca = TestCa.create("moved-ca");
    Map<String, String> addresses = new ConcurrentHashMap<>(Map.of("ipAddress", "127.0.0.1"));
    ExecutorService callers = Executors.newFixedThreadPool(8);
    HostileServer old = HostileProxy.EXCHANGE_OK.start(ca);
    try (HostileServer moved = HostileProxy.EXCHANGE_OK.start(ca, "127.0.0.2", old.port());
        FakeAdminApi api = new FakeAdminApi(ca, addresses);
        ConnectorCore core = ConnectorCore.start(DialDeadlineTest.fakeConfig(api), Clock.systemUTC(),
            RefreshPolicy.DEFAULT, old.port())) {
      core.dial(INSTANCE, IpType.PRIVATE, false).close();
      addresses.put("ipAddress", "127.0.0.2");
      old.close();
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Boolean>> dials = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        dials.add(callers.submit(() -> {
          go.await();
          try (Socket socket = core.dial(INSTANCE, IpType.PRIVATE, false)) {
            return socket.isConnected();
          } catch (ConnectorException e) {
            return false;
          }
        }));
      }
      go.countDown();
      int failed = 0;
      for (Future<Boolean> dial : dials) {
        failed += dial.get(30, TimeUnit.SECONDS) ? 0 : 1;
      }
      assertThat(failed).as("connects failed after the move").isLessThanOrEqualTo(1);
      try (Socket socket = core.dial(INSTANCE, IpType.PRIVATE, false)) {
        assertThat(socket.getInetAddress().getHostAddress()).isEqualTo("127.0.0.2");
      }
    } finally {
      old.close();
      callers.shutdownNow();
    }
  }
}
