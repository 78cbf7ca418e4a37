package dev.alloydb.jakarta.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alloydb.jakarta.emulator.AdminCall;
import dev.alloydb.jakarta.emulator.ProxyConnection;
import jakarta.resource.ResourceException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The parity options reach the emulator through the adapter: from MicroProfile Config and as pool properties. */
class AdapterParityTest {
  private static AdapterFixture fixture;

  @BeforeAll
  static void start() throws ResourceException {
    fixture = new AdapterFixture();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void reset() {
    fixture.emulator.faults().reset();
    fixture.emulator.counters().reset();
  }

  @Test
  void userAgentFromMicroProfileConfigFollowsTheAdaptersOwn() throws Exception {
    ManagedConnectionFactoryImpl factory = fixture.factory(Map.of("alloydb.user-agent", "orders-service/2.1"));
    assertThat(currentUser(factory)).isEqualTo(fixture.emulator.passwordUser());

    assertThat(fixture.emulator.counters().awaitProxyConnections(1, Duration.ofSeconds(30)))
        .extracting(ProxyConnection::userAgent).singleElement().asString()
        .startsWith("alloydb-jakarta-connector/").endsWith(" jakarta-ra orders-service/2.1");
    assertThat(fixture.emulator.counters().adminCallLog()).extracting(AdminCall::userAgent)
        .allSatisfy(agent -> assertThat(agent).contains(" jakarta-ra orders-service/2.1"));
  }

  @Test
  void iamLoginCredentialsPoolPropertyLogsInAsTheSecondAccount() throws Exception {
    ManagedConnectionFactoryImpl factory = fixture.passwordFactory();
    factory.setEnableIamAuth("true");
    factory.setUser(fixture.emulator.impersonationTargetIamUser());
    factory.setIamLoginCredentialsFile(fixture.emulator.impersonationTargetCredentialsFile().toString());

    assertThat(currentUser(factory)).isEqualTo(fixture.emulator.impersonationTargetIamUser());
    assertThat(fixture.emulator.counters().adminCallLog()).isNotEmpty().extracting(AdminCall::principal)
        .containsOnly(fixture.emulator.serviceAccountEmail());
  }

  private static String currentUser(ManagedConnectionFactoryImpl factory) throws ResourceException, SQLException {
    ManagedConnectionImpl managed = (ManagedConnectionImpl) factory.createManagedConnection(null, null);
    try (Statement s = managed.physicalConnection().createStatement();
        ResultSet rs = s.executeQuery("select current_user")) {
      rs.next();
      return rs.getString(1);
    } finally {
      managed.destroy();
    }
  }
}
