package dev.alloydb.jakarta.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alloydb.jakarta.connector.ConnectorConfigException;
import dev.alloydb.jakarta.connector.ConnectorOption;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import jakarta.resource.spi.security.PasswordCredential;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javax.security.auth.Subject;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Configuration, equality and connection creation of the managed connection factory (Connectors 2.1, 6.5.3). */
class ManagedConnectionFactoryImplTest {

  private static AdapterFixture fixture;

  @BeforeAll
  static void startAdapter() throws ResourceException {
    fixture = new AdapterFixture();
  }

  @AfterAll
  static void stopAdapter() {
    fixture.close();
  }

  static Stream<Arguments> properties() {
    return Stream.of(
        Arguments.of("instanceUri", setter(ManagedConnectionFactoryImpl::setInstanceUri)),
        Arguments.of("ipType", setter(ManagedConnectionFactoryImpl::setIpType)),
        Arguments.of("enableIamAuth", setter(ManagedConnectionFactoryImpl::setEnableIamAuth)),
        Arguments.of("user", setter(ManagedConnectionFactoryImpl::setUser)),
        Arguments.of("password", setter(ManagedConnectionFactoryImpl::setPassword)),
        Arguments.of("database", setter(ManagedConnectionFactoryImpl::setDatabase)),
        Arguments.of("refreshStrategy", setter(ManagedConnectionFactoryImpl::setRefreshStrategy)),
        Arguments.of("adminServiceEndpoint", setter(ManagedConnectionFactoryImpl::setAdminServiceEndpoint)),
        Arguments.of("quotaProject", setter(ManagedConnectionFactoryImpl::setQuotaProject)),
        Arguments.of("credentialsFile", setter(ManagedConnectionFactoryImpl::setCredentialsFile)),
        Arguments.of("targetPrincipal", setter(ManagedConnectionFactoryImpl::setTargetPrincipal)),
        Arguments.of("delegates", setter(ManagedConnectionFactoryImpl::setDelegates)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("properties")
  void everyConfigPropertyTakesPartInEquality(String name, BiConsumer<ManagedConnectionFactoryImpl, String> set)
      throws ResourceException {
    ManagedConnectionFactoryImpl first = fixture.passwordFactory();
    ManagedConnectionFactoryImpl second = fixture.passwordFactory();
    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);

    set.accept(second, "changed-" + name);

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void everyOptionIsAConfigPropertyOfTheFactoryAndOnlySecretsAreConfidential() throws Exception {
    ManagedConnectionFactoryImpl factory = new ManagedConnectionFactoryImpl(key -> Optional.empty());
    for (ConnectorOption<?> option : ConnectorOption.all()) {
      String bean = Character.toUpperCase(option.name().charAt(0)) + option.name().substring(1);
      Method setter = ManagedConnectionFactoryImpl.class.getMethod("set" + bean, String.class);
      Method getter = ManagedConnectionFactoryImpl.class.getMethod("get" + bean);

      setter.invoke(factory, "value-of-" + option.name());

      assertThat(getter.invoke(factory)).as(option.name()).isEqualTo("value-of-" + option.name());
      assertThat(setter.getAnnotation(ConfigProperty.class)).as(option.name()).isNotNull()
          .extracting(ConfigProperty::confidential).isEqualTo(option.secret());
    }
    assertThat(Arrays.stream(ManagedConnectionFactoryImpl.class.getMethods())
        .filter(method -> method.isAnnotationPresent(ConfigProperty.class)))
        .as("no config property outside the option model").hasSameSizeAs(ConnectorOption.all());
  }

  @Test
  void instanceUriWithABlankIsRejectedAsTheLibraryRejectsIt() throws ResourceException {
    ManagedConnectionFactoryImpl factory = fixture.passwordFactory();
    factory.setInstanceUri("projects/p/locations/r/clusters/c/instances/my instance");

    assertThatThrownBy(factory::settings)
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessageContaining("Invalid instance URI 'projects/p/locations/r/clusters/c/instances/my instance'")
        .hasCauseInstanceOf(ConnectorConfigException.class);
  }

  @Test
  void equalityIgnoresRuntimeState() throws ResourceException {
    ManagedConnectionFactoryImpl first = fixture.passwordFactory();
    ManagedConnectionFactoryImpl second = new ManagedConnectionFactoryImpl();
    fixture.configure(second);
    second.setLogWriter(new PrintWriter(new StringWriter()));

    assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
  }

  @Test
  void missingInstanceUriNamesThePropertyTheKeyAndTheForm() {
    ManagedConnectionFactoryImpl factory = new ManagedConnectionFactoryImpl(key -> Optional.empty());
    factory.setUser("someone");

    assertThatThrownBy(() -> factory.settings())
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessageContaining("instanceUri")
        .hasMessageContaining("alloydb.instance-uri")
        .hasMessageContaining("projects/<PROJECT>/locations/<REGION>/clusters/<CLUSTER>/instances/<INSTANCE>");
  }

  @Test
  void unresolvedExpressionIsRejectedWhenTheConnectionFactoryIsCreated() throws ResourceException {
    ManagedConnectionFactoryImpl factory = fixture.passwordFactory();
    factory.setInstanceUri("${MPCONFIG=alloydb.instance-uri}");

    assertThatThrownBy(() -> factory.createConnectionFactory(new AllocatingConnectionManager()))
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessageContaining("instanceUri (MicroProfile Config key alloydb.instance-uri) (pool property)")
        .hasMessageContaining("${MPCONFIG=alloydb.instance-uri}")
        .hasMessageContaining("did not resolve");
  }

  @Test
  void unresolvedPasswordExpressionIsRejectedWithoutEchoingIt() throws ResourceException {
    ManagedConnectionFactoryImpl factory = fixture.passwordFactory();
    factory.setPassword("${ALIAS=db-password}");

    assertThatThrownBy(() -> factory.createConnectionFactory(new AllocatingConnectionManager()))
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessageContaining("password")
        .hasMessageNotContaining("ALIAS");
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("invalidValues")
  void invalidValuesNameTheKeyAndTheExpectedForm(String name, String value, String expected,
      BiConsumer<ManagedConnectionFactoryImpl, String> set) throws ResourceException {
    ManagedConnectionFactoryImpl factory = fixture.passwordFactory();
    set.accept(factory, value);

    assertThatThrownBy(factory::settings)
        .isInstanceOf(InvalidPropertyException.class)
        .hasMessageContaining(name)
        .hasMessageContaining(expected);
  }

  static Stream<Arguments> invalidValues() {
    return Stream.of(
        Arguments.of("instanceUri", "projects/p/instances/i", "projects/<PROJECT>",
            setter(ManagedConnectionFactoryImpl::setInstanceUri)),
        Arguments.of("ipType", "IPV6", "PRIVATE, PUBLIC, PSC", setter(ManagedConnectionFactoryImpl::setIpType)),
        Arguments.of("enableIamAuth", "yes", "true or false",
            setter(ManagedConnectionFactoryImpl::setEnableIamAuth)),
        Arguments.of("refreshStrategy", "EAGER", "LAZY",
            setter(ManagedConnectionFactoryImpl::setRefreshStrategy)),
        Arguments.of("credentialsFile", "/no/such/file.json", "readable Google credentials JSON file",
            setter(ManagedConnectionFactoryImpl::setCredentialsFile)),
        Arguments.of("delegates", "a@example.com", "targetPrincipal",
            setter(ManagedConnectionFactoryImpl::setDelegates)));
  }

  @Test
  void microProfileConfigFillsUnsetPropertiesAndPoolPropertiesWin() throws Exception {
    ManagedConnectionFactoryImpl factory = fixture.factory(Map.of(
        "alloydb.instance-uri", fixture.emulator.instance().uri(),
        "alloydb.user", "not-the-pool-user",
        "alloydb.database", "postgres"));
    factory.setInstanceUri(null);

    ManagedConnection managed = factory.createManagedConnection(null, null);
    try {
      Connection connection = (Connection) managed.getConnection(null, null);
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("select current_user")) {
        assertThat(result.next()).isTrue();
        assertThat(result.getString(1)).isEqualTo(fixture.emulator.passwordUser());
      }
    } finally {
      managed.destroy();
    }
  }

  @Test
  void containerCredentialCountsOnlyForWhatItSets() throws ResourceException {
    ManagedConnectionFactoryImpl factory = fixture.passwordFactory();
    LoginCredentials configured = new LoginCredentials(fixture.emulator.passwordUser(), fixture.emulator.password());

    assertThat(factory.login(subject(factory, "", ""), null)).isEqualTo(configured);
    assertThat(factory.login(subject(factory, fixture.emulator.passwordUser(), ""), null)).isEqualTo(configured);
    assertThat(factory.login(subject(factory, "other", "secret"), null))
        .isEqualTo(new LoginCredentials("other", "secret"));
    assertThat(factory.login(subject(fixture.passwordFactory(), "other", "secret"), null))
        .as("a credential for an equal factory counts").isEqualTo(new LoginCredentials("other", "secret"));
    assertThat(factory.login(null, new ConnectionRequestInfoImpl("app", "pw")))
        .isEqualTo(new LoginCredentials("app", "pw"));
  }

  private static Subject subject(ManagedConnectionFactoryImpl factory, String user, String password) {
    PasswordCredential credential = new PasswordCredential(user, password.toCharArray());
    credential.setManagedConnectionFactory(factory);
    Subject subject = new Subject();
    subject.getPrivateCredentials().add(credential);
    return subject;
  }

  @Test
  void iamLoginConnectsAsTheServiceAccountsDatabaseUser() throws Exception {
    ManagedConnectionFactoryImpl factory = fixture.passwordFactory();
    factory.setEnableIamAuth("true");
    factory.setUser(fixture.emulator.iamUser());

    ManagedConnection managed = factory.createManagedConnection(null, null);
    try (Connection connection = (Connection) managed.getConnection(null, null);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select current_user")) {
      assertThat(result.next()).isTrue();
      assertThat(result.getString(1)).isEqualTo(fixture.emulator.iamUser());
    } finally {
      managed.destroy();
    }
  }

  @Test
  void factorySerializesWithItsConfiguration() throws Exception {
    ManagedConnectionFactoryImpl factory = fixture.passwordFactory();

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(factory);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      ManagedConnectionFactoryImpl copy = (ManagedConnectionFactoryImpl) in.readObject();
      assertThat(copy.getResourceAdapter()).as("runtime state is transient").isNull();
      copy.setPassword(factory.getPassword());
      assertThat(copy).as("equal but for the password, which is not serialized").isEqualTo(factory);
    }
  }

  @Test
  void serializedDataSourceNeverCarriesThePassword() throws Exception {
    String planted = "planted-Secret-4711";
    ManagedConnectionFactoryImpl factory = fixture.passwordFactory();
    factory.setPassword(planted);
    DataSource dataSource = (DataSource) factory.createConnectionFactory(new AllocatingConnectionManager());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(dataSource);
      out.writeObject(factory);
    }

    assertThat(new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1)).doesNotContain(planted);
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      in.readObject();
      ManagedConnectionFactoryImpl copy = (ManagedConnectionFactoryImpl) in.readObject();
      assertThat(copy.getPassword()).isNull();
      assertThat(copy.getUser()).isEqualTo(factory.getUser());
      assertThat(copy.getInstanceUri()).isEqualTo(factory.getInstanceUri());
    }
  }

  @Test
  void credentialsFileWithoutCredentialsIsAConfigurationError() throws Exception {
    Path notCredentials = Files.writeString(Files.createTempFile("not-credentials", ".json"), "not json at all");
    try {
      ManagedConnectionFactoryImpl factory = fixture.passwordFactory();
      factory.setCredentialsFile(notCredentials.toString());

      assertThatThrownBy(() -> factory.createManagedConnection(null, null))
          .isInstanceOf(InvalidPropertyException.class)
          .hasMessageStartingWith("The AlloyDB connector rejects its settings: Cannot load credentials from file")
          .hasCauseInstanceOf(ConnectorConfigException.class);
    } finally {
      Files.delete(notCredentials);
    }
  }

  @Test
  void refusedLoginIsAnAllocationFailureWithoutThePassword() throws ResourceException {
    ManagedConnectionFactoryImpl factory = fixture.passwordFactory();
    factory.setPassword("wrong-password-123");

    assertThatThrownBy(() -> factory.createManagedConnection(null, null))
        .isInstanceOf(ResourceAllocationException.class)
        .hasMessageContaining(fixture.emulator.passwordUser())
        .hasMessageNotContaining("wrong-password-123");
  }

  @Test
  void dataSourceAllocatesThroughTheConnectionManagerAndSerializes() throws Exception {
    ManagedConnectionFactoryImpl factory = fixture.passwordFactory();
    AllocatingConnectionManager manager = new AllocatingConnectionManager();
    DataSource dataSource = (DataSource) factory.createConnectionFactory(manager);

    try (Connection connection = dataSource.getConnection(fixture.emulator.passwordUser(), fixture.emulator.password());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select 1")) {
      assertThat(result.next()).isTrue();
    } finally {
      manager.destroyAll();
    }
    assertThat(dataSource.isWrapperFor(DataSource.class)).isTrue();

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(dataSource);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isInstanceOf(DataSource.class);
    }
  }

  @Test
  void allocationFailureReachesTheApplicationAsSqlException() throws ResourceException {
    ManagedConnectionFactoryImpl factory = fixture.passwordFactory();
    DataSource dataSource = (DataSource) factory.createConnectionFactory(new AllocatingConnectionManager());

    assertThatThrownBy(() -> dataSource.getConnection("someone-else", "nope"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("someone-else")
        .hasCauseInstanceOf(ResourceException.class);
    assertThatThrownBy(() -> dataSource.getConnection(" ", "nope"))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08001"))
        .hasMessageContaining("needs a database user name")
        .hasMessageNotContaining("nope");
  }

  @Test
  void declaresLocalTransactionsAndNeedsAContainer() throws ResourceException {
    ManagedConnectionFactoryImpl factory = fixture.passwordFactory();

    assertThat(factory.getTransactionSupport()).isEqualTo(TransactionSupportLevel.LocalTransaction);
    assertThat(factory.getResourceAdapter()).isSameAs(fixture.adapter);
    assertThatThrownBy(factory::createConnectionFactory).isInstanceOf(NotSupportedException.class);
    assertThatThrownBy(() -> factory.setResourceAdapter(null)).isInstanceOf(ResourceException.class);
  }

  private static BiConsumer<ManagedConnectionFactoryImpl, String> setter(
      BiConsumer<ManagedConnectionFactoryImpl, String> setter) {
    return setter;
  }

  /** The minimum a container does: create a managed connection and hand out a handle (no pooling). */
  private static final class AllocatingConnectionManager implements ConnectionManager {
    private static final long serialVersionUID = 1L;
    private final transient List<ManagedConnection> created = new CopyOnWriteArrayList<>();

    @Override
    public Object allocateConnection(ManagedConnectionFactory factory, ConnectionRequestInfo info)
        throws ResourceException {
      ManagedConnection managed = factory.createManagedConnection(null, info);
      created.add(managed);
      return managed.getConnection(null, info);
    }

    void destroyAll() throws ResourceException {
      for (ManagedConnection managed : created) {
        managed.destroy();
      }
    }
  }
}
