package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.testkit.secrets.SecretScanner;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Metrics and spans through the OpenTelemetry API, collected by the SDK's in-memory exporters. */
class OpenTelemetryExportTest {
  private static final AttributeKey<String> INSTANCE = AttributeKey.stringKey("alloydb.instance_uri");
  private static final AttributeKey<String> STATUS = AttributeKey.stringKey("status");

  private final AlloyDbEmulator emulator = EmulatorSupport.emulator();
  private final String uri = EmulatorSupport.instanceUri();
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private OpenTelemetrySdk sdk;

  @BeforeEach
  void install() {
    EmulatorSupport.resetEmulator();
    GlobalOpenTelemetry.resetForTest();
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
        .buildAndRegisterGlobal();
  }

  @AfterEach
  void uninstall() {
    sdk.close();
    GlobalOpenTelemetry.resetForTest();
    EmulatorSupport.resetEmulator();
  }

  @Test
  void nConnectsExportNDialsNLatenciesAndOneSpanTreeEach() throws Exception {
    int n = 3;
    try (ConnectorCore core = ConnectorCore.start(EmulatorSupport.config().build(), Clock.systemUTC(),
        RefreshPolicy.DEFAULT, Dialer.SERVER_PROXY_PORT)) {
      for (int i = 0; i < n; i++) {
        try (Connection c = PgjdbcConnections.connect(core, uri, EmulatorSupport.passwordLogin())) {
          assertThat(c.isValid(5)).isTrue();
        }
      }
      Map<String, MetricData> exported = metrics.collectAllMetrics().stream()
          .collect(Collectors.toMap(MetricData::getName, Function.identity()));

      LongPointData dials = exported.get("alloydb.connector.dial_count").getLongSumData().getPoints().stream()
          .filter(p -> "success".equals(p.getAttributes().get(STATUS))).findFirst().orElseThrow();
      assertThat(dials.getValue()).isEqualTo(n);
      assertThat(dials.getAttributes().get(INSTANCE)).isEqualTo(uri);
      HistogramPointData latency = exported.get("alloydb.connector.dial_latencies").getHistogramData().getPoints()
          .iterator().next();
      assertThat(latency.getCount()).isEqualTo(n);
      assertThat(latency.getBoundaries()).containsExactly(0d, 5d, 25d, 100d, 250d, 500d, 1000d, 2000d, 5000d,
          30000d);
      LongPointData refreshes = exported.get("alloydb.connector.refresh_count").getLongSumData().getPoints()
          .stream().filter(p -> "success".equals(p.getAttributes().get(STATUS))).findFirst().orElseThrow();
      assertThat(refreshes.getValue()).isEqualTo(1);
      assertThat(exported.get("alloydb.connector.open_connections").getLongSumData().getPoints())
          .singleElement().satisfies(p -> assertThat(p.getValue()).isZero());
      assertThat(exported.get("alloydb.connector.certificate_expiry").getDoubleGaugeData().getPoints())
          .singleElement().satisfies(p -> assertThat(p.getValue())
              .isGreaterThan(System.currentTimeMillis() / 1000.0 + Duration.ofMinutes(50).toSeconds()));

      List<SpanData> finished = spans.getFinishedSpanItems();
      List<SpanData> connects = named(finished, "alloydb.connect");
      assertThat(connects).hasSize(n);
      for (SpanData connect : connects) {
        assertThat(connect.getAttributes().get(INSTANCE)).isEqualTo(uri);
        assertThat(children(finished, connect)).extracting(SpanData::getName).containsExactly(
            "alloydb.connect.wait_for_info", "alloydb.connect.tcp", "alloydb.connect.tls",
            "alloydb.connect.exchange");
      }
      SpanData refresh = named(finished, "alloydb.refresh").get(0);
      assertThat(refresh.getAttributes().get(INSTANCE)).isEqualTo(uri);
      assertThat(children(finished, refresh)).extracting(SpanData::getName).containsExactlyInAnyOrder(
          "alloydb.admin.GetConnectionInfo", "alloydb.admin.GenerateClientCertificate");

      String everything = finished + "\n" + exported.values();
      assertThat(SecretScanner.scan(everything, List.of(new SecretScanner.Secret("database password",
          emulator.password())))).isEmpty();
    }
  }

  @Test
  void aFailedRefreshIsCountedWithItsCodeAndItsSpanFails() throws Exception {
    emulator.faults().adminError(io.grpc.Status.Code.PERMISSION_DENIED);
    try (ConnectorCore core = ConnectorCore.start(EmulatorSupport.config().build(), Clock.systemUTC(),
        RefreshPolicy.DEFAULT, Dialer.SERVER_PROXY_PORT)) {
      try (Connection c = PgjdbcConnections.connect(core, uri, EmulatorSupport.passwordLogin())) {
        throw new AssertionError("connected through a refused Admin API");
      } catch (java.sql.SQLException expected) {
        // the refresh failure is what this test reads
      }
      Collection<MetricData> exported = metrics.collectAllMetrics();
      MetricData refreshes = exported.stream().filter(m -> m.getName().equals("alloydb.connector.refresh_count"))
          .findFirst().orElseThrow();
      assertThat(refreshes.getLongSumData().getPoints()).anySatisfy(p -> {
        assertThat(p.getAttributes().get(STATUS)).isEqualTo("failure");
        assertThat(p.getAttributes().get(AttributeKey.stringKey("error_code"))).isEqualTo("PERMISSION_DENIED");
        assertThat(p.getValue()).isEqualTo(1);
      });
      MetricData dials = exported.stream().filter(m -> m.getName().equals("alloydb.connector.dial_count"))
          .findFirst().orElseThrow();
      assertThat(dials.getLongSumData().getPoints()).anySatisfy(p -> {
        assertThat(p.getAttributes().get(STATUS)).isEqualTo("admin_api_error");
        assertThat(p.getValue()).isEqualTo(1);
      });
      SpanData refresh = named(spans.getFinishedSpanItems(), "alloydb.refresh").get(0);
      assertThat(refresh.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
    }
  }

  private static List<SpanData> named(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
  }

  private static List<SpanData> children(List<SpanData> spans, SpanData parent) {
    return spans.stream().filter(s -> s.getParentSpanId().equals(parent.getSpanId()))
        .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos()))
        .collect(Collectors.toList());
  }
}
