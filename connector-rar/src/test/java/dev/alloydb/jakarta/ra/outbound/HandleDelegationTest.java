package dev.alloydb.jakarta.ra.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.ResourceException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The handles delegate every JDBC method, each behind the same closed-handle check: called through reflection, all of
 * them, on real pgjdbc objects through the emulator.
 */
class HandleDelegationTest {

  /** Answered by the handle itself on a closed handle too (pinned by ManagedConnectionImplTest). */
  private static final Set<String> ANSWERED_WHEN_CLOSED = Set.of("close", "isClosed", "isValid", "abort",
      "getConnection", "getStatement", "unwrap", "isWrapperFor", "getDriverMajorVersion", "getDriverMinorVersion");

  private static AdapterFixture fixture;
  private static ManagedConnectionFactoryImpl factory;

  @BeforeAll
  static void startAdapter() throws ResourceException {
    fixture = new AdapterFixture();
    factory = fixture.passwordFactory();
  }

  @AfterAll
  static void stopAdapter() {
    fixture.close();
  }

  @Test
  void everyCallThroughAClosedHandleOrWhatItHandedOutFailsWith08003() throws Exception {
    ManagedConnectionImpl managed = (ManagedConnectionImpl) factory.createManagedConnection(null, null);
    try {
      Connection handle = (Connection) managed.getConnection(null, null);
      Map<Object, Class<?>> objects = new LinkedHashMap<>();
      objects.put(handle, Connection.class);
      Statement statement = handle.createStatement();
      objects.put(statement, Statement.class);
      objects.put(handle.prepareStatement("select 1"), PreparedStatement.class);
      objects.put(handle.prepareCall("select 1"), CallableStatement.class);
      objects.put(statement.executeQuery("select 1"), ResultSet.class);
      DatabaseMetaData metaData = handle.getMetaData();
      objects.put(metaData, DatabaseMetaData.class);

      handle.close();

      List<String> notRefused = new ArrayList<>();
      int refused = 0;
      for (Map.Entry<Object, Class<?>> object : objects.entrySet()) {
        for (Method method : object.getValue().getMethods()) {
          if (Modifier.isStatic(method.getModifiers()) || ANSWERED_WHEN_CLOSED.contains(method.getName())) {
            continue;
          }
          String name = object.getValue().getSimpleName() + "." + method.getName();
          try {
            method.invoke(object.getKey(), defaultArguments(method));
            notRefused.add(name + " answered");
          } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException failure && "08003".equals(failure.getSQLState())) {
              refused++;
            } else {
              notRefused.add(name + " threw " + e.getCause());
            }
          }
        }
      }

      assertThat(notRefused).isEmpty();
      assertThat(refused).as("every JDBC method of the six interfaces").isGreaterThan(600);
      assertThatThrownBy(() -> handle.setClientInfo(new Properties()))
          .isInstanceOfSatisfying(SQLClientInfoException.class, e -> assertThat(e.getSQLState()).isEqualTo("08003"));
      assertThatThrownBy(() -> handle.unwrap(PGConnection.class))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08003"));
      assertThat(metaData.getDriverMajorVersion()).as("a driver constant, declared not to throw").isPositive();
    } finally {
      managed.destroy();
    }
  }

  @Test
  void everyJdbcMethodIsImplementedByTheHandleNotLeftToTheInterfacesDefault() throws Exception {
    ManagedConnectionImpl managed = (ManagedConnectionImpl) factory.createManagedConnection(null, null);
    try (Connection handle = (Connection) managed.getConnection(null, null);
        Statement statement = handle.createStatement();
        PreparedStatement prepared = handle.prepareStatement("select 1");
        CallableStatement callable = handle.prepareCall("select 1");
        ResultSet result = statement.executeQuery("select 1")) {
      List<String> defaults = new ArrayList<>();
      for (Object object : List.of(handle, statement, prepared, callable, result, handle.getMetaData())) {
        for (Method method : object.getClass().getMethods()) {
          if (method.getDeclaringClass().isInterface() && !Modifier.isStatic(method.getModifiers())) {
            defaults.add(object.getClass().getSimpleName() + "." + method.getName());
          }
        }
      }

      assertThat(defaults).as("a default method would not reach pgjdbc's implementation").isEmpty();
      assertThat(statement.enquoteLiteral("it's")).isEqualTo("'it''s'");
    } finally {
      managed.destroy();
    }
  }

  private static Object[] defaultArguments(Method method) {
    Class<?>[] types = method.getParameterTypes();
    Object[] arguments = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      if (types[i] == boolean.class) {
        arguments[i] = false;
      } else if (types[i] == long.class) {
        arguments[i] = 0L;
      } else if (types[i] == double.class) {
        arguments[i] = 0d;
      } else if (types[i] == float.class) {
        arguments[i] = 0f;
      } else if (types[i] == short.class) {
        arguments[i] = (short) 0;
      } else if (types[i] == byte.class) {
        arguments[i] = (byte) 0;
      } else if (types[i] == int.class) {
        arguments[i] = 0;
      }
    }
    return arguments;
  }
}
