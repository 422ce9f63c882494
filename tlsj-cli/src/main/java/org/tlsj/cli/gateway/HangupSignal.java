package org.tlsj.cli.gateway;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Runs an action on SIGHUP, the usual "reload your configuration" signal. The JDK's only hook for it is
 * {@code sun.misc.Signal} (module jdk.unsupported); compiling against it is a warning that cannot be
 * silenced, and the build treats warnings as errors, so it is reached by reflection. Where it is missing
 * (another JVM, {@code -Xrs}) {@link #install} says so and the gateway relies on watching the files.
 */
public final class HangupSignal {
    private HangupSignal() {
    }

    /**
     * Installs {@code action} as the SIGHUP handler; it runs on a JVM signal thread, so it should be quick.
     *
     * @param action what to do on each SIGHUP
     * @return whether the handler is installed
     */
    public static boolean install(Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Constructor<?> newSignal = signalClass.getConstructor(String.class);
            Object hup = newSignal.newInstance("HUP");
            Object handler = Proxy.newProxyInstance(HangupSignal.class.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            action.run();
                            yield null;
                        }
                        case "toString" -> "tlsj gateway SIGHUP handler";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            handle.invoke(null, hup, handler);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
