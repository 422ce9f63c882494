package org.tlsj.crypto.openssl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.SessionInfo;
import org.tlsj.certs.KeyType;
import org.tlsj.testkit.ScriptedRandom;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/**
 * Whole in-memory handshakes with this provider on both sides, over every group and key type it runs natively
 * (the conformance kit covers the JCA provider on the other side, in both directions).
 */
class HandshakeTest {
    @BeforeAll
    static void requireLibcrypto() {
        RequireLibcrypto.check();
    }

    private static final TestPki PKI = TestPki.create();

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (NamedGroup group : List.of(NamedGroup.X25519MLKEM768, NamedGroup.X25519, NamedGroup.SECP256R1,
                NamedGroup.SECP384R1)) {
            for (KeyType key : List.of(KeyType.EC_P256, KeyType.EC_P384, KeyType.ED25519, KeyType.RSA_2048)) {
                out.add(Arguments.of(ProtocolVersion.TLS13, group, key));
            }
        }
        // TLS 1.2: an ECDSA certificate's curve must be a group the client offers (RFC 8422 section 4), and
        // there are no Ed25519 suites.
        out.add(Arguments.of(ProtocolVersion.TLS12, NamedGroup.X25519, KeyType.RSA_2048));
        out.add(Arguments.of(ProtocolVersion.TLS12, NamedGroup.SECP256R1, KeyType.EC_P256));
        out.add(Arguments.of(ProtocolVersion.TLS12, NamedGroup.SECP384R1, KeyType.EC_P384));
        out.add(Arguments.of(ProtocolVersion.TLS12, NamedGroup.SECP384R1, KeyType.RSA_2048));
        return out;
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void handshakesWithItself(ProtocolVersion version, NamedGroup group, KeyType key) throws Exception {
        TestPair pair = TestPair.of(
                PKI.client().crypto(OpenSslCryptoProvider.create(new ScriptedRandom(1)))
                        .versions(List.of(version)).groups(List.of(group)).build(),
                TestPki.server(PKI.server(key)).crypto(OpenSslCryptoProvider.create(new ScriptedRandom(2)))
                        .versions(List.of(version)).build(),
                "localhost").handshake();

        SessionInfo session = pair.client().session().orElseThrow();
        assertThat(session.version()).isEqualTo(version);
        assertThat(session.group()).isEqualTo(group);
        assertThat(pair.clientSends("ping")).isEqualTo("ping");
        assertThat(pair.serverSends("pong")).isEqualTo("pong");
    }
}
