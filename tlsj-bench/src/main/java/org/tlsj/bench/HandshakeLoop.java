package org.tlsj.bench;

import java.util.Locale;
import org.tlsj.ClientConfig;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.certs.KeyType;

/**
 * Runs in-memory tlsj handshakes back to back for a while, for a profiler to watch (for example with
 * {@code -XX:StartFlightRecording=filename=hs.jfr,settings=profile}). Arguments: seconds (default 20),
 * group (default x25519), key type (default EC_P256).
 */
public final class HandshakeLoop {
    private HandshakeLoop() {
    }

    /** Loops handshakes and prints the rate. */
    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        String group = args.length > 1 ? args[1] : "x25519";
        KeyType key = KeyType.valueOf(args.length > 2 ? args[2] : "EC_P256");
        Fixtures f = new Fixtures();
        ClientConfig client = f.client(Fixtures.group(group), ProtocolVersion.TLS13).build();
        ServerConfig server = f.server(key).build();
        MemoryPair pair = new MemoryPair();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long n = 0;
        while (System.nanoTime() < end) {
            pair.handshake(client, server);
            n++;
        }
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d handshakes in %.1f s: %.0f/s, %.0f us each (client and server)%n", n,
                took, n / took, took * 1e6 / n);
    }
}
