package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.pair.Alerts.assertNoCommonGroup;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.certs.KeyType;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;
import org.tlsj.trace.HandshakeEvent;

/**
 * The ML-KEM groups beside X25519MLKEM768: SecP256r1MLKEM768 and SecP384r1MLKEM1024 (default, after
 * X25519MLKEM768 in the server's order) and pure MLKEM768/MLKEM1024 (opt-in), negotiated tlsj to tlsj, fed one
 * byte at a time, reached by HelloRetryRequest, and never in TLS 1.2.
 */
class PostQuantumGroupsTest {
    private static final List<NamedGroup> ALL = List.of(NamedGroup.X25519MLKEM768, NamedGroup.SECP256R1MLKEM768,
            NamedGroup.SECP384R1MLKEM1024, NamedGroup.MLKEM768, NamedGroup.MLKEM1024, NamedGroup.X25519);
    private final TestPki pki = TestPki.create();

    @ParameterizedTest
    @ValueSource(strings = {"SecP256r1MLKEM768", "SecP384r1MLKEM1024", "MLKEM768", "MLKEM1024"})
    void negotiatesTheGroupWithAShareForItOneByteAtATime(String name) throws Exception {
        NamedGroup group = NamedGroup.byName(name).orElseThrow();
        List<HandshakeEvent> events = new ArrayList<>();
        TestPair pair = TestPair.withChunkSize(pki.client().groups(List.of(group)).trace(events::add).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).groups(ALL).build(), "localhost", 1).handshake();
        assertThat(pair.client().session().orElseThrow().group()).isEqualTo(group);
        assertThat(pair.server().session().orElseThrow().group()).isEqualTo(group);
        assertThat(pair.client().session().orElseThrow().helloRetried()).isFalse();
        assertThat(pair.clientSends("post-quantum")).isEqualTo("post-quantum");
        assertThat(pair.serverSends("both ways")).isEqualTo("both ways");
        assertThat(events.stream().map(e -> e.detail("key_exchange")).filter(d -> !d.isEmpty()).toList())
                .singleElement().asString().startsWith(name + ": shared secret ").doesNotContain("computed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SecP256r1MLKEM768", "SecP384r1MLKEM1024", "MLKEM1024"})
    void helloRetryRequestAsksForTheGroup(String name) throws Exception {
        NamedGroup group = NamedGroup.byName(name).orElseThrow();
        TestPair pair = TestPair.of(pki.client().groups(List.of(NamedGroup.X25519, group))
                        .keyShareGroups(List.of(NamedGroup.X25519)).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).groups(List.of(group)).build(), "localhost").handshake();
        assertThat(pair.client().session().orElseThrow().group()).isEqualTo(group);
        assertThat(pair.client().session().orElseThrow().helloRetried()).isTrue();
        assertThat(pair.clientSends("after a retry")).isEqualTo("after a retry");
    }

    @Test
    void defaultServerPrefersTheHybridsInGoOrderAmongTheSharesItGets() throws Exception {
        // A client sending shares for both NIST hybrids gets SecP256r1MLKEM768, the server's earlier one.
        TestPair pair = TestPair.of(pki.client().groups(List.of(NamedGroup.SECP384R1MLKEM1024,
                                NamedGroup.SECP256R1MLKEM768, NamedGroup.X25519))
                        .keyShareGroups(List.of(NamedGroup.SECP384R1MLKEM1024, NamedGroup.SECP256R1MLKEM768,
                                NamedGroup.X25519)).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).build(), "localhost").handshake();
        assertThat(pair.server().session().orElseThrow().group()).isEqualTo(NamedGroup.SECP256R1MLKEM768);
    }

    @Test
    void defaultClientSendsTheSameSharesAndListsTheNewHybridsAfterThem() throws Exception {
        List<HandshakeEvent> events = new ArrayList<>();
        TestPair pair = TestPair.of(pki.client().trace(events::add).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).build(), "localhost").handshake();
        assertThat(events.getFirst().detail("groups")).isEqualTo(
                "X25519MLKEM768, x25519, SecP256r1MLKEM768, SecP384r1MLKEM1024, secp256r1, secp384r1");
        assertThat(events.getFirst().detail("key_shares")).contains("X25519MLKEM768 (1216 bytes)")
                .contains("x25519 (32 bytes)").doesNotContain("SecP");
        assertThat(pair.server().session().orElseThrow().group()).isEqualTo(NamedGroup.X25519MLKEM768);
    }

    @Test
    void pureMlKemIsNotAcceptedByDefault() {
        assertNoCommonGroup(TestPair.of(pki.client().groups(List.of(NamedGroup.MLKEM1024)).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).build(), "localhost").run());
    }

    @Test
    void tls12ChoosesAClassicalGroupWhenTheClientListsOnlyKemGroupsFirst() throws Exception {
        TestPair pair = TestPair.of(pki.client().versions(List.of(ProtocolVersion.TLS12))
                        .groups(List.of(NamedGroup.SECP256R1MLKEM768, NamedGroup.MLKEM768, NamedGroup.SECP256R1))
                        .build(),
                TestPki.server(pki.server(KeyType.EC_P256)).groups(withP256(ALL)).build(), "localhost").handshake();
        assertThat(pair.server().session().orElseThrow().group()).isEqualTo(NamedGroup.SECP256R1);
    }

    private static List<NamedGroup> withP256(List<NamedGroup> groups) {
        List<NamedGroup> out = new ArrayList<>(groups);
        out.add(NamedGroup.SECP256R1);
        return out;
    }
}
