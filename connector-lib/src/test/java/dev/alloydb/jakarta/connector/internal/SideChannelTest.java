package dev.alloydb.jakarta.connector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.GoogleCredentials;
import dev.alloydb.jakarta.connector.Connector;
import dev.alloydb.jakarta.connector.ConnectorConfigException;
import dev.alloydb.jakarta.connector.ConnectorRegistry;
import dev.alloydb.jakarta.connector.SocketFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No side channel into the connector: JDBC properties cannot pick another application's connector by a guessed
 * value, an OAuth2 token never travels to a non-loopback endpoint in clear text, a credentials file cannot name an
 * arbitrary credential type, and starting a shared connector holds no JVM-wide lock.
 */
class SideChannelTest {
  @AfterEach
  void reset() {
    ConnectorRegistry.reset();
  }

  @Test
  void aGuessedConnectorIdInTheJdbcPropertiesSelectsNoLiveConnector() throws Exception {
    try (Connector live = Connector.create(EmulatorSupport.config().build())) {
      for (int id = 0; id < 5000; id++) {
        Properties props = new Properties();
        props.setProperty(SocketFactory.INSTANCE_NAME, EmulatorSupport.instanceUri());
        props.setProperty(SocketFactory.GOOGLE_CREDENTIALS_PATH, "/nonexistent/guess.json");
        props.setProperty("alloydbConnectorId", Integer.toString(id));
        props.setProperty("alloydbSocketTicket", Integer.toString(id));
        assertThatThrownBy(() -> new SocketFactory(props)).as("connector id %d", id)
            .isInstanceOf(ConnectorConfigException.class).hasMessageContaining("/nonexistent/guess.json");
      }
    }
  }

  @Test
  void aPlainHttpAdminEndpointMustBeLoopback() {
    for (String endpoint : new String[] {"http://10.1.2.3:8080", "http://alloydb.example.com",
        "http://[2001:db8::1]:80"}) {
      assertThatThrownBy(() -> Connector.create(EmulatorSupport.config().adminServiceEndpoint(endpoint).build()))
          .as(endpoint).isInstanceOf(ConnectorConfigException.class).hasMessageContaining(endpoint)
          .hasMessageContaining("http:// only for a loopback address");
    }
    for (String endpoint : new String[] {"http://127.0.0.1:1", "http://localhost:1", "http://[::1]:1"}) {
      Connector.create(EmulatorSupport.config().adminServiceEndpoint(endpoint).build()).close();
    }
  }

  @Test
  void aCredentialsFileOfAnotherTypeIsRefused() throws Exception {
    Path file = Files.createTempFile("external", ".json");
    Files.writeString(file, "{\"type\": \"external_account\", \"audience\": \"//iam.googleapis.com/x\","
        + " \"subject_token_type\": \"urn:ietf:params:oauth:token-type:jwt\","
        + " \"token_url\": \"https://sts.googleapis.com/v1/token\","
        + " \"credential_source\": {\"file\": \"/tmp/token\"}}");
    try {
      assertThatThrownBy(() -> Connector.create(EmulatorSupport.config().credentialsFile(file).build()))
          .isInstanceOf(ConnectorConfigException.class).hasMessageContaining("external_account")
          .hasMessageContaining("service_account, authorized_user or impersonated_service_account");
    } finally {
      Files.delete(file);
    }
  }

  @Test
  void startingASharedConnectorHoldsNoJvmWideLock() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    // Two threads of the test's own: runAsync's default executor is the common pool, which has a single worker on
    // a 2-core machine from JDK 19 on, so the blocked registration would hold back the other one by itself.
    ExecutorService registrations = Executors.newFixedThreadPool(2);
    try {
      CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> ConnectorRegistry.register("slow",
          EmulatorSupport.config().credentialsFile(null).credentialsSupplier(() -> {
            try {
              release.await();
              return GoogleCredentials.fromStream(Files.newInputStream(EmulatorSupport.emulator().credentialsFile()));
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }).build()), registrations);
      try {
        Thread.sleep(200);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> ConnectorRegistry.register("other",
            EmulatorSupport.config().build()), registrations);
        other.get(20, TimeUnit.SECONDS);
        assertThat(slow).as("the slow registration is still loading its credentials").isNotDone();
      } finally {
        release.countDown();
        slow.get(20, TimeUnit.SECONDS);
      }
    } finally {
      registrations.shutdownNow();
    }
  }
}
