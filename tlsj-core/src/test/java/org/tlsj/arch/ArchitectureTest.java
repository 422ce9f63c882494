package org.tlsj.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering DESIGN.md promises, held by a plain source scan over every module of the build: {@code internal}
 * is used outside tlsj-core only by the testkit and the benchmarks, protocol code reaches crypto only through
 * {@code org.tlsj.crypto}, the engine's known-answer seam is only for the testkit's tests, only the io adapter touches sockets, and the CLI's packages depend one way.
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

    /** Every module the parent POM builds, read from its {@code <module>} lines, so a new one is covered too. */
    private static List<String> modules() throws IOException {
        List<String> modules = Files.readAllLines(ROOT.resolve("pom.xml")).stream()
                .map(String::strip)
                .filter(l -> l.startsWith("<module>") && l.endsWith("</module>"))
                .map(l -> l.substring("<module>".length(), l.length() - "</module>".length()))
                .toList();
        assertThat(modules).contains("tlsj-core", "tlsj-cli", "tlsj-testkit");
        return modules;
    }

    /** The {@code org.tlsj.internal} imports of a file, as the imported names. */
    private static List<String> internalImports(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(l -> l.startsWith("import org.tlsj.internal.") || l.startsWith("import static org.tlsj.internal."))
                    .map(l -> l.replaceFirst("^import (static )?", "").replace(";", "").strip())
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Modules that may use tlsj-core's internals: the test library (fixtures, known answers) and the benchmarks. */
    private static final List<String> MAY_USE_INTERNALS = List.of("tlsj-core", "tlsj-testkit", "tlsj-bench");

    @Test
    void internalPackagesAreUsedOnlyByTestkitAndBench() throws IOException {
        for (String module : modules()) {
            if (MAY_USE_INTERNALS.contains(module)) {
                continue;
            }
            for (String source : List.of("src/main/java", "src/test/java")) {
                assertThat(javaFiles(ROOT.resolve(module).resolve(source)))
                        .as(module + "/" + source + " importing org.tlsj.internal")
                        .allSatisfy(f -> assertThat(internalImports(f)).as(f.toString()).isEmpty());
            }
        }
    }

    @Test
    void theEngineTestSeamIsUsedOnlyByTestkitTests() throws IOException {
        for (String module : modules()) {
            for (String source : List.of("src/main/java", "src/test/java")) {
                if (module.equals("tlsj-testkit") && source.equals("src/test/java")) {
                    continue;
                }
                assertThat(javaFiles(ROOT.resolve(module).resolve(source)))
                        .as(module + "/" + source + " calling the known-answer seam Engine.clientWithHello")
                        .noneMatch(f -> !f.endsWith("ArchitectureTest.java") && !f.endsWith("ModuleSurfaceTest.java")
                                && contains(f, "Engine.clientWithHello"));
            }
        }
    }

    @Test
    void onlyTheEngineStartsAHelloStageWithAGivenClientHello() throws IOException {
        assertThat(javaFiles(MAIN)).as("core files calling ClientHelloStage.startWithHello")
                .noneMatch(f -> !f.endsWith("Engine.java") && contains(f, "ClientHelloStage.startWithHello"));
    }

    /** The library modules are JPMS modules; what they export of tlsj-core's internals names its reader. */
    @Test
    void libraryModulesExportNoInternalPackageToEveryone() throws IOException {
        for (String module : List.of("tlsj-core", "tlsj-certs", "tlsj-jsse", "tlsj-crypto-bc", "tlsj-crypto-openssl")) {
            assertThat(ROOT.resolve(module).resolve("src/main/java/module-info.java")).exists();
        }
        for (String module : modules()) {
            Path info = ROOT.resolve(module).resolve("src/main/java/module-info.java");
            if (Files.exists(info)) {
                assertThat(lines(info)).as(info + ": exports of internal packages without 'to'")
                        .noneMatch(l -> l.matches("\\s*(exports|opens) [\\w.]*\\.internal[\\w.]*;.*"));
                assertThat(lines(info)).as(info + ": an open module or opens")
                        .noneMatch(l -> l.matches("\\s*(open module|opens) .*"));
            }
        }
        assertThat(lines(ROOT.resolve("tlsj-core/src/main/java/module-info.java")))
                .as("the engine (and its known-answer seam) is exported to the testkit alone")
                .contains("    exports org.tlsj.internal.engine to org.tlsj.testkit;");
    }

    @Test
    void publicApiPackagesDoNotExposeTheEngine() throws IOException {
        List<Path> api = javaFiles(MAIN).stream().filter(f -> !f.startsWith(MAIN.resolve("internal"))).toList();
        assertThat(api).isNotEmpty()
                .as("public API files with a public or protected member naming Engine")
                .noneMatch(f -> lines(f).stream().anyMatch(l -> l.matches("\\s*(public|protected) .*\\bEngine\\b.*")));
    }

    @Test
    void cryptoProviderModulesReachCoreOnlyThroughTheSpi() throws IOException {
        for (String module : modules()) {
            if (!module.startsWith("tlsj-crypto-")) {
                continue;
            }
            assertThat(javaFiles(ROOT.resolve(module).resolve("src/main/java")))
                    .as(module + " importing core packages other than org.tlsj and org.tlsj.crypto")
                    .allSatisfy(f -> assertThat(lines(f).stream()
                            .filter(l -> l.startsWith("import org.tlsj.") || l.startsWith("import static org.tlsj."))
                            .map(l -> l.replaceFirst("^import (static )?", ""))
                            .filter(l -> !l.startsWith("org.tlsj.crypto.") && !l.matches("org\\.tlsj\\.[A-Z].*")))
                            .as(f.toString()).isEmpty());
        }
    }

    /** The CLI's packages depend one way: org.tlsj.cli (Main) -> one package per command -> org.tlsj.cli.common. */
    @Test
    void cliPackagesDependOneWay() throws IOException {
        Path cli = ROOT.resolve("tlsj-cli/src/main/java/org/tlsj/cli");
        List<String> commands = List.of("demo", "server", "get", "certs", "gateway");
        for (Path f : javaFiles(cli.resolve("common"))) {
            assertThat(lines(f)).as(f + " (common) importing a command or the entry point")
                    .noneMatch(l -> l.matches("import (static )?org\\.tlsj\\.cli\\.(?!common\\.).*"));
        }
        for (String command : commands) {
            for (Path f : javaFiles(cli.resolve(command))) {
                assertThat(lines(f)).as(f + " importing the entry point package org.tlsj.cli")
                        .noneMatch(l -> l.matches("import (static )?org\\.tlsj\\.cli\\.[A-Z].*"));
            }
        }
        try (Stream<Path> top = Files.list(cli)) {
            assertThat(top.filter(p -> p.toString().endsWith(".java")).map(p -> p.getFileName().toString()).sorted())
                    .as("classes left in the CLI's root package").containsExactly("Main.java", "TlsjCommand.java");
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(Path file, String text) {
        return lines(file).stream().anyMatch(l -> l.contains(text));
    }
}
