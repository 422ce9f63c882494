package org.tlsj.internal.handshake;

import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.HashAlgorithm;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.keyschedule.KeySchedule13;
import org.tlsj.internal.keyschedule.Transcript;
import org.tlsj.internal.message.PreSharedKeyClientExt;
import org.tlsj.Bytes;

/** PSK binders (RFC 8446 section 4.2.11.2), the same computation on both sides. */
public final class Psk13 {
    private Psk13() {
    }

    /** The ClientHello up to and including the identities: everything the binders cover. */
    public static Bytes truncate(Bytes rawClientHello, PreSharedKeyClientExt psk) {
        return rawClientHello.slice(0, rawClientHello.length() - psk.bindersLength());
    }

    /**
     * The binder: HMAC(finished_key from binder_key, Transcript-Hash(messages before this ClientHello ||
     * the truncated ClientHello)).
     */
    public static Bytes binder(CryptoProvider crypto, HashAlgorithm hash, Secret psk, Transcript before,
                               Bytes truncatedClientHello) {
        return binder(KeySchedule13.withPsk(crypto, hash, psk), before, truncatedClientHello);
    }

    /**
     * The binder from the PSK's early secret, for a caller that keeps that secret for the handshake that
     * follows instead of extracting it a second time.
     */
    public static Bytes binder(KeySchedule13.EarlySecret early, Transcript before, Bytes truncatedClientHello) {
        Transcript t = before.add(truncatedClientHello);
        if (!t.isHashed()) {
            t = t.withHash(early.crypto(), early.hash());
        }
        Secret binderKey = early.resumptionBinderKey();
        return KeySchedule13.finishedVerifyData(early.crypto(), early.hash(), binderKey, t.current());
    }
}
