package org.tlsj.cli.server;

import java.time.Duration;

/**
 * The limits of the JDK's HTTP server that {@code tlsj server} sets through its system properties. The JDK
 * reads them once, when its first server is made, so the first call wins; a property given with {@code -D}
 * is left alone.
 */
final class JdkServerLimits {
    private JdkServerLimits() {
    }

    /**
     * Sets: the request header block limit to {@value GreetingServer#MAX_REQUEST_HEAD} bytes
     * ({@code sun.net.httpserver.maxReqHeaderSize}); how long a connection that has sent nothing may stay
     * ({@code sun.net.httpserver.idleInterval}, whole seconds, at least the timeout) and how often that is
     * checked ({@code sun.net.httpserver.clockTick}, 1 s instead of 10 s). Connections that have sent a byte
     * are bounded by {@link GreetingServer}'s own guard instead.
     */
    static void apply(Duration timeout) {
        setIfAbsent("sun.net.httpserver.maxReqHeaderSize", Integer.toString(GreetingServer.MAX_REQUEST_HEAD));
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        setIfAbsent("sun.net.httpserver.idleInterval", Long.toString(seconds));
        setIfAbsent("sun.net.httpserver.clockTick", "1000");
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
