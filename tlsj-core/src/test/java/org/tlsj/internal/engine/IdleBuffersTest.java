package org.tlsj.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.ClientConfig;
import org.tlsj.ServerConfig;
import org.tlsj.TlsException;
import org.tlsj.io.TestCertificates;

/**
 * Once the handshake is over and everything is sent, a connection drops the buffers the handshake grew
 * (issue 7: idle heap per connection). Both sides, with and without tickets: the release must come after
 * the last handshake output is queued (a regression kept the tickets' 334-byte buffer on every server), and
 * a client that received tickets must not hold a record-sized plaintext buffer for them (another kept 16 KiB).
 * The pair drains only when output is pending, as socket and SSLEngine adapters do.
 */
class IdleBuffersTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void anIdleConnectionHoldsNoHandshakeBuffers(int tickets) throws Exception {
        ServerConfig serverConfig = ServerConfig.builder(TestCertificates.localhost()).ticketsPerHandshake(tickets)
                .build();
        Engine client = Engine.client(ClientConfig.builder().verifier(TestCertificates.pinned()).build(),
                "localhost");
        Engine server = Engine.server(serverConfig);
        for (int round = 0; round < 10 && (move(client, server) | move(server, client)); round++) {
            // until neither side has anything to send
        }
        assertThat(client.session()).isPresent();
        assertThat(server.session()).isPresent();

        assertThat(server.heldBufferBytes()).as("server").isZero();
        // The tickets arrive after the client dropped its handshake buffers: it reads them with a small one.
        assertThat(client.heldBufferBytes()).as("client").isLessThanOrEqualTo(1024);
    }

    private static boolean move(Engine from, Engine to) throws TlsException {
        if (!from.hasPendingOutput()) {
            return false;
        }
        ByteBuffer wire = ByteBuffer.allocate(1 << 16);
        from.drainOutput(wire);
        to.feed(wire.flip());
        return true;
    }
}
