package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.ProtocolVersion;
import org.tlsj.certs.KeyType;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/** Keying material exporters (RFC 5705, RFC 8446 section 7.5) agree on both sides in both versions. */
class ExporterTest {
    private final TestPki pki = TestPki.create();

    @ParameterizedTest(name = "TLS {0}")
    @ValueSource(strings = {"1.3", "1.2"})
    void bothSidesExportTheSameKeyingMaterial(String version) throws Exception {
        List<ProtocolVersion> v = List.of(ProtocolVersion.parse(version));
        TestPair pair = TestPair.of(pki.client().versions(v).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).versions(v).build(), "localhost");
        assertThatThrownBy(() -> pair.client().exportKeyingMaterial("EXPORTER-test", Optional.empty(), 32))
                .isInstanceOf(IllegalStateException.class);
        pair.handshake();
        Optional<byte[]> ctx = Optional.of("context".getBytes(StandardCharsets.US_ASCII));
        byte[] client = pair.client().exportKeyingMaterial("EXPORTER-test", ctx, 32);
        byte[] server = pair.server().exportKeyingMaterial("EXPORTER-test", ctx, 32);
        assertThat(client).hasSize(32).isEqualTo(server);
        assertThat(pair.client().exportKeyingMaterial("EXPORTER-other", ctx, 32)).isNotEqualTo(client);
        assertThat(pair.client().exportKeyingMaterial("EXPORTER-test", Optional.empty(), 32)).isNotEqualTo(client);
    }
}
