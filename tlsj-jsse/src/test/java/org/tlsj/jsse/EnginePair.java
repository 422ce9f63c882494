package org.tlsj.jsse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * Drives two SSLEngines against each other in memory, as an application following the SSLEngine javadoc
 * would: wrap when NEED_WRAP, unwrap when NEED_UNWRAP, grow buffers on BUFFER_OVERFLOW, read more on
 * BUFFER_UNDERFLOW. Every result is recorded. The wire hands over at most {@code chunk} bytes per step, so
 * records can arrive one byte at a time.
 */
final class EnginePair {
    /** One side: its engine, what it has received from the wire, and the plaintext it has read. */
    static final class Side {
        final SSLEngine engine;
        final String name;
        ByteBuffer wireIn = ByteBuffer.allocate(1 << 18);
        ByteBuffer inbound = ByteBuffer.allocate(1 << 18);
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final List<SSLEngineResult> results = new ArrayList<>();
        int netSize;
        int appSize;

        Side(String name, SSLEngine engine, int netSize, int appSize) {
            this.name = name;
            this.engine = engine;
            this.netSize = netSize;
            this.appSize = appSize;
        }

        boolean saw(SSLEngineResult.Status s) {
            return results.stream().anyMatch(r -> r.getStatus() == s);
        }

        boolean saw(HandshakeStatus s) {
            return results.stream().anyMatch(r -> r.getHandshakeStatus() == s);
        }
    }

    final Side client;
    final Side server;
    int chunk = Integer.MAX_VALUE;

    EnginePair(SSLEngine client, SSLEngine server, int netSize, int appSize) {
        this.client = new Side("client", client, netSize, appSize);
        this.server = new Side("server", server, netSize, appSize);
    }

    /**
     * A connection between new engines of two contexts (the client's for localhost:443, with host name
     * checking), both enabled for {@code protocol} only and the server set up by {@code serverSetup}: handshake,
     * then "ping" to the server and "pong" back, checked.
     */
    static EnginePair connect(SSLContext client, SSLContext server, String protocol, Consumer<SSLEngine> serverSetup)
            throws SSLException {
        SSLEngine c = TlsjEngineHandshakeTest.client(client);
        SSLEngine s = TlsjEngineHandshakeTest.server(server);
        c.setEnabledProtocols(new String[] {protocol});
        s.setEnabledProtocols(new String[] {protocol});
        serverSetup.accept(s);
        EnginePair pair = new EnginePair(c, s, 17000, 17000);
        pair.handshake();
        pair.send(pair.client, "ping".getBytes(StandardCharsets.UTF_8));
        pair.send(pair.server, "pong".getBytes(StandardCharsets.UTF_8));
        if (!pair.server.received.toString(StandardCharsets.UTF_8).equals("ping")
                || !pair.client.received.toString(StandardCharsets.UTF_8).equals("pong")) {
            throw new AssertionError("ping/pong did not arrive");
        }
        return pair;
    }

    /** Runs until both handshakes are done and nothing moves. */
    void handshake() throws SSLException {
        client.engine.beginHandshake();
        server.engine.beginHandshake();
        pump();
    }

    /** Moves bytes until neither side does anything. */
    void pump() throws SSLException {
        for (int round = 0; round < 200_000; round++) {
            boolean moved = step(client, server) | step(server, client);
            if (!moved) {
                return;
            }
        }
        throw new AssertionError("engines did not settle");
    }

    private boolean step(Side self, Side peer) throws SSLException {
        boolean moved = false;
        SSLEngine e = self.engine;
        while (e.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
            e.getDelegatedTask().run();
            moved = true;
        }
        if (e.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
            moved |= wrap(self, peer, ByteBuffer.allocate(0));
        }
        int n = Math.min(chunk, self.wireIn.position());
        if (n > 0) {
            self.wireIn.flip();
            self.inbound.put(self.wireIn.slice(0, n));
            self.wireIn.position(n).compact();
            moved = true;
        }
        moved |= unwrapAll(self);
        return moved;
    }

    /** Wraps {@code data} (or handshake bytes) and puts the output on the peer's wire. */
    boolean wrap(Side self, Side peer, ByteBuffer data) throws SSLException {
        while (true) {
            ByteBuffer dst = ByteBuffer.allocate(self.netSize);
            SSLEngineResult r = self.engine.wrap(data, dst);
            self.results.add(r);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                self.netSize = self.engine.getSession().getPacketBufferSize();
                continue;
            }
            dst.flip();
            peer.wireIn.put(dst);
            return r.bytesProduced() > 0 || r.bytesConsumed() > 0;
        }
    }

    private boolean unwrapAll(Side self) throws SSLException {
        boolean moved = false;
        while (self.inbound.position() > 0 || self.engine.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
            self.inbound.flip();
            ByteBuffer app = ByteBuffer.allocate(self.appSize);
            SSLEngineResult r;
            try {
                r = self.engine.unwrap(self.inbound, app);
            } finally {
                self.inbound.compact();
            }
            self.results.add(r);
            app.flip();
            self.received.write(app.array(), 0, app.limit());
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                self.appSize = self.engine.getSession().getApplicationBufferSize();
                continue;
            }
            if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                return moved;
            }
            moved = true;
        }
        return moved;
    }

    /** Sends application data from {@code from} to the other side and pumps until it arrives. */
    void send(Side from, byte[] data) throws SSLException {
        Side to = from == client ? server : client;
        ByteBuffer src = ByteBuffer.wrap(data);
        while (src.hasRemaining()) {
            wrap(from, to, src);
        }
        pump();
    }
}
