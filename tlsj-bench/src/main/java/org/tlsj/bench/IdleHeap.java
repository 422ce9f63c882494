package org.tlsj.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.tlsj.ClientConfig;
import org.tlsj.ServerConfig;

/**
 * Heap held by an idle established server-side connection: handshakes {@code n} in-memory pairs, keeps only
 * the server ends (a tlsj ServerConnection, a JSSE server SSLEngine), collects garbage and divides the rise
 * in used heap by {@code n}. Sockets are left out on purpose: both stacks would pay the same for them.
 */
public final class IdleHeap {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private IdleHeap() {
    }

    /** Bytes of heap per idle tlsj server connection. */
    public static double tlsj(ClientConfig client, ServerConfig server, int n) throws Exception {
        MemoryPair pair = new MemoryPair();
        pair.handshake(client, server);
        List<Object> kept = new ArrayList<>(n);
        long before = usedAfterGc();
        for (int i = 0; i < n; i++) {
            kept.add(pair.handshake(client, server).server());
        }
        long after = usedAfterGc();
        return (after - before) / (double) kept.size();
    }

    /** Bytes of heap per idle JSSE server engine. */
    public static double jsse(SSLContext ctx, String group, int n) throws Exception {
        EnginePair pair = new EnginePair();
        pair.handshake(ctx, group, "TLSv1.3");
        List<Object> kept = new ArrayList<>(n);
        long before = usedAfterGc();
        for (int i = 0; i < n; i++) {
            kept.add(pair.handshake(ctx, group, "TLSv1.3").server());
        }
        long after = usedAfterGc();
        return (after - before) / (double) kept.size();
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
