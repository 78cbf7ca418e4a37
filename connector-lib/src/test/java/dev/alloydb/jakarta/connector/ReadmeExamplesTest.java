package dev.alloydb.jakarta.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.alloydb.jakarta.connector.internal.EmulatorSupport;
import dev.alloydb.jakarta.emulator.AlloyDbEmulator;
import dev.alloydb.jakarta.emulator.ProxyConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's examples against the emulator. The code below is the README's, character for character apart
 * from indentation: {@link #readmeSnippetsAreTheCodeThatRuns()} fails when the two drift apart.
 */
class ReadmeExamplesTest {
  private final AlloyDbEmulator emulator = EmulatorSupport.emulator();
  private final Path credentialsPath = emulator.credentialsFile();
  private final String adminEndpoint = emulator.adminApiRestEndpoint();
  private final String instanceUri = EmulatorSupport.instanceUri();
  private final String user = emulator.passwordUser();
  private final String password = emulator.password();
  private final String iamUser = emulator.iamUser();

  @BeforeEach
  @AfterEach
  void reset() {
    EmulatorSupport.resetEmulator();
    ConnectorRegistry.reset();
  }

  @Test
  void javaApiExamples() throws Exception {
    ConnectorConfig config = ConnectorConfig.builder()
        .ipType(IpType.PRIVATE)                       // the default; PUBLIC and PSC as well
        .refreshStrategy(RefreshStrategy.BACKGROUND)  // the default; LAZY for CPU-throttled hosts
        .credentialsFile(credentialsPath)             // optional: Application Default Credentials otherwise
        .adminServiceEndpoint(adminEndpoint)          // optional: the local emulator or a private endpoint
        .build();

    try (Connector connector = Connector.create(config)) {
      Properties info = new Properties();
      info.setProperty("user", user);
      info.setProperty("password", password);
      info.setProperty("database", "postgres");
      try (Connection connection = connector.connect(instanceUri, info);
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("select current_user")) {
        rs.next();
        System.out.println("connected as " + rs.getString(1));
      }
    }

    try (Connector connector = Connector.create(config)) {
      Properties info = new Properties();
      info.setProperty("user", iamUser);
      info.setProperty("enableIamAuth", "true");
      info.setProperty("ipType", "PSC");
      try (Connection connection = connector.connect(instanceUri, info)) {
        System.out.println("valid: " + connection.isValid(5));
      }
    }

    try (AsyncConnector connector = AsyncConnector.create(config)) {
      Properties info = new Properties();
      info.setProperty("user", user);
      info.setProperty("password", password);
      CompletionStage<Connection> pending = connector.connect(instanceUri, info);
      try (Connection connection = pending.toCompletableFuture().get(30, TimeUnit.SECONDS)) {
        System.out.println("valid: " + connection.isValid(5));
      }
    }

    assertThat(emulator.counters().proxyConnections()).extracting(ProxyConnection::databaseUser)
        .containsExactly(user, iamUser, user);
  }

  @Test
  void jdbcExamples() throws Exception {
    Properties props = new Properties();
    props.setProperty("socketFactory", "dev.alloydb.jakarta.connector.SocketFactory");
    props.setProperty("alloydbInstanceName", instanceUri);
    props.setProperty("alloydbGoogleCredentialsPath", credentialsPath.toString()); // optional: ADC otherwise
    props.setProperty("alloydbAdminServiceEndpoint", adminEndpoint);               // optional
    props.setProperty("sslmode", "disable");
    props.setProperty("user", user);
    props.setProperty("password", password);
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql:///postgres", props)) {
      System.out.println("valid: " + connection.isValid(5));
    }

    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl("jdbc:postgresql:///postgres");
    hikari.setUsername(iamUser);
    hikari.addDataSourceProperty("socketFactory", "dev.alloydb.jakarta.connector.SocketFactory");
    hikari.addDataSourceProperty("alloydbInstanceName", instanceUri);
    hikari.addDataSourceProperty("alloydbEnableIAMAuth", "true");
    hikari.addDataSourceProperty("alloydbIpType", "PUBLIC");
    hikari.addDataSourceProperty("alloydbGoogleCredentialsPath", credentialsPath.toString());
    hikari.addDataSourceProperty("alloydbAdminServiceEndpoint", adminEndpoint);
    hikari.addDataSourceProperty("sslmode", "disable");
    try (HikariDataSource pool = new HikariDataSource(hikari);
        Connection connection = pool.getConnection()) {
      System.out.println("valid: " + connection.isValid(5));
    }

    ConnectorConfig config = ConnectorConfig.builder().credentialsFile(credentialsPath)
        .adminServiceEndpoint(adminEndpoint).build();
    ConnectorRegistry.register("orders-db", config);
    Properties named = new Properties();
    named.setProperty("socketFactory", "dev.alloydb.jakarta.connector.SocketFactory");
    named.setProperty("alloydbNamedConnector", "orders-db");
    named.setProperty("alloydbInstanceName", instanceUri);
    named.setProperty("sslmode", "disable");
    named.setProperty("user", user);
    named.setProperty("password", password);
    try (Connection connection = DriverManager.getConnection("jdbc:postgresql:///postgres", named)) {
      System.out.println("valid: " + connection.isValid(5));
    } finally {
      ConnectorRegistry.close("orders-db");
    }

    assertThat(emulator.counters().proxyConnections()).extracting(ProxyConnection::databaseUser)
        .contains(user, iamUser).allMatch(u -> u.equals(user) || u.equals(iamUser));
  }

  @Test
  void readmeSnippetsAreTheCodeThatRuns() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    String sections = readme.substring(readme.indexOf("## Java API"), readme.indexOf("## Deploying on Payara"));
    List<String> snippets = new ArrayList<>();
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(sections);
    while (m.find()) {
      snippets.add(m.group(1));
    }
    assertThat(snippets).hasSize(7);
    String source = normalize(Files.readString(
        Path.of("src/test/java/dev/alloydb/jakarta/connector/ReadmeExamplesTest.java")));
    for (String snippet : snippets) {
      assertThat(source).as("README snippet present in this test").contains(normalize(snippet));
    }
  }

  private static String normalize(String code) {
    return code.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
  }
}
