package dev.alloydb.jakarta.connector.internal;

import dev.alloydb.jakarta.connector.ConnectorConfig;
import dev.alloydb.jakarta.connector.SocketFactory;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import java.time.Duration;
import java.util.Properties;

/** Shared test wiring: the JVM's emulator and connector settings pointing at it. */
public final class EmulatorSupport {
  private EmulatorSupport() {
  }

  public static AlloyDbEmulator emulator() {
    return AlloyDbEmulator.shared();
  }

  /** A config using the emulator's REST Admin API and its service-account credentials file. */
  public static ConnectorConfig.Builder config() {
    AlloyDbEmulator emulator = emulator();
    return ConnectorConfig.builder()
        .adminServiceEndpoint(emulator.adminApiRestEndpoint())
        .credentialsFile(emulator.credentialsFile())
        .connectTimeout(Duration.ofSeconds(5))
        .handshakeTimeout(Duration.ofSeconds(5))
        .refreshTimeout(Duration.ofSeconds(10));
  }

  /** Socket factory properties for {@code emulator}'s first instance, its REST Admin API and its credentials file. */
  public static Properties socketFactoryProperties(AlloyDbEmulator emulator) {
    Properties p = new Properties();
    p.setProperty("socketFactory", SocketFactory.class.getName());
    p.setProperty("sslmode", "disable");
    p.setProperty(SocketFactory.INSTANCE_NAME, emulator.instance().uri());
    p.setProperty(SocketFactory.ADMIN_SERVICE_ENDPOINT, emulator.adminApiRestEndpoint());
    p.setProperty(SocketFactory.GOOGLE_CREDENTIALS_PATH, emulator.credentialsFile().toString());
    return p;
  }

  public static String instanceUri() {
    return emulator().instance().uri();
  }

  public static Properties passwordLogin() {
    return emulator().passwordLogin();
  }

  public static Properties iamLogin() {
    Properties info = new Properties();
    info.setProperty("user", emulator().iamUser());
    info.setProperty("enableIamAuth", "true");
    return info;
  }

  /** Resets faults and counters of the shared emulator. */
  public static void resetEmulator() {
    emulator().faults().reset();
    emulator().counters().reset();
  }
}
