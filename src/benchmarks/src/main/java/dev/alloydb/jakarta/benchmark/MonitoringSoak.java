package dev.alloydb.jakarta.benchmark;

import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import io.grpc.Status;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

/**
 * A short soak for the README's monitoring chart: one connector connects five times a second to an emulator whose
 * client certificates live {@value #CERT_SECONDS} s, and the Admin API answers UNAVAILABLE for
 * {@value #OUTAGE_SECONDS} s in the middle. Every second it reads the connector's instance MBean (what an operator
 * would scrape) and at the end writes the samples as CSV and as an SVG of dials, refreshes and certificate expiry.
 *
 * <p>Run: {@code ./mvnw -B -Pbenchmark -pl src/benchmarks -am clean verify -DskipTests
 * -Dbenchmark.main=dev.alloydb.jakarta.benchmark.MonitoringSoak}; output in {@code src/docs/monitoring}.
 */
public final class MonitoringSoak {
  static final int CERT_SECONDS = 60;
  static final int OUTAGE_START = 60;
  static final int OUTAGE_SECONDS = 90;
  static final int TOTAL_SECONDS = 270;

  private MonitoringSoak() {
  }

  /** One sample of the instance MBean, {@code second} seconds into the soak. */
  record Sample(int second, long dials, long dialFailures, long refreshes, long refreshFailures,
      long certificateSecondsLeft, String state) {
  }

  public static void main(String[] args) throws Exception {
    Logger.getLogger("").setLevel(Level.SEVERE);
    Path out = Path.of(System.getProperty("benchmark.results", "src/docs/benchmarks")).toAbsolutePath().getParent()
        .resolve("monitoring");
    Files.createDirectories(out);
    List<Sample> samples = new ArrayList<>();
    try (AlloyDbEmulator emulator = AlloyDbEmulator.builder().start()) {
      emulator.faults().clientCertificateLifetime(Duration.ofSeconds(CERT_SECONDS));
      String uri = emulator.instance().uri();
      try (Connector connector = Connector.create(ConnectorConfig.builder()
          .adminServiceEndpoint(emulator.adminApiRestEndpoint()).credentialsFile(emulator.credentialsFile())
          .refreshTimeout(Duration.ofSeconds(5)).build())) {
        long start = System.nanoTime();
        int nextSample = 0;
        while (nextSample <= TOTAL_SECONDS) {
          int second = (int) ((System.nanoTime() - start) / 1_000_000_000L);
          emulator.faults().adminError(second >= OUTAGE_START && second < OUTAGE_START + OUTAGE_SECONDS
              ? Status.Code.UNAVAILABLE : null);
          try (Connection c = connector.connect(uri, emulator.passwordLogin())) {
            c.isValid(5);
          } catch (java.sql.SQLException expected) {
            // counted by the connector: the chart shows it
          }
          if (second >= nextSample) {
            samples.add(sample(nextSample));
            nextSample++;
          }
          Thread.sleep(200);
        }
      }
    }
    Files.writeString(out.resolve("soak.csv"), csv(samples));
    Files.writeString(out.resolve("soak.svg"), svg(samples));
    System.out.println("Monitoring soak: " + samples.size() + " samples in " + out);
    System.exit(0);
  }

  private static Sample sample(int second) throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = server.queryNames(new ObjectName("dev.alloydb.jakarta:type=ConnectorInstance,*"), null)
        .iterator().next();
    long expiry = (Long) server.getAttribute(name, "CertificateExpiryEpochSeconds");
    return new Sample(second, (Long) server.getAttribute(name, "DialCount"),
        sum(server.getAttribute(name, "DialFailures")), (Long) server.getAttribute(name, "RefreshSuccesses"),
        sum(server.getAttribute(name, "RefreshFailures")),
        expiry == 0 ? 0 : Math.max(0, expiry - Instant.now().getEpochSecond()),
        (String) server.getAttribute(name, "State"));
  }

  private static long sum(Object tabular) {
    long total = 0;
    for (Object row : ((TabularData) tabular).values()) {
      total += (Long) ((CompositeData) row).get("value");
    }
    return total;
  }

  static String csv(List<Sample> samples) {
    StringBuilder csv = new StringBuilder("second,dials,dial_failures,refreshes,refresh_failures,"
        + "certificate_seconds_left,state\n");
    for (Sample s : samples) {
      csv.append(s.second()).append(',').append(s.dials()).append(',').append(s.dialFailures()).append(',')
          .append(s.refreshes()).append(',').append(s.refreshFailures()).append(',')
          .append(s.certificateSecondsLeft()).append(',').append(s.state()).append('\n');
    }
    return csv.toString();
  }

  /** Three stacked panels sharing the time axis, the outage shaded. Plain SVG. */
  static String svg(List<Sample> samples) {
    int width = 900;
    int left = 70;
    int plot = width - left - 160;
    int panel = 150;
    int gap = 50;
    int top = 50;
    StringBuilder svg = new StringBuilder();
    int height = top + 3 * (panel + gap) + 10;
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " font-family=\"sans-serif\" font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
        width, height));
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\">Connector metrics over a %d s"
        + " soak: %d s client certificates, Admin API UNAVAILABLE from %d s to %d s</text>%n", left, TOTAL_SECONDS,
        CERT_SECONDS, OUTAGE_START, OUTAGE_START + OUTAGE_SECONDS));
    String[][] series = {
        {"dials (cumulative)", "#1565c0", "dials"}, {"failed dials", "#c62828", "dialFailures"},
        {"refreshes (cumulative)", "#2e7d32", "refreshes"}, {"failed refreshes", "#c62828", "refreshFailures"},
        {"certificate time left (s)", "#6a1b9a", "certificateSecondsLeft"}};
    int[][] panels = {{0, 1}, {2, 3}, {4}};
    for (int p = 0; p < panels.length; p++) {
      int y0 = top + p * (panel + gap);
      long max = 1;
      for (int index : panels[p]) {
        for (Sample s : samples) {
          max = Math.max(max, value(s, series[index][2]));
        }
      }
      double x1 = left + plot * OUTAGE_START / (double) TOTAL_SECONDS;
      double x2 = left + plot * (OUTAGE_START + OUTAGE_SECONDS) / (double) TOTAL_SECONDS;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
          + " fill=\"#ffcdd2\" opacity=\"0.5\"/>%n", x1, y0, x2 - x1, panel));
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
          + " stroke=\"#90a4ae\"/>%n", left, y0, plot, panel));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>%n", left - 6,
          y0 + 10, max));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n", left - 6,
          y0 + panel));
      int legend = 0;
      for (int index : panels[p]) {
        StringBuilder points = new StringBuilder();
        for (Sample s : samples) {
          points.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + plot * s.second() / (double) TOTAL_SECONDS,
              y0 + panel - panel * value(s, series[index][2]) / (double) max));
        }
        svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\""
            + " points=\"%s\"/>%n", series[index][1], points.toString().trim()));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n", left + plot + 10,
            y0 + 16 + 18 * legend++, series[index][1], series[index][0]));
      }
    }
    int axis = top + 2 * (panel + gap) + panel + 18;
    for (int t = 0; t <= TOTAL_SECONDS; t += 30) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d s</text>%n",
          left + plot * t / (double) TOTAL_SECONDS, axis, t));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static long value(Sample s, String field) {
    return switch (field) {
      case "dials" -> s.dials();
      case "dialFailures" -> s.dialFailures();
      case "refreshes" -> s.refreshes();
      case "refreshFailures" -> s.refreshFailures();
      default -> s.certificateSecondsLeft();
    };
  }
}
