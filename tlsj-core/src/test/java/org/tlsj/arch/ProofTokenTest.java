package org.tlsj.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tlsj.internal.handshake.Authentication;
import org.tlsj.internal.handshake.Proofs;

/**
 * The proof-token guarantee (DESIGN.md, issue 13): a token can only be made where its check happens, and no flow
 * reaches Connected without the tokens of its version's authentication. The compiler enforces the second half
 * once the types are right; this test holds the types and the mint sites, so that a change that opens a token up
 * (a public constructor, a mint called from a flow, a Connected without its proof) fails here.
 */
class ProofTokenTest {
    private static final Path MAIN = Path.of("src/main/java/org/tlsj");
    private static final Set<Class<?>> TOKENS = Set.of(Proofs.ChainVerified.class, Proofs.SignatureVerified.class,
            Proofs.FinishedVerified.class, Proofs.SessionResumed.class, Proofs.ClientCertificateNotRequired.class);
    /** Each mint and the only files that may call it: the checks. */
    private static final Map<String, Set<String>> MINTERS = Map.of(
            "chainVerified", Set.of("CertificateChecks.java"),
            "signatureVerified", Set.of("Tls13Checks.java", "Tls12Common.java"),
            "finishedVerified", Set.of("Tls13Checks.java", "Tls12Common.java"),
            "sessionResumed", Set.of("ResumptionChecks.java"),
            "clientCertificateNotRequired", Set.of("CertificateChecks.java"));

    @Test
    void tokenConstructorsAreAllPrivate() {
        assertThat(Arrays.stream(Proofs.class.getDeclaredClasses()).collect(Collectors.toSet()))
                .as("the tokens in Proofs").isEqualTo(TOKENS);
        for (Class<?> token : TOKENS) {
            assertThat(Modifier.isFinal(token.getModifiers())).as(token + " is final").isTrue();
            for (Constructor<?> c : token.getDeclaredConstructors()) {
                assertThat(Modifier.isPrivate(c.getModifiers())).as(c + " is private").isTrue();
            }
        }
    }

    @Test
    void eachTokenHasOneNonPublicMint() {
        List<Method> mints = Arrays.stream(Proofs.class.getDeclaredMethods())
                .filter(m -> TOKENS.contains(m.getReturnType())).toList();
        assertThat(mints.stream().map(Method::getName).collect(Collectors.toSet())).isEqualTo(MINTERS.keySet());
        assertThat(mints).hasSize(MINTERS.size());
        for (Method m : mints) {
            assertThat(Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers()))
                    .as(m + " is package-private").isFalse();
        }
    }

    @Test
    void onlyTheChecksCallTheMints() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.walk(MAIN)) {
            sources = s.filter(p -> p.toString().endsWith(".java") && !p.endsWith("Proofs.java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (var mint : MINTERS.entrySet()) {
            Set<String> callers = sources.stream().filter(p -> read(p).contains("Proofs." + mint.getKey() + "("))
                    .map(p -> p.getFileName().toString()).collect(Collectors.toSet());
            assertThat(callers).as("files calling Proofs." + mint.getKey()).isEqualTo(mint.getValue());
        }
    }

    @Test
    void authenticationIsBuiltOnlyFromTokens() {
        for (Class<?> kind : List.of(Authentication.OfServer13.class, Authentication.OfServer12.class,
                Authentication.OfClient.class)) {
            assertThat(kind.isSealed()).isTrue();
            for (Class<?> r : kind.getPermittedSubclasses()) {
                assertThat(r.isRecord()).isTrue();
                assertThat(Arrays.stream(r.getRecordComponents()).map(RecordComponent::getType).toList())
                        .as(r + " components").isNotEmpty().allMatch(TOKENS::contains);
            }
        }
        assertThat(names(Authentication.OfServer13.class)).containsExactlyInAnyOrder("Signed", "Resumed");
        assertThat(names(Authentication.OfServer12.class)).containsExactlyInAnyOrder("Signed", "RsaKeyTransport",
                "Resumed");
        assertThat(names(Authentication.OfClient.class)).containsExactlyInAnyOrder("Signed", "Resumed", "Anonymous");
    }

    @Test
    void everyConnectedStateRequiresAuthenticationAndFinished() throws ClassNotFoundException {
        Map<String, Class<?>> required = Map.of(
                "client.Tls13ClientFlow", Authentication.OfServer13.class,
                "client.Tls12ClientFlow", Authentication.OfServer12.class,
                "server.Tls13ServerFlow", Authentication.OfClient.class,
                "server.Tls12ServerFlow", Authentication.OfClient.class);
        for (var e : required.entrySet()) {
            Class<?> connected = Class.forName("org.tlsj.internal.handshake." + e.getKey() + "$Connected");
            List<Class<?>> types = Arrays.stream(connected.getRecordComponents()).<Class<?>>map(RecordComponent::getType)
                    .toList();
            assertThat(types).as(e.getKey() + ".Connected").contains(e.getValue(), Proofs.FinishedVerified.class);
        }
    }

    private static Set<String> names(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses()).map(Class::getSimpleName).collect(Collectors.toSet());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
