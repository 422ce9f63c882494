package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.tlsj.testkit.TestPki;

/**
 * Where FINISHED is reported when a delegated task completes the handshake and nothing is left to send: a
 * TLS 1.3 server that issues no tickets, once it has taken the client's Finished. An unwrap
 * with nothing to read must not swallow FINISHED (Jetty 12 reads OK-with-nothing as an underflow and closed
 * such connections as never handshaken); the engine asks for a wrap instead, and that wrap says FINISHED.
 */
class FinishedReportTest {
    private static final JssePki PKI = new JssePki();

    @Test
    void aServerFinishedByATaskReportsFinishedOnTheNextWrapNotOnAnEmptyUnwrap() throws Exception {
        SSLEngine client = TlsjEngineHandshakeTest.client(PKI.tlsjClient("TLSv1.3", false));
        SSLEngine server = TlsjEngineHandshakeTest.server(TlsjContexts.server(
                TestPki.server(PKI.server).ticketsPerHandshake(0).build()));
        ByteBuffer toServer = ByteBuffer.allocate(1 << 16);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 16);

        client.beginHandshake();
        server.beginHandshake();
        wrapAll(client, toServer);                       // ClientHello
        unwrapAll(server, toServer);
        wrapAll(server, toClient);                       // ServerHello ... Finished
        unwrapAll(client, toClient);
        wrapAll(client, toServer);                       // the client's Finished
        assertThat(client.getHandshakeStatus()).isEqualTo(HandshakeStatus.NOT_HANDSHAKING);

        unwrapAll(server, toServer);                     // its task takes the client's Finished
        SSLEngineResult empty = server.unwrap(ByteBuffer.allocate(0), ByteBuffer.allocate(1 << 15));
        assertThat(empty.getStatus()).isEqualTo(Status.BUFFER_UNDERFLOW);
        assertThat(empty.getHandshakeStatus()).isEqualTo(HandshakeStatus.NEED_WRAP);
        assertThat(server.getHandshakeStatus()).isEqualTo(HandshakeStatus.NEED_WRAP);

        SSLEngineResult wrap = server.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(1 << 15));
        assertThat(wrap.getStatus()).isEqualTo(Status.OK);
        assertThat(wrap.getHandshakeStatus()).isEqualTo(HandshakeStatus.FINISHED);
        assertThat(wrap.bytesProduced()).isZero();
        assertThat(server.getHandshakeStatus()).isEqualTo(HandshakeStatus.NOT_HANDSHAKING);
        assertThat(server.getSession().getProtocol()).isEqualTo("TLSv1.3");
    }

    /** Wraps until the engine has nothing more to send, into {@code wire} (left in write mode). */
    private static void wrapAll(SSLEngine e, ByteBuffer wire) throws SSLException {
        for (int i = 0; i < 20 && e.getHandshakeStatus() == HandshakeStatus.NEED_WRAP; i++) {
            e.wrap(ByteBuffer.allocate(0), wire);
        }
    }

    /** Unwraps every record in {@code wire}, running delegated tasks; {@code wire} is left empty. */
    private static void unwrapAll(SSLEngine e, ByteBuffer wire) throws SSLException {
        wire.flip();
        ByteBuffer app = ByteBuffer.allocate(1 << 15);
        for (int i = 0; i < 50 && wire.hasRemaining(); i++) {
            e.unwrap(wire, app);
            for (Runnable t; (t = e.getDelegatedTask()) != null; ) {
                t.run();
            }
        }
        wire.compact();
    }
}
