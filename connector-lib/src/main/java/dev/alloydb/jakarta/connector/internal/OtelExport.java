package dev.alloydb.jakarta.connector.internal;

import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * The connector's OpenTelemetry export, in types of its own: the OpenTelemetry API is an optional dependency, and
 * only {@link OpenTelemetryExport} names its classes, so that class is loaded only when the API is on the class
 * path. {@link #NONE} when it is not, or when metrics are off.
 */
interface OtelExport extends AutoCloseable {
  OtelExport NONE = new OtelExport() {
    @Override
    public Span startSpan(String name, InstanceUri instance, Span parent) {
      return Span.NONE;
    }

    @Override
    public void dialLatency(InstanceMetrics metrics, double millis) {
    }

    @Override
    public void close() {
    }
  };

  /** A started span; {@link #end} once. */
  interface Span {
    Span NONE = error -> { };

    /** Ends the span, with an error status if {@code error} is not null (its type only: messages may be long). */
    void end(Throwable error);
  }

  /** Starts a span named {@code name} carrying the instance URI, child of {@code parent} or of the current context. */
  Span startSpan(String name, InstanceUri instance, Span parent);

  /** Records a successful dial's latency in the histogram. */
  void dialLatency(InstanceMetrics metrics, double millis);

  /** Stops the metric callbacks. */
  @Override
  void close();

  /** The OpenTelemetry export of one connector if the API is on the class path, else {@link #NONE}. */
  static OtelExport create(String connectorId, Supplier<Collection<InstanceMetrics>> instances) {
    try {
      Class.forName("io.opentelemetry.api.GlobalOpenTelemetry", false, OtelExport.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return NONE;
    }
    try {
      return new OpenTelemetryExport(connectorId, instances);
    } catch (RuntimeException | LinkageError e) {
      System.getLogger(OtelExport.class.getName()).log(Level.WARNING, () -> "The OpenTelemetry API is on the class"
          + " path but unusable (" + e + "); the connector exports through JMX only");
      return NONE;
    }
  }
}
