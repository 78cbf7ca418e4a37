package dev.alloydb.jakarta.connector.internal;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Exports one connector's metrics and spans through the global OpenTelemetry ({@link GlobalOpenTelemetry}): what
 * the application or an agent installed, a no-op otherwise. Counters and gauges are observed from
 * {@link InstanceMetrics} at collection time, so dials pay only for the latency histogram. Attributes: the instance
 * URI, the connector id, and a dial's or refresh's status; never a secret.
 */
final class OpenTelemetryExport implements OtelExport {
  static final String SCOPE = "dev.alloydb.jakarta.connector";
  static final AttributeKey<String> INSTANCE_URI = AttributeKey.stringKey("alloydb.instance_uri");
  static final AttributeKey<String> CONNECTOR_ID = AttributeKey.stringKey("alloydb.connector_id");
  static final AttributeKey<String> STATUS = AttributeKey.stringKey("status");
  static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("error_code");

  private final String connectorId;
  private final Tracer tracer;
  private final DoubleHistogram latency;
  private final List<AutoCloseable> callbacks = new ArrayList<>();
  private final Map<InstanceUri, Attributes> attributes = new ConcurrentHashMap<>();

  OpenTelemetryExport(String connectorId, Supplier<Collection<InstanceMetrics>> instances) {
    this.connectorId = connectorId;
    this.tracer = GlobalOpenTelemetry.getTracer(SCOPE);
    Meter meter = GlobalOpenTelemetry.getMeter(SCOPE);
    this.latency = meter.histogramBuilder("alloydb.connector.dial_latencies")
        .setUnit("ms").setDescription("Latency of successful dials")
        .setExplicitBucketBoundariesAdvice(boundaries()).build();
    callbacks.add(meter.counterBuilder("alloydb.connector.dial_count").setUnit("{dial}")
        .setDescription("Dial attempts by status: success or the failure's cause")
        .buildWithCallback(m -> instances.get().forEach(i -> dials(i, m))));
    callbacks.add(meter.upDownCounterBuilder("alloydb.connector.open_connections").setUnit("{connection}")
        .setDescription("Connections dialled and not closed yet")
        .buildWithCallback(m -> instances.get().forEach(i -> m.record(i.getOpenConnections(), of(i)))));
    callbacks.add(meter.counterBuilder("alloydb.connector.refresh_count").setUnit("{refresh}")
        .setDescription("Refreshes by status (success or failure) and the failure's Admin API code")
        .buildWithCallback(m -> instances.get().forEach(i -> refreshes(i, m))));
    callbacks.add(meter.gaugeBuilder("alloydb.connector.last_refresh_time").setUnit("s")
        .setDescription("When the last successful refresh ended, seconds since the epoch")
        .buildWithCallback(m -> instances.get().forEach(i -> epoch(i.lastRefresh(), i, m))));
    callbacks.add(meter.gaugeBuilder("alloydb.connector.certificate_expiry").setUnit("s")
        .setDescription("Expiry of the current client certificate, seconds since the epoch")
        .buildWithCallback(m -> instances.get().forEach(i -> epoch(i.certificateExpiry(), i, m))));
  }

  private static List<Double> boundaries() {
    List<Double> bounds = new ArrayList<>();
    for (double bound : InstanceMetrics.LATENCY_BOUNDS_MS) {
      bounds.add(bound);
    }
    return bounds;
  }

  private Attributes of(InstanceMetrics metrics) {
    return attributes.computeIfAbsent(metrics.instance(), instance -> Attributes.of(INSTANCE_URI,
        instance.toString(), CONNECTOR_ID, connectorId));
  }

  private void dials(InstanceMetrics metrics, ObservableLongMeasurement m) {
    Attributes base = of(metrics);
    m.record(metrics.dialSuccesses(), base.toBuilder().put(STATUS, "success").build());
    metrics.getDialFailures().forEach((cause, count) -> m.record(count, base.toBuilder().put(STATUS, cause).build()));
  }

  private void refreshes(InstanceMetrics metrics, ObservableLongMeasurement m) {
    Attributes base = of(metrics);
    m.record(metrics.getRefreshSuccesses(), base.toBuilder().put(STATUS, "success").build());
    metrics.getRefreshFailures().forEach((code, count) -> m.record(count,
        base.toBuilder().put(STATUS, "failure").put(ERROR_CODE, code).build()));
  }

  private void epoch(Instant at, InstanceMetrics metrics, ObservableDoubleMeasurement m) {
    if (at != null) {
      m.record(at.getEpochSecond() + at.getNano() / 1e9, of(metrics));
    }
  }

  @Override
  public Span startSpan(String name, InstanceUri instance, Span parent) {
    Context context = parent instanceof OtelSpan ? Context.current().with(((OtelSpan) parent).span)
        : Context.current();
    io.opentelemetry.api.trace.Span span = tracer.spanBuilder(name).setParent(context)
        .setSpanKind(parent == null ? SpanKind.CLIENT : SpanKind.INTERNAL)
        .setAttribute(INSTANCE_URI, instance.toString())
        .startSpan();
    return new OtelSpan(span);
  }

  @Override
  public void dialLatency(InstanceMetrics metrics, double millis) {
    latency.record(millis, of(metrics));
  }

  @Override
  public void close() {
    for (AutoCloseable callback : callbacks) {
      try {
        callback.close();
      } catch (Exception e) {
        // an SDK that fails to remove a callback leaves a stale series at worst
      }
    }
  }

  private static final class OtelSpan implements Span {
    final io.opentelemetry.api.trace.Span span;

    OtelSpan(io.opentelemetry.api.trace.Span span) {
      this.span = span;
    }

    @Override
    public void end(Throwable error) {
      if (error != null) {
        span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
      }
      span.end();
    }
  }
}
