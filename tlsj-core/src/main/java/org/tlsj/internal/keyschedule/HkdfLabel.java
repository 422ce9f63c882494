package org.tlsj.internal.keyschedule;

import java.nio.charset.StandardCharsets;
import org.tlsj.crypto.Hkdf;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

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
        ByteWriter w = new ByteWriter(4 + fullLabel.length + context.length());
        w.u16(length);
        w.u8Prefixed(x -> x.bytes(fullLabel, 0, fullLabel.length));
        w.u8Bytes(context);
        return hkdf.expand(secret, w.toBytes(), length);
    }

    /** Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length). */
    public static Secret derive(Hkdf hkdf, Secret secret, String label, Bytes transcriptHash) {
        return expand(hkdf, secret, label, transcriptHash, hkdf.algorithm().length());
    }
}
