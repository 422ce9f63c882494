package org.tlsj.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What user code on the module path sees of tlsj-core: javac compiles a small module that requires
 * {@code org.tlsj.core} against the module this build just compiled. The API packages are there; the engine, its
 * known-answer seam and the wire types are not; and no public member of an API package names an internal type
 * (javac's {@code -Xlint:exports} refuses that too, while compiling the module).
 */
class ModuleSurfaceTest {
    private static final Path CORE = Path.of("target/classes");

    @TempDir
    Path dir;

    @Test
    void userModuleCompilesAgainstTheApi() throws IOException {
        String out = compile("""
                import org.tlsj.Bytes;
                import org.tlsj.ClientConfig;
                import org.tlsj.ClientConnection;
                class Api {
                    ClientConnection start() {
                        return ClientConnection.start(ClientConfig.builder().build(), "example.com");
                    }
                    Bytes empty() { return Bytes.EMPTY; }
                }
                """);
        assertThat(out).isEmpty();
    }

    @Test
    void userModuleCannotReachTheEngineSeam() throws IOException {
        String out = compile("""
                class Seam {
                    Object replay() throws Exception {
                        return org.tlsj.internal.engine.Engine.clientWithHello(null, "x", org.tlsj.Bytes.EMPTY);
                    }
                }
                """);
        assertThat(out).contains("package org.tlsj.internal.engine is not visible");
    }

    @Test
    void userModuleCannotReachTheWireTypes() throws IOException {
        String out = compile("""
                class Wire {
                    Object reader() { return org.tlsj.internal.wire.ByteReader.class; }
                }
                """);
        assertThat(out).contains("package org.tlsj.internal.wire is not visible");
    }

    @Test
    void publicSignaturesNameNoInternalType() throws IOException, ClassNotFoundException {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : GrowableApiTest.publicApiTypes()) {
            for (String signature : apiSignatures(type)) {
                if (signature.contains("org.tlsj.internal.")) {
                    leaks.add(signature);
                }
            }
        }
        assertThat(leaks).as("public or protected members of the API packages naming an internal type").isEmpty();
    }

    /** The generic signatures of the public and protected members of a type and of its public nested types. */
    private static List<String> apiSignatures(Class<?> type) {
        List<String> all = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        members.addAll(List.of(type.getDeclaredMethods()));
        members.addAll(List.of(type.getDeclaredConstructors()));
        members.addAll(List.of(type.getDeclaredFields()));
        for (Member m : members) {
            if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
                all.add(switch (m) {
                    case Method x -> x.toGenericString();
                    case Constructor<?> x -> x.toGenericString();
                    case Field x -> x.toGenericString();
                    default -> throw new IllegalStateException(m.toString());
                });
            }
        }
        all.add(type.toGenericString() + " " + type.getGenericSuperclass() + " " + List.of(type.getGenericInterfaces()));
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (Modifier.isPublic(nested.getModifiers())) {
                all.addAll(apiSignatures(nested));
            }
        }
        return all;
    }

    /** Compiles {@code user.module} with one class; the compiler's messages, empty on success. */
    private String compile(String source) throws IOException {
        assertThat(CORE.resolve("module-info.class")).exists();
        Path src = Files.createDirectories(dir.resolve("src/user"));
        Files.writeString(dir.resolve("src/module-info.java"), "module user.module { requires org.tlsj.core; }");
        String name = source.substring(source.indexOf("class ") + 6, source.indexOf(" {")).strip();
        Files.writeString(src.resolve(name + ".java"), "package user;\n" + source);
        StringWriter messages = new StringWriter();
        boolean ok = ToolProvider.getSystemJavaCompiler().getTask(messages, null, null,
                List.of("--module-path", CORE.toString(), "-d", dir.resolve("out").toString()), null,
                ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null)
                        .getJavaFileObjects(dir.resolve("src/module-info.java"), src.resolve(name + ".java")))
                .call();
        assertThat(ok).as(messages.toString()).isEqualTo(messages.toString().isEmpty());
        return messages.toString();
    }
}
