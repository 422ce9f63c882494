package org.tlsj.cli;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What this JVM holds right now: retained heap (after collections settle), platform threads, open file
 * descriptors. For tests that open many connections to an in-process command and check what they cost
 * and that closing them gives everything back.
 */
record ResourceProbe(long heap, int threads, long fds) {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /** Takes a reading: collects until the used heap stops shrinking (within 64 KiB), at most 10 rounds. */
    static ResourceProbe now() {
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            MEMORY.gc();
            long next = MEMORY.getHeapMemoryUsage().getUsed();
            boolean settled = used - next < 64 * 1024;
            used = Math.min(used, next);
            if (settled && round > 0) {
                break;
            }
        }
        return new ResourceProbe(used, ManagementFactory.getThreadMXBean().getThreadCount(), openFds());
    }

    /** Open file descriptors of this process, or -1 where the JVM cannot say (not Unix). */
    static long openFds() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }

    /** Polls {@code condition} until it holds or {@code limit} passed; whether it held. */
    static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50); // polling interval, not a timing assumption: the deadline decides
        }
        return true;
    }

    /** Heap growth per connection since {@code before}, in bytes. */
    long perConnectionSince(ResourceProbe before, int connections) {
        return (heap - before.heap) / connections;
    }
}
