package org.tlsj.internal.handshake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.internal.handshake.RecordingEffects.assertRefusesChangeCipherSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tlsj.internal.handshake.RecordingEffects;
import org.tlsj.internal.message.ChangeCipherSpec;
import org.tlsj.Bytes;

/**
 * change_cipher_spec is a row of the server's tables: TLS 1.2 takes it only in ExpectChangeCipherSpec (RFC 5246
 * section 7.1); TLS 1.3 refuses it before the first ClientHello (RFC 8446 section 5).
 */
class ServerChangeCipherSpecTableTest {
    private final RecordingEffects out = new RecordingEffects();
    private final Tls12ServerFlow.Keys keys = new Tls12ServerFlow.Keys(null, null, null, null, null, List.of(), false,
            Bytes.EMPTY);

    @Test
    void tls12ServerTakesChangeCipherSpecRightBeforeFinishedAndSwitchesReadKeys() throws Exception {
        var next = Tls12ServerFlow.next(new Tls12ServerFlow.ExpectChangeCipherSpec(null, null, keys, null),
                ChangeCipherSpec.INSTANCE, Bytes.EMPTY, out);
        assertThat(next).isEqualTo(new Tls12ServerFlow.ExpectFinished(null, null, keys, null));
        assertThat(out.calls).containsExactly("installReadProtection");
    }

    @Test
    void tls12ServerRefusesChangeCipherSpecInEveryOtherHandshakeState() {
        List<Tls12ServerFlow.State> others = List.of(
                new Tls12ServerFlow.ExpectClientCertificate(null, null, null, Optional.empty(), null),
                new Tls12ServerFlow.ExpectClientKeyExchange(null, null, null, Optional.empty(), null, null),
                new Tls12ServerFlow.ExpectCertificateVerify(null, null, null, keys, null),
                new Tls12ServerFlow.ExpectFinished(null, null, keys, null));
        // Every state but the one that takes it, and Connected (only a verified Finished builds it).
        assertThat(others.stream().map(Object::getClass).toList()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Tls12ServerFlow.State.class.getPermittedSubclasses())
                        .filter(c -> c != Tls12ServerFlow.ExpectChangeCipherSpec.class
                                && c != Tls12ServerFlow.Connected.class).toList());
        for (Tls12ServerFlow.State state : others) {
            assertRefusesChangeCipherSpec(state.getClass().getSimpleName(),
                    () -> Tls12ServerFlow.next(state, ChangeCipherSpec.INSTANCE, Bytes.EMPTY, out));
        }
        assertThat(out.calls).isEmpty();
    }

    @Test
    void tls13ServerRefusesChangeCipherSpecBeforeTheClientHello() {
        assertRefusesChangeCipherSpec("ExpectClientHello", () -> Tls13ServerFlow.next(
                new Tls13ServerFlow.ExpectClientHello(null), ChangeCipherSpec.INSTANCE, Bytes.EMPTY, out));
    }

    @Test
    void helloStageRefusesChangeCipherSpecBeforeTheClientHello() {
        assertRefusesChangeCipherSpec("hello stage",
                () -> ServerHelloStage.start(null, out).onMessage(ChangeCipherSpec.INSTANCE, Bytes.EMPTY));
    }
}
