package dev.alloydb.jakarta.ra.handle;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Proxy for a statement, database metadata or result set handed out through a {@link ConnectionHandle}: it answers
 * {@code getConnection()} with the handle and {@code ResultSet.getStatement()} with the statement proxy that
 * produced it, so the application never reaches the physical connection by navigation. SQL failures go to the
 * handle's owner like those of the handle itself.
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
    int arity = method.getParameterCount();
    switch (name) {
      case "equals":
        return self == args[0];
      case "hashCode":
        return System.identityHashCode(self);
      case "toString":
        return target.toString();
      case "getConnection":
        if (arity == 0) {
          return connection.proxy();
        }
        break;
      case "getStatement":
        if (arity == 0 && target instanceof ResultSet) {
          // null for metadata result sets, as JDBC allows for results "produced some other way"
          return producer;
        }
        break;
      case "unwrap":
        if (((Class<?>) args[0]).isInstance(self)) {
          return self;
        }
        break;
      case "isWrapperFor":
        if (((Class<?>) args[0]).isInstance(self)) {
          return true;
        }
        break;
      case "close":
        if (target instanceof Statement statement) {
          connection.forget(statement);
        }
        break;
      default:
        break;
    }
    Object result = connection.call(connection.owner(), target, method, args);
    if (result instanceof ResultSet && method.getReturnType() == ResultSet.class) {
      return wrap(result, ResultSet.class, connection, target instanceof Statement ? self : null);
    }
    return result;
  }
}
