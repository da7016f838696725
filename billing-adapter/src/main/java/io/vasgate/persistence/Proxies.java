package io.vasgate.persistence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/** The plumbing of the JDBC handles this package hands out in place of the pool's own. */
final class Proxies {

  private Proxies() {}

  static <T> T create(Class<T> type, InvocationHandler handler) {
    return type.cast(
        Proxy.newProxyInstance(Proxies.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  /**
   * Whether {@code method} is {@code equals} or {@code hashCode}, which a handle answers itself.
   */
  private static boolean isIdentity(Method method) {
    String name = method.getName();
    return (name.equals("equals") && method.getParameterCount() == 1)
        || (name.equals("hashCode") && method.getParameterCount() == 0);
  }

  /**
   * Answers {@code equals} and {@code hashCode} by the handle's identity (two handles on one target
   * are not the same handle) and forwards anything else to {@code target}, throwing what it threw.
   */
  static Object forward(Object proxy, Object target, Method method, Object[] args)
      throws Throwable {
    if (isIdentity(method)) {
      return method.getName().equals("equals") ? proxy == args[0] : System.identityHashCode(proxy);
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
