package dev.alloydb.jakarta.ra.handle;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

/**
 * Proxy for a statement, database metadata or result set handed out through a {@link ConnectionHandle}: it answers
 * {@code getConnection()} with the handle and {@code ResultSet.getStatement()} with the statement proxy that
 * produced it, so the application never reaches the physical connection by navigation. SQL failures go to the
 * handle's owner like those of the handle itself, and once the handle is closed every call but {@code close} and
 * {@code isClosed} fails with SQLState 08003, as the handle's own do.
 */
final class DelegateHandle implements InvocationHandler {

  private final Object target;
  private final ConnectionHandle connection;
  private final Object producer;

  private DelegateHandle(Object target, ConnectionHandle connection, Object producer) {
    this.target = target;
    this.connection = connection;
    this.producer = producer;
  }

  static Object wrap(Object target, Class<?> type, ConnectionHandle connection, Object producer) {
    return Proxy.newProxyInstance(DelegateHandle.class.getClassLoader(), new Class<?>[] {type},
        new DelegateHandle(target, connection, producer));
  }

  @Override
  public Object invoke(Object self, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    Optional<Object> own = ProxyIdentity.answer(self, name, args, target::toString);
    if (own.isPresent()) {
      return own.get();
    }
    boolean noArguments = method.getParameterCount() == 0;
    if (name.equals("getConnection") && noArguments) {
      return connection.proxy();
    }
    if (name.equals("getStatement") && noArguments && target instanceof ResultSet) {
      // null for metadata result sets, as JDBC allows for results "produced some other way"
      return producer;
    }
    if (name.equals("close") && target instanceof Statement statement) {
      connection.forget(statement);
    } else if (connection.isClosed() && !name.equals("close") && !name.equals("isClosed")) {
      // The physical connection may already serve another user: a stale metadata object must not reach it.
      throw ConnectionHandle.closedFailure();
    }
    Object result = connection.call(connection.owner(), target, method, args);
    if (result instanceof ResultSet && method.getReturnType() == ResultSet.class) {
      return wrap(result, ResultSet.class, connection, target instanceof Statement ? self : null);
    }
    return result;
  }
}
