package org.tlsj.internal.keyschedule;

import java.nio.charset.StandardCharsets;
import org.tlsj.crypto.Hkdf;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.wire.Bytes;

/** HKDF-Expand-Label and Derive-Secret (RFC 8446 section 7.1). */
public final class HkdfLabel {
    private HkdfLabel() {
    }

    /**
     * HKDF-Expand-Label(Secret, Label, Context, Length) = HKDF-Expand(Secret, HkdfLabel, Length), where
     * HkdfLabel is {uint16 length; opaque label<7..255> = "tls13 " + Label; opaque context<0..255>}.
     */
    public static Secret expand(Hkdf hkdf, Secret secret, String label, Bytes context, int length) {
        byte[] fullLabel = ("tls13 " + label).getBytes(StandardCharsets.US_ASCII);
        checkVector(fullLabel.length);
        checkVector(context.length());
        // Written straight into the one array the HKDF reads (no writer, no copy): each handshake expands some
        // 25 labels per side (issue 7).
        byte[] info = new byte[4 + fullLabel.length + context.length()];
        info[0] = (byte) (length >>> 8);
        info[1] = (byte) length;
        info[2] = (byte) fullLabel.length;
        System.arraycopy(fullLabel, 0, info, 3, fullLabel.length);
        info[3 + fullLabel.length] = (byte) context.length();
        context.copyTo(info, 4 + fullLabel.length);
        return hkdf.expand(secret, Bytes.wrap(info), length);
    }

    /** A u8-length-prefixed vector must fit its length byte (as ByteWriter enforces). */
    private static void checkVector(int n) {
        if (n > 0xff) {
            throw new IllegalArgumentException("vector of " + n + " bytes does not fit a 1-byte length");
        }
    }

    /** Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length). */
    public static Secret derive(Hkdf hkdf, Secret secret, String label, Bytes transcriptHash) {
        return expand(hkdf, secret, label, transcriptHash, hkdf.algorithm().length());
    }
}
