package org.tlsj.bench;

import org.tlsj.ClientConfig;
import org.tlsj.ServerConfig;
import org.tlsj.testkit.TestPair;

/**
 * The bytes one handshake puts on the wire in each direction, counted on an in-memory pair (records as sent,
 * until both sides are quiet: the server's session tickets included). Not timed: a size, the same every run.
 */
final class WireBytes {
    private WireBytes() {
    }

    /** Bytes client to server and server to client, in that order. */
    static long[] count(ClientConfig client, ServerConfig server) {
        long[] toServer = {0};
        long[] toClient = {0};
        TestPair.of(client, server, "localhost").tamperToServer(b -> {
            toServer[0] += b.length;
            return b;
        }).tamperToClient(b -> {
            toClient[0] += b.length;
            return b;
        }).handshake();
        return new long[] {toServer[0], toClient[0]};
    }
}
