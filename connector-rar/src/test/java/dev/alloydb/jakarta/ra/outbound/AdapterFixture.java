package dev.alloydb.jakarta.ra.outbound;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.testkit.jca.ExecutorWorkManager;
import dev.alloydb.jakarta.ra.ResourceAdapterImpl;
import dev.alloydb.jakarta.testkit.jca.TestBootstrapContext;
import jakarta.resource.ResourceException;
import java.util.Map;
import java.util.Optional;

/** A started adapter on a test work manager, and factories pointed at the shared emulator. */
final class AdapterFixture implements AutoCloseable {

  final AlloyDbEmulator emulator = AlloyDbEmulator.shared();
  final ExecutorWorkManager workManager = new ExecutorWorkManager();
  final ResourceAdapterImpl adapter = new ResourceAdapterImpl();

  AdapterFixture() throws ResourceException {
    adapter.start(new TestBootstrapContext(workManager));
  }

  /** A factory for password logins with every property explicit and no MicroProfile Config. */
  ManagedConnectionFactoryImpl passwordFactory() throws ResourceException {
    return factory(Map.of());
  }

  /** Like {@link #passwordFactory()}, with a MicroProfile-Config stand-in for unset properties. */
  ManagedConnectionFactoryImpl factory(Map<String, String> config) throws ResourceException {
    ManagedConnectionFactoryImpl factory = new ManagedConnectionFactoryImpl(key -> Optional.ofNullable(config.get(key)));
    configure(factory);
    return factory;
  }

  void configure(ManagedConnectionFactoryImpl factory) throws ResourceException {
    factory.setInstanceUri(emulator.instance().uri());
    factory.setUser(emulator.passwordUser());
    factory.setPassword(emulator.password());
    factory.setAdminServiceEndpoint(emulator.adminApiRestEndpoint());
    factory.setCredentialsFile(emulator.credentialsFile().toString());
    factory.setResourceAdapter(adapter);
  }

  @Override
  public void close() {
    adapter.stop();
    workManager.close();
  }
}
