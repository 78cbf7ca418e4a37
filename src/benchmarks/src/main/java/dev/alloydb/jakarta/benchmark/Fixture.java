package dev.alloydb.jakarta.benchmark;

import dev.alloydb.jakarta.emulator.AdminRpc;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The one emulator (and its embedded PostgreSQL, with TLS switched on) that the clients talk to, in this JVM so that
 * the harness can inject Admin API latency and read the emulator's counters. Owned by {@link BenchmarkMain}.
 */
final class Fixture implements AutoCloseable {

  private final AlloyDbEmulator emulator;
  private final EmulatorEndpoints endpoints;

  private Fixture(AlloyDbEmulator emulator, EmulatorEndpoints endpoints) {
    this.emulator = emulator;
    this.endpoints = endpoints;
  }

  static Fixture start() throws IOException, SQLException, InterruptedException {
    AlloyDbEmulator emulator = AlloyDbEmulator.builder().start();
    try {
      EmulatorEndpoints endpoints = new EmulatorEndpoints(emulator.instance().uri(),
          emulator.adminApiRestEndpoint(), emulator.adminApiGrpcTlsEndpoint(), emulator.credentialsFile(),
          emulator.passwordUser(), emulator.password(), emulator.directJdbcUrl(), emulator.trustStore(),
          emulator.trustStorePassword());
      PostgresTls.enable(endpoints.directJdbcUrl(), endpoints.login(),
          Path.of(System.getProperty("java.io.tmpdir")));
      endpoints.trustJvmWide();
      return new Fixture(emulator, endpoints);
    } catch (IOException | SQLException | InterruptedException | RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  EmulatorEndpoints endpoints() {
    return endpoints;
  }

  AdminCalls adminCalls() {
    var counters = emulator.counters();
    return new AdminCalls(counters.adminCalls(AdminRpc.GET_CONNECTION_INFO),
        counters.adminCalls(AdminRpc.GENERATE_CLIENT_CERTIFICATE));
  }

  long tokensIssued() {
    return emulator.counters().tokensIssued();
  }

  /** The emulator's marks (Admin API calls, tokens, proxy steps) at or after {@code sinceNanos}. */
  java.util.List<dev.alloydb.jakarta.emulator.TimelineEvent> timelineSince(long sinceNanos) {
    return emulator.counters().timeline().stream().filter(e -> e.nanos() >= sinceNanos).toList();
  }

  void adminLatency(Duration latency) {
    emulator.faults().adminLatency(latency);
  }

  @Override
  public void close() {
    emulator.close();
  }
}
