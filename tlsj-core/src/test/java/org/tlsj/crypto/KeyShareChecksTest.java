package org.tlsj.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tlsj.AlertDescription;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.Bytes;

/** The peer share checks every provider shares: X25519 length and all-zero secret, EC point form. */
class KeyShareChecksTest {
    @Test
    void acceptsX25519ShareOf32Bytes() {
        assertThatCode(() -> KeyShareChecks.requireX25519Length(Bytes.wrap(new byte[32]))).doesNotThrowAnyException();
    }

    @Test
    void rejectsX25519ShareOfWrongLength() {
        assertIllegalParameter(() -> KeyShareChecks.requireX25519Length(Bytes.wrap(new byte[31])));
        assertIllegalParameter(() -> KeyShareChecks.requireX25519Length(Bytes.wrap(new byte[33])));
        assertIllegalParameter(() -> KeyShareChecks.requireX25519Length(Bytes.wrap(new byte[0])));
    }

    @Test
    void allZeroX25519SecretIsAnIllegalParameterFailure() {
        TlsFatalAlertException e = KeyShareChecks.allZeroX25519Secret();
        assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER);
        assertThat(e.getMessage()).contains("all zeros");
    }

    @Test
    void acceptsUncompressedPointOfTheFieldSize() {
        byte[] share = new byte[65];
        share[0] = 0x04;
        assertThatCode(() -> KeyShareChecks.requireUncompressedPoint(NamedGroup.SECP256R1, 32, Bytes.wrap(share)))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsCompressedPointAndPointAtInfinity() {
        byte[] compressed = new byte[65];
        compressed[0] = 0x02;
        assertIllegalParameter(() -> KeyShareChecks.requireUncompressedPoint(NamedGroup.SECP256R1, 32,
                Bytes.wrap(compressed)));
        assertIllegalParameter(() -> KeyShareChecks.requireUncompressedPoint(NamedGroup.SECP256R1, 32,
                Bytes.wrap(new byte[1])));
    }

    @Test
    void rejectsPointOfAnotherCurvesSize() {
        byte[] p384 = new byte[97];
        p384[0] = 0x04;
        assertIllegalParameter(() -> KeyShareChecks.requireUncompressedPoint(NamedGroup.SECP256R1, 32,
                Bytes.wrap(p384)));
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertIllegalParameter(Call call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(TlsFatalAlertException.class,
                e -> assertThat(e.sent()).isEqualTo(AlertDescription.ILLEGAL_PARAMETER));
    }
}
