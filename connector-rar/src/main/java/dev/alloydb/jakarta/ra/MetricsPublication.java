package dev.alloydb.jakarta.ra;

import dev.alloydb.jakarta.connector.Connector;

/**
 * Publishes the adapter's connectors' metrics in the server's MicroProfile Metrics, when the server has it: only
 * {@link MicroProfileMetricsPublication} names its classes, so without them the adapter loads and runs the same
 * (its connectors' metrics stay in JMX). Thread-safe.
 */
interface MetricsPublication {
  MetricsPublication NONE = new MetricsPublication() {
    @Override
    public void publish(Connector connector) {
    }

    @Override
    public void close() {
    }
  };

  /** Publishes the instances of {@code connector} not published yet; never throws. */
  void publish(Connector connector);

  /** Removes everything published, so that nothing in the server's registry keeps the adapter loaded. */
  void close();

  /** A publication into MicroProfile Metrics if its API and CDI are visible to the adapter, else {@link #NONE}. */
  static MetricsPublication create() {
    ClassLoader loader = MetricsPublication.class.getClassLoader();
    try {
      Class.forName("org.eclipse.microprofile.metrics.MetricRegistry", false, loader);
      Class.forName("jakarta.enterprise.inject.spi.CDI", false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return NONE;
    }
    return new MicroProfileMetricsPublication();
  }
}
