package dev.alloydb.jakarta.ra.outbound;

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
 * handle's owner like those of the handle itself, and once the handle is closed, or associated with another managed
 * connection than the one it was made on, every call but {@code close} and {@code isClosed} fails with SQLState
 * 08003, as the handle's own do.
 */
final class DelegateHandle implements InvocationHandler {

  private final Object target;
  private final ConnectionHandle connection;
  private final HandleOwner owner;
  private final Object producer;

  private DelegateHandle(Object target, ConnectionHandle connection, HandleOwner owner, Object producer) {
    this.target = target;
    this.connection = connection;
    this.owner = owner;
    this.producer = producer;
  }

  /**
   * @param owner the managed connection the handle was associated with when {@code target} was made; the proxy
   *     refuses calls once the handle is associated with another
   */
  static Object wrap(Object target, Class<?> type, ConnectionHandle connection, HandleOwner owner,
      Object producer) {
    return Proxy.newProxyInstance(DelegateHandle.class.getClassLoader(), new Class<?>[] {type},
        new DelegateHandle(target, connection, owner, producer));
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
    boolean closing = name.equals("close") || name.equals("isClosed");
    if (name.equals("close") && target instanceof Statement statement) {
      connection.forget(statement);
    } else if (connection.isClosed() && !closing) {
      // The physical connection may already serve another user: a stale metadata object must not reach it.
      throw ConnectionHandle.closedFailure();
    } else if (connection.owner() != owner && !closing) {
      throw ConnectionHandle.staleFailure();
    }
    Object result = connection.call(owner, target, method, args);
    if (result instanceof ResultSet && method.getReturnType() == ResultSet.class) {
      return wrap(result, ResultSet.class, connection, owner, target instanceof Statement ? self : null);
    }
    return result;
  }
}
