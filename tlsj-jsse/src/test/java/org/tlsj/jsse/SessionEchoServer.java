package org.tlsj.jsse;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.SSLSession;

/**
 * The JDK's {@code HttpsServer} on 127.0.0.1 (an ephemeral port), answering every request with 200 and a body
 * computed from the request's TLS session, one virtual thread per exchange.
 */
final class SessionEchoServer implements AutoCloseable {
    private final HttpsServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    SessionEchoServer(HttpsConfigurator configurator, Function<SSLSession, String> body) throws IOException {
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(configurator);
        server.createContext("/", exchange -> {
            byte[] b = body.apply(((HttpsExchange) exchange).getSSLSession()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, b.length);
            exchange.getResponseBody().write(b);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
