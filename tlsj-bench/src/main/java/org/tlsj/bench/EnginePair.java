package org.tlsj.bench;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * A JSSE client and server SSLEngine joined in memory: the JSSE counterpart of {@link MemoryPair}. The
 * client engine is created without a peer host and port, so JSSE never resumes: every handshake is full.
 */
public final class EnginePair {
    private final ByteBuffer clientNet = ByteBuffer.allocate(64 * 1024);
    private final ByteBuffer serverNet = ByteBuffer.allocate(64 * 1024);
    private final ByteBuffer plain = ByteBuffer.allocate(64 * 1024);
    private final ByteBuffer empty = ByteBuffer.allocate(0);
    private SSLEngine client;
    private SSLEngine server;

    /**
     * Runs a full handshake between new engines.
     *
     * @param group the one named group both offer (JSSE's name, for example "x25519")
     * @param protocol "TLSv1.3" or "TLSv1.2"
     * @param suites the cipher suites to enable; none for JSSE's defaults
     */
    public EnginePair handshake(SSLContext ctx, String group, String protocol, String... suites) throws SSLException {
        client = ctx.createSSLEngine();
        client.setUseClientMode(true);
        server = ctx.createSSLEngine();
        server.setUseClientMode(false);
        for (SSLEngine e : new SSLEngine[] {client, server}) {
            SSLParameters p = e.getSSLParameters();
            p.setNamedGroups(new String[] {group});
            p.setProtocols(new String[] {protocol});
            if (suites.length > 0) {
                p.setCipherSuites(suites);
            }
            e.setSSLParameters(p);
        }
        clientNet.clear();
        serverNet.clear();
        client.beginHandshake();
        server.beginHandshake();
        for (int guard = 0; guard < 200 && !(done(client) && done(server)); guard++) {
            step(client, clientNet, serverNet);
            step(server, serverNet, clientNet);
        }
        if (!done(client) || !done(server)) {
            throw new IllegalStateException("JSSE handshake did not complete: client " + client.getHandshakeStatus()
                    + ", server " + server.getHandshakeStatus());
        }
        return this;
    }

    /** The client engine. */
    public SSLEngine client() {
        return client;
    }

    /** The server engine. */
    public SSLEngine server() {
        return server;
    }

    /**
     * Wraps {@code data} at the client and unwraps it all at the server.
     *
     * @return the plaintext bytes the server read
     */
    public int clientToServer(ByteBuffer data) throws SSLException {
        int read = 0;
        while (data.hasRemaining()) {
            clientNet.clear();
            client.wrap(data, clientNet);
            clientNet.flip();
            while (clientNet.hasRemaining()) {
                plain.clear();
                SSLEngineResult r = server.unwrap(clientNet, plain);
                read += r.bytesProduced();
                if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    break;
                }
            }
        }
        return read;
    }

    private static boolean done(SSLEngine e) {
        HandshakeStatus s = e.getHandshakeStatus();
        return s == HandshakeStatus.NOT_HANDSHAKING || s == HandshakeStatus.FINISHED;
    }

    /** Lets {@code e} produce into {@code out} and consume from {@code in} (both kept in write mode). */
    private void step(SSLEngine e, ByteBuffer out, ByteBuffer in) throws SSLException {
        for (int guard = 0; guard < 50; guard++) {
            HandshakeStatus s = e.getHandshakeStatus();
            switch (s) {
                case NEED_WRAP -> e.wrap(empty, out);
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = e.getDelegatedTask()) != null) {
                        task.run();
                    }
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    in.flip();
                    plain.clear();
                    SSLEngineResult r = e.unwrap(in, plain);
                    in.compact();
                    if (r.bytesConsumed() == 0 && r.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP) {
                        return; // wait for the peer
                    }
                }
                default -> {
                    return;
                }
            }
        }
    }
}
