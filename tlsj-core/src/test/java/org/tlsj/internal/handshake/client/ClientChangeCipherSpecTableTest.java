package org.tlsj.internal.handshake.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.internal.handshake.RecordingEffects.assertRefusesChangeCipherSpec;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsj.ClientConfig;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.handshake.Authentication;
import org.tlsj.internal.handshake.CertificateChecks;
import org.tlsj.internal.handshake.RecordingEffects;
import org.tlsj.internal.message.ChangeCipherSpec;
import org.tlsj.Bytes;
import org.tlsj.io.TestCertificates;
import org.tlsj.pki.ChainChecks;

/**
 * change_cipher_spec is a row of the client's tables: TLS 1.2 takes it only in ExpectChangeCipherSpec (RFC 5246
 * section 7.1), TLS 1.3 drops it before the server's Finished (RFC 8446 section 5). State-level: one state, one CCS.
 */
class ClientChangeCipherSpecTableTest {
    private final RecordingEffects out = new RecordingEffects();

    private static Tls12ClientFlow.Keys keys() throws TlsFatalAlertException {
        var chain = CertificateChecks.verifyServer((c, name, now) -> new ChainChecks(List.of("accepted by the test")),
                TestCertificates.localhost().chain(), Optional.empty(), Instant.EPOCH);
        return new Tls12ClientFlow.Keys(null, null, List.of(), null, null,
                new Authentication.RsaKeyTransport(chain), List.of());
    }

    @Test
    void tls12ClientTakesChangeCipherSpecRightBeforeFinishedAndSwitchesReadKeys() throws Exception {
        var keys = keys();
        var next = Tls12ClientFlow.next(new Tls12ClientFlow.ExpectChangeCipherSpec(null, null, keys),
                ChangeCipherSpec.INSTANCE, Bytes.EMPTY, out);
        assertThat(next).isEqualTo(new Tls12ClientFlow.ExpectFinished(null, null, keys));
        assertThat(out.calls).containsExactly("installReadProtection");
    }

    @Test
    void tls12ClientRefusesChangeCipherSpecInEveryOtherHandshakeState() throws Exception {
        var keys = keys();
        List<Tls12ClientFlow.State> others = List.of(
                new Tls12ClientFlow.ExpectCertificate(null, null, null),
                new Tls12ClientFlow.ExpectServerKeyExchange(null, null, null, null),
                new Tls12ClientFlow.ExpectRequestOrDone(null, null, null, null, Optional.empty()),
                new Tls12ClientFlow.ExpectDone(null, null, null, null, Optional.empty(), Optional.empty()),
                new Tls12ClientFlow.ExpectTicket(null, null, keys),
                new Tls12ClientFlow.ExpectFinished(null, null, keys));
        // Every state but the one that takes it, and Connected (which only a verified Finished builds; the pair
        // and hostile tests send a CCS there).
        assertThat(others.stream().map(Object::getClass).toList()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Tls12ClientFlow.State.class.getPermittedSubclasses())
                        .filter(c -> c != Tls12ClientFlow.ExpectChangeCipherSpec.class
                                && c != Tls12ClientFlow.Connected.class).toList());
        for (Tls12ClientFlow.State state : others) {
            assertRefusesChangeCipherSpec(state.getClass().getSimpleName(),
                    () -> Tls12ClientFlow.next(state, ChangeCipherSpec.INSTANCE, Bytes.EMPTY, out));
        }
        assertThat(out.calls).isEmpty();
    }

    @Test
    void tls13ClientDropsTheCompatibilityChangeCipherSpecBeforeTheServersFinished() throws Exception {
        List<Tls13ClientFlow.State> before = List.of(
                new Tls13ClientFlow.ExpectServerHello(null, null),
                new Tls13ClientFlow.ExpectEncryptedExtensions(null, null, null, null, Optional.empty()),
                new Tls13ClientFlow.ExpectCertificateOrRequest(null, null, null, null),
                new Tls13ClientFlow.ExpectCertificate(null, null, null, null, Optional.empty()),
                new Tls13ClientFlow.ExpectCertificateVerify(null, null, null, null, Optional.empty(), null));
        for (Tls13ClientFlow.State state : before) {
            assertThat(Tls13ClientFlow.next(state, ChangeCipherSpec.INSTANCE, Bytes.EMPTY, out)).isSameAs(state);
        }
        assertThat(out.calls).isEmpty();
    }

    @Test
    void helloStageDropsTheCompatibilityChangeCipherSpecAfterOurClientHello() throws Exception {
        ClientHelloStage stage = ClientHelloStage.start(ClientConfig.builder().build(), "localhost", out);
        out.calls.clear();
        assertThat(stage.onMessage(ChangeCipherSpec.INSTANCE, Bytes.EMPTY)).isSameAs(stage);
        assertThat(out.calls).isEmpty();
    }
}
