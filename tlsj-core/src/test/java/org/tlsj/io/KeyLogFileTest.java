package org.tlsj.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tlsj.crypto.Secret;
import org.tlsj.Bytes;

class KeyLogFileTest {
    private static final Bytes RANDOM = Bytes.fromHex("cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7");

    @Test
    void writesOneNssLinePerSecretVisibleBeforeClose(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.log");
        try (KeyLogFile log = KeyLogFile.open(file)) {
            log.log("CLIENT_HANDSHAKE_TRAFFIC_SECRET", RANDOM, Secret.copyOf(new byte[] {1, 2, 0x7f}));
            assertThat(Files.readAllLines(file)).containsExactly(
                    "CLIENT_HANDSHAKE_TRAFFIC_SECRET " + RANDOM.hex() + " 01027f");
        }
    }

    @Test
    void appendsToAnExistingFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.log");
        Files.writeString(file, "# earlier\n");
        try (KeyLogFile log = KeyLogFile.open(file)) {
            log.log("EXPORTER_SECRET", RANDOM, Secret.copyOf(new byte[] {(byte) 0xab}));
        }
        assertThat(Files.readAllLines(file)).containsExactly("# earlier", "EXPORTER_SECRET " + RANDOM.hex() + " ab");
    }

    @Test
    void createsTheFileReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.log");
        KeyLogFile.open(file).close();
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void keepsLinesWholeWhenManyThreadsLogAtOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.log");
        int threads = 16;
        int perThread = 50;
        try (KeyLogFile log = KeyLogFile.open(file); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                byte[] secret = new byte[48];
                java.util.Arrays.fill(secret, (byte) t);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        log.log("SERVER_TRAFFIC_SECRET_0", RANDOM, Secret.copyOf(secret));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(threads * perThread)
                .allMatch(l -> l.matches("SERVER_TRAFFIC_SECRET_0 " + RANDOM.hex() + " ([0-9a-f]{2})\\1{47}"));
    }

    @Test
    void dropsLinesAfterCloseInsteadOfFailingTheHandshake(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.log");
        KeyLogFile log = KeyLogFile.open(file);
        log.close();
        log.log("EXPORTER_SECRET", RANDOM, Secret.copyOf(new byte[] {1}));
        assertThat(Files.readString(file)).isEmpty();
        assertThat(log.failure()).isEmpty();
    }
}
