package dev.alloydb.jakarta.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.emulator.ProxyConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The single jar ({@code connector-lib-VERSION-all.jar}) as a server's own JDBC pool uses it (src/docs/artifacts.md):
 * a class loader that sees pgjdbc and that jar and nothing of the build's class path loads pgjdbc's driver, which
 * loads the socket factory by name from the jar and connects to the emulator.
 */
class SingleJarIT {
  @Test
  void pgjdbcAndTheSingleJarAloneConnectThroughTheSocketFactory() throws Exception {
    Path allJar = Path.of(System.getProperty("alloydb.connector.all-jar"));
    Path pgjdbc = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (JarFile jar = new JarFile(allJar.toFile())) {
      // The server's pool brings the driver: a second copy here could load the socket factory in another loader.
      assertThat(jar.stream().map(JarEntry::getName)).noneMatch(name -> name.startsWith("org/postgresql/"));
      assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
          .isEqualTo("dev.alloydb.jakarta.connector");
    }

    AlloyDbEmulator emulator = AlloyDbEmulator.shared();
    emulator.counters().reset();
    Properties props = emulator.passwordLogin();
    props.setProperty("socketFactory", "dev.alloydb.jakarta.connector.SocketFactory");
    props.setProperty("alloydbInstanceName", emulator.instance().uri());
    props.setProperty("alloydbGoogleCredentialsPath", emulator.credentialsFile().toString());
    props.setProperty("alloydbAdminServiceEndpoint", emulator.adminApiRestEndpoint());
    props.setProperty("sslmode", "disable");

    // The parent is the platform loader (java.sql and the JDK), not the application loader with the build's jars.
    URL[] urls = {pgjdbc.toUri().toURL(), allJar.toUri().toURL()};
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader server = new URLClassLoader("server-pool", urls, ClassLoader.getPlatformClassLoader())) {
      thread.setContextClassLoader(server);
      try {
        Driver driver = (Driver) server.loadClass("org.postgresql.Driver").getDeclaredConstructor().newInstance();
        try (Connection connection = driver.connect("jdbc:postgresql:///postgres", props);
            Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery("select current_user")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo(emulator.passwordUser());
        }
        Class<?> socketFactory = server.loadClass("dev.alloydb.jakarta.connector.SocketFactory");
        assertThat(socketFactory.getClassLoader()).isSameAs(server);
        assertThat(Path.of(socketFactory.getProtectionDomain().getCodeSource().getLocation().toURI()))
            .isEqualTo(allJar);
      } finally {
        server.loadClass("dev.alloydb.jakarta.connector.ConnectorRegistry").getMethod("reset").invoke(null);
        thread.setContextClassLoader(previous);
      }
    }
    // The connection went through the connector: the emulator's proxy accepted its client certificate.
    assertThat(emulator.counters().proxyConnections())
        .anySatisfy(p -> assertThat(p.outcome()).isEqualTo(ProxyConnection.Outcome.ACCEPTED));
  }
}
