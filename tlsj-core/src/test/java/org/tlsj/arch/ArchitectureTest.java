package org.tlsj.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering DESIGN.md promises, held by a plain source scan: {@code internal} stays inside tlsj-core,
 * protocol code reaches crypto only through {@code org.tlsj.crypto}, and only the io adapter touches sockets.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/tlsj");
    private static final Path ROOT = Path.of("..");

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static boolean imports(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("import " + prefix)
                    || l.startsWith("import static " + prefix));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void protocolPackagesDoNotCallJcaDirectly() throws IOException {
        List<Path> protocol = javaFiles(MAIN.resolve("internal"));
        assertThat(protocol).isNotEmpty();
        for (String forbidden : List.of("javax.crypto", "java.security.Signature", "java.security.KeyPairGenerator",
                "java.security.SecureRandom", "java.security.MessageDigest", "java.net.", "java.lang.Thread")) {
            assertThat(protocol).as("files in org.tlsj.internal importing " + forbidden)
                    .noneMatch(f -> imports(f, forbidden));
        }
    }

    @Test
    void onlyTheIoAdapterUsesSockets() throws IOException {
        List<Path> outsideIo = javaFiles(MAIN).stream().filter(f -> !f.startsWith(MAIN.resolve("io"))).toList();
        assertThat(outsideIo).as("core files outside org.tlsj.io importing java.net")
                .noneMatch(f -> imports(f, "java.net.Socket") || imports(f, "java.net.ServerSocket"));
    }

    @Test
    void internalPackagesAreNotUsedByOtherModulesMainCode() throws IOException {
        for (String module : List.of("tlsj-certs", "tlsj-cli", "tlsj-jsse", "tlsj-jetty", "tlsj-bogo")) {
            assertThat(javaFiles(ROOT.resolve(module).resolve("src/main/java")))
                    .as(module + " main code importing org.tlsj.internal")
                    .noneMatch(f -> imports(f, "org.tlsj.internal"));
        }
    }
}
