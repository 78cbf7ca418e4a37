package dev.alloydb.jakarta.ra;

import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.InstanceMetricsMXBean;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Gauges in the server's vendor-scope MicroProfile Metrics registry, one set per instance of each connector, read
 * from the connector's live {@link InstanceMetricsMXBean}s at scrape time. Tags: the instance URI and the connector
 * id, as in the JMX names; never a secret.
 *
 * <p>The registry is reached through CDI, which works only on an application's thread (a connection request): until
 * then publishing is tried again at the next connection. It is asked for as an injection point's reference, not
 * with {@code CDI.select}: Payara's registry producer reads the scope from the injection point's annotations. MicroProfile Metrics and CDI are called by reflection only:
 * Payara 6 refuses to deploy a resource adapter whose classes name MicroProfile Metrics types (its metrics sniffer
 * then claims the archive as well as the connector sniffer).
 */
final class MicroProfileMetricsPublication implements MetricsPublication {
  private static final System.Logger LOG = System.getLogger(MicroProfileMetricsPublication.class.getName());
  static final String PREFIX = "alloydb.connector.";
  private static final String API = "org.eclipse.microprofile.metrics.";
  private static final String[] DIAL_FAILURE_CAUSES = {"admin_api_error", "tcp_error", "tls_error",
      "credentials_error", "mdx_error", "user_error"};

  /** Guarded by {@code this}. */
  private final Map<InstanceMetricsMXBean, List<Object>> published = new IdentityHashMap<>();
  /** Guarded by {@code this}; reflective handles, set with the registry. */
  private Object registry;
  private Class<?> tagType;
  private Method gauge;
  private Method remove;
  private Constructor<?> metricId;

  @Override
  public synchronized void publish(Connector connector) {
    try {
      List<InstanceMetricsMXBean> instances = connector.instanceMetrics();
      if (instances.stream().allMatch(published::containsKey)) {
        return;
      }
      if (registry == null) {
        lookUpRegistry();
      }
      for (InstanceMetricsMXBean metrics : instances) {
        if (!published.containsKey(metrics)) {
          published.put(metrics, register(metrics));
        }
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.log(Level.DEBUG, () -> "MicroProfile Metrics not reachable here (" + e.getClass().getSimpleName()
          + "); publishing again at the next connection");
    }
  }

  private void lookUpRegistry() throws ReflectiveOperationException {
    ClassLoader loader = MicroProfileMetricsPublication.class.getClassLoader();
    Class<?> registryType = Class.forName(API + "MetricRegistry", false, loader);
    Class<?> tag = Class.forName(API + "Tag", false, loader);
    Class<?> tags = Array.newInstance(tag, 0).getClass();
    Class<?> id = Class.forName(API + "MetricID", false, loader);
    String vendor = (String) registryType.getField("VENDOR_SCOPE").get(null);
    Annotation qualifier = registryScope(loader, vendor);
    Class<?> cdi = Class.forName("jakarta.enterprise.inject.spi.CDI", false, loader);
    Object current = cdi.getMethod("current").invoke(null);
    Object beans = cdi.getMethod("getBeanManager").invoke(current);
    Class<?> beanManager = Class.forName("jakarta.enterprise.inject.spi.BeanManager", false, loader);
    Class<?> injectionPoint = Class.forName("jakarta.enterprise.inject.spi.InjectionPoint", false, loader);
    Class<?> contextual = Class.forName("jakarta.enterprise.context.spi.Contextual", false, loader);
    Class<?> creationalContext = Class.forName("jakarta.enterprise.context.spi.CreationalContext", false, loader);
    Object context = beanManager.getMethod("createCreationalContext", contextual).invoke(beans, (Object) null);
    // Payara's registry producer reads the qualifier from the injection point's annotations, which a programmatic
    // lookup (CDI.select) leaves null: ask for the reference of an injection point that carries it.
    Object point = injectionPoint(loader, injectionPoint, registryType, qualifier);
    Object found = beanManager.getMethod("getInjectableReference", injectionPoint, creationalContext)
        .invoke(beans, point, context);
    tagType = tag;
    gauge = registryType.getMethod("gauge", String.class, Object.class, Function.class, tags);
    remove = registryType.getMethod("remove", id);
    metricId = id.getConstructor(String.class, tags);
    registry = found;
  }

  /** An injection point of type {@code type} qualified and annotated with {@code qualifier}, as a field would be. */
  private static Object injectionPoint(ClassLoader loader, Class<?> pointType, Class<?> type, Annotation qualifier)
      throws ClassNotFoundException {
    Class<?> annotatedType = Class.forName("jakarta.enterprise.inject.spi.Annotated", false, loader);
    Object annotated = Proxy.newProxyInstance(loader, new Class<?>[] {annotatedType}, (proxy, method, args) -> {
      switch (method.getName()) {
        case "getBaseType":
          return type;
        case "getTypeClosure":
          return java.util.Set.of(type, Object.class);
        case "getAnnotation":
          return args[0] == qualifier.annotationType() ? qualifier : null;
        case "getAnnotations":
          return java.util.Set.of(qualifier);
        case "isAnnotationPresent":
          return args[0] == qualifier.annotationType();
        case "hashCode":
          return System.identityHashCode(proxy);
        case "equals":
          return proxy == args[0];
        default:
          return "Annotated[" + type.getName() + "]";
      }
    });
    return Proxy.newProxyInstance(loader, new Class<?>[] {pointType}, (proxy, method, args) -> {
      switch (method.getName()) {
        case "getType":
          return type;
        case "getQualifiers":
          return java.util.Set.of(qualifier);
        case "getAnnotated":
          return annotated;
        case "isDelegate":
        case "isTransient":
          return false;
        case "hashCode":
          return System.identityHashCode(proxy);
        case "equals":
          return proxy == args[0];
        case "toString":
          return "InjectionPoint[" + type.getName() + " " + qualifier + "]";
        default:
          return null;
      }
    });
  }

  /** {@code @RegistryScope(scope = vendor)}, the qualifier of the server's vendor registry. */
  private static Annotation registryScope(ClassLoader loader, String scope) throws ClassNotFoundException {
    Class<?> type = Class.forName(API + "annotation.RegistryScope", false, loader);
    return (Annotation) Proxy.newProxyInstance(loader, new Class<?>[] {type}, (proxy, method, args) -> {
      switch (method.getName()) {
        case "scope":
          return scope;
        case "annotationType":
          return type;
        case "equals":
          return args[0] instanceof Annotation other && other.annotationType() == type
              && scope.equals(type.getMethod("scope").invoke(other));
        case "hashCode":
          return (127 * "scope".hashCode()) ^ scope.hashCode();
        default:
          return "@" + type.getName() + "(scope=\"" + scope + "\")";
      }
    });
  }

  private List<Object> register(InstanceMetricsMXBean metrics) throws ReflectiveOperationException {
    Object instance = tag("instance", metrics.getInstanceUri());
    Object connector = tag("connector", metrics.getConnectorId());
    List<Object> ids = new ArrayList<>();
    gauge(ids, "dial_count", metrics, InstanceMetricsMXBean::getDialCount, instance, connector);
    for (String cause : DIAL_FAILURE_CAUSES) {
      gauge(ids, "dial_failures", metrics, m -> m.getDialFailures().getOrDefault(cause, 0L), instance, connector,
          tag("cause", cause));
    }
    gauge(ids, "dial_latency_count", metrics, InstanceMetricsMXBean::getDialLatencyCount, instance, connector);
    gauge(ids, "dial_latency_sum_milliseconds", metrics, InstanceMetricsMXBean::getDialLatencySumMillis, instance,
        connector);
    gauge(ids, "open_connections", metrics, InstanceMetricsMXBean::getOpenConnections, instance, connector);
    gauge(ids, "refresh_successes", metrics, InstanceMetricsMXBean::getRefreshSuccesses, instance, connector);
    gauge(ids, "refresh_failures", metrics, m -> m.getRefreshFailures().values().stream()
        .mapToLong(Long::longValue).sum(), instance, connector);
    gauge(ids, "last_refresh_epoch_seconds", metrics, InstanceMetricsMXBean::getLastRefreshEpochSeconds, instance,
        connector);
    gauge(ids, "certificate_expiry_epoch_seconds", metrics,
        InstanceMetricsMXBean::getCertificateExpiryEpochSeconds, instance, connector);
    gauge(ids, "ready", metrics, m -> "READY".equals(m.getState()) ? 1 : 0, instance, connector);
    return ids;
  }

  private Object tag(String name, String value) throws ReflectiveOperationException {
    return tagType.getConstructor(String.class, String.class).newInstance(name, value);
  }

  private void gauge(List<Object> ids, String name, InstanceMetricsMXBean metrics,
      ToDoubleFunction<InstanceMetricsMXBean> read, Object... tags) throws ReflectiveOperationException {
    Object tagArray = Array.newInstance(tagType, tags.length);
    for (int i = 0; i < tags.length; i++) {
      Array.set(tagArray, i, tags[i]);
    }
    Function<InstanceMetricsMXBean, Double> value = read::applyAsDouble;
    invoke(gauge, PREFIX + name, metrics, value, tagArray);
    ids.add(metricId.newInstance(PREFIX + name, tagArray));
  }

  private void invoke(Method method, Object... args) throws ReflectiveOperationException {
    try {
      method.invoke(registry, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  @Override
  public synchronized void close() {
    if (registry != null) {
      for (List<Object> ids : published.values()) {
        for (Object id : ids) {
          try {
            invoke(remove, id);
          } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Could not remove " + id + ": " + e);
          }
        }
      }
    }
    published.clear();
    registry = null;
  }
}
