package org.tlsj.cli.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.LinkedBlockingQueue;

/** A plain TCP service on 127.0.0.1 for the gateway to forward to; each connection runs the handler. */
public final class TestUpstream implements AutoCloseable {
    /** What the service does with one connection. */
    @FunctionalInterface
    public interface Handler {
        /** Serves one connection. */
        void handle(Socket socket) throws Exception;
    }

    private final ServerSocket server;
    /** Failures inside handlers, so a test can look at them. */
    final LinkedBlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();

    private TestUpstream(ServerSocket server, Handler handler) {
        this.server = server;
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                Socket s;
                try {
                    s = server.accept();
                } catch (IOException e) {
                    return;
                }
                Thread.ofVirtual().start(() -> {
                    try (s) {
                        handler.handle(s);
                    } catch (Exception e) {
                        failures.add(e);
                    }
                });
            }
        });
    }

    /** Starts the service on a free loopback port. */
    public static TestUpstream start(Handler handler) throws IOException {
        return new TestUpstream(new ServerSocket(0, 512, InetAddress.getLoopbackAddress()), handler);
    }

    HostPort address() {
        return new HostPort("127.0.0.1", server.getLocalPort());
    }

    /** The loopback port it listens on. */
    public int port() {
        return server.getLocalPort();
    }

    /** Echoes every byte; at end of input, ends its output too. */
    public static Handler echo() {
        return s -> {
            s.getInputStream().transferTo(s.getOutputStream());
            s.shutdownOutput();
        };
    }

    /** Reads an HTTP request head, answers with {@code response}, closes. */
    static Handler http(byte[] response) {
        return s -> {
            readHead(s.getInputStream());
            s.getOutputStream().write(response);
        };
    }

    /** Bytes up to and including the blank line that ends an HTTP head. */
    static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request head cut short");
            }
            head.write(b);
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
        }
        return head.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
