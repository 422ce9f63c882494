package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.NamedGroup;
import org.tlsj.certs.KeyType;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/** Any split of the input works, one byte at a time included; HelloRetryRequest works the same way. */
class FeedingTest {
    private final TestPki pki = TestPki.create();

    @ParameterizedTest(name = "chunks of {0}")
    @ValueSource(ints = {1, 2, 3, 5, 17, 100, 4096})
    void handshakeAndDataCompleteWhateverTheChunkSize(int chunk) throws Exception {
        TestPair pair = TestPair.withChunkSize(pki.client().build(),
                TestPki.server(pki.server(KeyType.EC_P256)).build(), "localhost", chunk).handshake();
        String big = "x".repeat(40_000);
        assertThat(pair.clientSends(big)).isEqualTo(big);
        assertThat(pair.serverSends("done")).isEqualTo("done");
    }

    @Test
    void helloRetryRequestCompletesOneByteAtATime() throws Exception {
        TestPair pair = TestPair.withChunkSize(pki.client().groups(List.of(NamedGroup.X25519, NamedGroup.SECP384R1))
                        .keyShareGroups(List.of(NamedGroup.X25519)).build(),
                TestPki.server(pki.server(KeyType.EC_P256)).groups(List.of(NamedGroup.SECP384R1)).build(),
                "localhost", 1).handshake();
        assertThat(pair.client().session().orElseThrow().helloRetried()).isTrue();
        assertThat(pair.client().session().orElseThrow().group()).isEqualTo(NamedGroup.SECP384R1);
        assertThat(pair.server().session().orElseThrow().helloRetried()).isTrue();
        assertThat(pair.serverSends("after retry")).isEqualTo("after retry");
    }
}
