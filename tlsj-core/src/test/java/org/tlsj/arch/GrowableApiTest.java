package org.tlsj.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tlsj.ClientConfig;
import org.tlsj.ResumableSession;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;

/**
 * Public types that can grow without breaking callers: the configs are built only through their builders (a new
 * setting is a new builder method, not a new constructor parameter), and no public constructor or record in the
 * public packages takes more than {@link #MAX_PARAMETERS} values in a row, except the two session values the
 * engine hands out (a session store rebuilds them; widening them is a decision, made here).
 */
class GrowableApiTest {
    private static final int MAX_PARAMETERS = 8;
    private static final Path MAIN = Path.of("src/main/java");
    private static final Set<Class<?>> WIDE_VALUES = Set.of(SessionInfo.class, ResumableSession.class);

    @Test
    void configsHaveNoPublicConstructorOnlyABuilder() throws ReflectiveOperationException {
        for (Class<?> config : List.of(ClientConfig.class, ServerConfig.class)) {
            assertThat(config.isRecord()).as(config + " is a record (its canonical constructor is public)").isFalse();
            assertThat(config.getConstructors()).as(config + " public constructors").isEmpty();
            assertThat(Modifier.isFinal(config.getModifiers())).as(config + " is final").isTrue();
            assertThat(config.getMethod("toBuilder").getReturnType().getSimpleName()).isEqualTo("Builder");
        }
    }

    @Test
    void publicTypesTakeAFewValuesPerConstructor() throws IOException, ClassNotFoundException {
        List<String> wide = new ArrayList<>();
        for (Class<?> type : publicApiTypes()) {
            if (WIDE_VALUES.contains(type)) {
                continue;
            }
            for (Constructor<?> c : type.getConstructors()) {
                if (c.getParameterCount() > MAX_PARAMETERS) {
                    wide.add(type.getName() + Arrays.toString(c.getParameterTypes()));
                }
            }
        }
        assertThat(wide).as("public constructors with more than " + MAX_PARAMETERS + " parameters").isEmpty();
    }

    /** The public top-level types of the packages outside {@code org.tlsj.internal}, found from the sources. */
    static List<Class<?>> publicApiTypes() throws IOException, ClassNotFoundException {
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> s = Files.walk(MAIN.resolve("org/tlsj"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = MAIN.relativize(f).toString().replace(".java", "").replace('/', '.');
                if (name.startsWith("org.tlsj.internal.") || name.endsWith("package-info")) {
                    continue;
                }
                Class<?> type = Class.forName(name);
                if (Modifier.isPublic(type.getModifiers())) {
                    types.add(type);
                }
            }
        }
        assertThat(types).hasSizeGreaterThan(20);
        return types;
    }
}
