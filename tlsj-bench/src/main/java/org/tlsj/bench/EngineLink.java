package org.tlsj.bench;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * A client and a server {@code SSLEngine} of any provider joined in memory on one thread, driven as the
 * {@code SSLEngine} javadoc asks (delegated tasks run at once): the connection of the jsse case. One
 * connection is the handshake, a one-byte echo each way (so the tickets have arrived too) and close_notify
 * both ways, like a connection of the loopback harness.
 */
final class EngineLink {
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
    private final SSLEngine client;
    private final SSLEngine server;
    /** The four buffers of a thread's links, reused (one link at a time per thread): not a cost of any stack. */
    private static final ThreadLocal<ByteBuffer[]> BUFFERS = ThreadLocal.withInitial(() -> new ByteBuffer[] {
        ByteBuffer.allocate(64 * 1024), ByteBuffer.allocate(64 * 1024), ByteBuffer.allocate(64 * 1024),
        ByteBuffer.allocate(64 * 1024)});
    private final ByteBuffer toServer;
    private final ByteBuffer toClient;
    private final ByteBuffer clientApp;
    private final ByteBuffer serverApp;
    private long serverBytes;

    /**
     * New engines of {@code ctx}, TLS 1.3 only with {@code group} alone and, if given, the one suite. The client
     * engine names {@code localhost:443} when {@code resumable} (so the provider's client session cache serves
     * it), else no peer (no provider resumes then).
     */
    EngineLink(SSLContext ctx, String group, boolean resumable, String suite) {
        ByteBuffer[] b = BUFFERS.get();
        toServer = b[0].clear();
        toClient = b[1].clear();
        clientApp = b[2].clear();
        serverApp = b[3].clear();
        client = resumable ? ctx.createSSLEngine(Fixtures.HOST, 443) : ctx.createSSLEngine();
        client.setUseClientMode(true);
        server = ctx.createSSLEngine();
        server.setUseClientMode(false);
        for (SSLEngine e : new SSLEngine[] {client, server}) {
            SSLParameters p = e.getSSLParameters();
            p.setProtocols(new String[] {"TLSv1.3"});
            p.setNamedGroups(new String[] {group});
            if (suite != null) {
                // the TLS 1.2 suite is never chosen; Conscrypt finds no certificate type to serve without one
                p.setCipherSuites(new String[] {suite, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"});
            }
            e.setSSLParameters(p);
        }
    }

    /** Handshakes and echoes one byte each way; returns the bytes the server sent (a resumption sends fewer). */
    long open() throws SSLException {
        client.beginHandshake();
        server.beginHandshake();
        settle();
        echo(client, toServer, serverApp);
        echo(server, toClient, clientApp);
        return serverBytes;
    }

    /** The suite the client engine negotiated. */
    String suite() {
        return client.getSession().getCipherSuite();
    }

    /** Sends close_notify both ways. */
    void close() throws SSLException {
        client.closeOutbound();
        server.closeOutbound();
        settle();
    }

    /** Wraps {@code chunk} at the client and unwraps it at the server; returns the plaintext bytes the server got. */
    int clientToServer(ByteBuffer chunk) throws SSLException {
        int got = 0;
        while (chunk.hasRemaining()) {
            SSLEngineResult w = client.wrap(chunk, toServer);
            check(w, "client wrap");
            toServer.flip();
            while (toServer.hasRemaining()) {
                serverApp.clear();
                SSLEngineResult r = server.unwrap(toServer, serverApp);
                check(r, "server unwrap");
                got += r.bytesProduced();
                if (r.bytesConsumed() == 0) {
                    break;
                }
            }
            toServer.compact();
        }
        return got;
    }

    private void echo(SSLEngine from, ByteBuffer wire, ByteBuffer peerApp) throws SSLException {
        peerApp.clear();
        check(from.wrap(ByteBuffer.wrap(new byte[] {'e'}), wire), "echo wrap");
        settle();
        if (peerApp.position() != 1) {
            throw new SSLException("the echo byte did not arrive (" + peerApp.position() + " bytes)");
        }
    }

    /** Runs both engines until neither moves a byte. */
    private void settle() throws SSLException {
        for (int round = 0; round < 100; round++) {
            boolean moved = step(client, toServer, toClient, clientApp);
            int before = toClient.position();
            moved |= step(server, toClient, toServer, serverApp);
            serverBytes += Math.max(0, toClient.position() - before);
            if (!moved) {
                return;
            }
        }
        throw new SSLException("the engines did not settle: client " + client.getHandshakeStatus() + ", server "
                + server.getHandshakeStatus());
    }

    /** Lets {@code e} run its tasks, wrap into {@code out} and unwrap from {@code in} while it makes progress. */
    private static boolean step(SSLEngine e, ByteBuffer out, ByteBuffer in, ByteBuffer app) throws SSLException {
        boolean moved = false;
        for (int guard = 0; guard < 100; guard++) {
            HandshakeStatus hs = e.getHandshakeStatus();
            if (hs == HandshakeStatus.NEED_TASK) {
                for (Runnable t = e.getDelegatedTask(); t != null; t = e.getDelegatedTask()) {
                    t.run();
                }
                moved = true;
                continue;
            }
            if (hs == HandshakeStatus.NEED_WRAP || e.isInboundDone() && !e.isOutboundDone()) {
                SSLEngineResult r = e.wrap(NOTHING, out);
                check(r, "wrap");
                if (r.bytesProduced() > 0 || r.getHandshakeStatus() != hs) {
                    moved = true;
                    continue;
                }
            }
            in.flip();
            SSLEngineResult r = in.hasRemaining() ? e.unwrap(in, app) : null;
            in.compact();
            if (r == null || r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                return moved;
            }
            check(r, "unwrap");
            moved = true;
        }
        throw new SSLException("an engine kept busy: " + e.getHandshakeStatus());
    }

    private static void check(SSLEngineResult r, String what) throws SSLException {
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            throw new SSLException(what + ": buffer overflow with 64 KiB buffers");
        }
    }
}
