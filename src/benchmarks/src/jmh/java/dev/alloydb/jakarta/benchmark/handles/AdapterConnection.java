package dev.alloydb.jakarta.benchmark.handles;

import dev.alloydb.jakarta.testkit.jca.ExecutorWorkManager;
import dev.alloydb.jakarta.testkit.jca.TestBootstrapContext;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * One managed connection of the resource adapter, made the way a server makes it: the adapter's classes come from
 * the jar inside the built .rar, the factory is configured through its JavaBean properties, and the application's
 * {@link #handle()} comes from {@code ManagedConnection.getConnection}. {@link #physical()} is pgjdbc's connection
 * behind that handle (reached through {@code unwrap}, which the handle leaves to pgjdbc), so both sides of the
 * comparison run on one physical connection.
 */
final class AdapterConnection implements AutoCloseable {

  private static final String ADAPTER = "dev.alloydb.jakarta.ra.ResourceAdapterImpl";
  private static final String FACTORY = "dev.alloydb.jakarta.ra.outbound.ManagedConnectionFactoryImpl";

  private final URLClassLoader loader;
  private final ExecutorWorkManager workManager;
  private final ResourceAdapter adapter;
  private final ManagedConnection managed;
  private final Connection handle;
  private final Connection physical;

  private AdapterConnection(URLClassLoader loader, ExecutorWorkManager workManager, ResourceAdapter adapter,
      ManagedConnection managed, Connection handle, Connection physical) {
    this.loader = loader;
    this.workManager = workManager;
    this.adapter = adapter;
    this.managed = managed;
    this.handle = handle;
    this.physical = physical;
  }

  static AdapterConnection open(BenchmarkTarget target) throws ReflectiveOperationException, ResourceException,
      SQLException, IOException {
    URLClassLoader loader = new URLClassLoader(new URL[] {target.adapterJar().toUri().toURL()},
        AdapterConnection.class.getClassLoader());
    ExecutorWorkManager workManager = new ExecutorWorkManager();
    ResourceAdapter adapter = (ResourceAdapter) instantiate(loader, ADAPTER);
    adapter.start(new TestBootstrapContext(workManager));
    try {
      ManagedConnectionFactory factory = (ManagedConnectionFactory) instantiate(loader, FACTORY);
      for (Map.Entry<String, String> property : target.poolProperties().entrySet()) {
        String setter = "set" + Character.toUpperCase(property.getKey().charAt(0)) + property.getKey().substring(1);
        factory.getClass().getMethod(setter, String.class).invoke(factory, property.getValue());
      }
      ((ResourceAdapterAssociation) factory).setResourceAdapter(adapter);
      ManagedConnection managed = factory.createManagedConnection(null, null);
      Connection handle = (Connection) managed.getConnection(null, null);
      Connection physical = (Connection) handle.unwrap(PGConnection.class);
      if (!physical.getClass().getName().startsWith("org.postgresql.")) {
        throw new IllegalStateException("unwrap gave " + physical.getClass() + ", not pgjdbc's connection");
      }
      return new AdapterConnection(loader, workManager, adapter, managed, handle, physical);
    } catch (ReflectiveOperationException | ResourceException | SQLException | RuntimeException e) {
      adapter.stop();
      workManager.close();
      loader.close();
      throw e;
    }
  }

  /** The application's connection handle. */
  Connection handle() {
    return handle;
  }

  /** pgjdbc's connection behind {@link #handle()}. */
  Connection physical() {
    return physical;
  }

  @Override
  public void close() throws ResourceException, SQLException, IOException {
    try {
      handle.close();
      managed.cleanup();
      managed.destroy();
    } finally {
      adapter.stop();
      workManager.close();
      loader.close();
    }
  }

  private static Object instantiate(ClassLoader loader, String name) throws ReflectiveOperationException {
    try {
      return loader.loadClass(name).getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("cannot create " + name, e.getCause());
    }
  }
}
