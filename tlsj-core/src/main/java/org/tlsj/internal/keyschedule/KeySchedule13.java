package org.tlsj.internal.keyschedule;

import java.util.Optional;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.HashAlgorithm;
import org.tlsj.crypto.Hkdf;
import org.tlsj.crypto.Secret;
import org.tlsj.crypto.TranscriptHash;
import org.tlsj.internal.wire.Bytes;

/**
 * The TLS 1.3 key schedule (RFC 8446 section 7.1): Early Secret, then Handshake Secret, then Master
 * Secret, each stage a value holding its secret. Method names follow the RFC's labels.
 */
public final class KeySchedule13 {
    private KeySchedule13() {
    }

    /** The stage after HKDF-Extract(0, PSK or 0). */
    public record EarlySecret(CryptoProvider crypto, HashAlgorithm hash, Secret secret) {
        /** binder_key = Derive-Secret(., "res binder", "") for a resumption PSK (section 7.1). */
        public Secret resumptionBinderKey() {
            return HkdfLabel.derive(crypto.hkdf(hash), secret, "res binder", emptyHash(crypto, hash));
        }

        /** Derive-Secret(., "derived", "") then Extract with the (EC)DHE shared secret. */
        public HandshakeSecret handshakeSecret(Secret sharedSecret) {
            Hkdf hkdf = crypto.hkdf(hash);
            Secret salt = HkdfLabel.derive(hkdf, secret, "derived", emptyHash(crypto, hash));
            return new HandshakeSecret(crypto, hash, hkdf.extract(salt, sharedSecret));
        }
    }

    /** The stage after mixing in the (EC)DHE shared secret. */
    public record HandshakeSecret(CryptoProvider crypto, HashAlgorithm hash, Secret secret) {
        /** "c hs traffic" over ClientHello..ServerHello. */
        public Secret clientHandshakeTrafficSecret(Bytes helloHash) {
            return HkdfLabel.derive(crypto.hkdf(hash), secret, "c hs traffic", helloHash);
        }

        /** "s hs traffic" over ClientHello..ServerHello. */
        public Secret serverHandshakeTrafficSecret(Bytes helloHash) {
            return HkdfLabel.derive(crypto.hkdf(hash), secret, "s hs traffic", helloHash);
        }

        /** Derive-Secret(., "derived", "") then Extract with 0. */
        public MasterSecret masterSecret() {
            Hkdf hkdf = crypto.hkdf(hash);
            Secret salt = HkdfLabel.derive(hkdf, secret, "derived", emptyHash(crypto, hash));
            return new MasterSecret(crypto, hash, hkdf.extract(salt, Secret.zeros(hash.length())));
        }
    }

    /** The last stage. */
    public record MasterSecret(CryptoProvider crypto, HashAlgorithm hash, Secret secret) {
        /** "c ap traffic" over ClientHello..server Finished. */
        public Secret clientApplicationTrafficSecret(Bytes transcriptHash) {
            return HkdfLabel.derive(crypto.hkdf(hash), secret, "c ap traffic", transcriptHash);
        }

        /** "s ap traffic" over ClientHello..server Finished. */
        public Secret serverApplicationTrafficSecret(Bytes transcriptHash) {
            return HkdfLabel.derive(crypto.hkdf(hash), secret, "s ap traffic", transcriptHash);
        }

        /** "exp master" over ClientHello..server Finished. */
        public Secret exporterMasterSecret(Bytes transcriptHash) {
            return HkdfLabel.derive(crypto.hkdf(hash), secret, "exp master", transcriptHash);
        }

        /** "res master" over ClientHello..client Finished. */
        public Secret resumptionMasterSecret(Bytes transcriptHash) {
            return HkdfLabel.derive(crypto.hkdf(hash), secret, "res master", transcriptHash);
        }
    }

    /** Early Secret = HKDF-Extract(0, 0) for a handshake without PSK. */
    public static EarlySecret withoutPsk(CryptoProvider crypto, HashAlgorithm hash) {
        Secret zeros = Secret.zeros(hash.length());
        return new EarlySecret(crypto, hash, crypto.hkdf(hash).extract(zeros, Secret.zeros(hash.length())));
    }

    /** Early Secret = HKDF-Extract(0, PSK) for a resumption. */
    public static EarlySecret withPsk(CryptoProvider crypto, HashAlgorithm hash, Secret psk) {
        return new EarlySecret(crypto, hash, crypto.hkdf(hash).extract(Secret.zeros(hash.length()), psk));
    }

    /** The PSK of a ticket: HKDF-Expand-Label(resumption_master_secret, "resumption", nonce, Hash.length) (4.6.1). */
    public static Secret resumptionPsk(CryptoProvider crypto, HashAlgorithm hash, Secret resumptionMaster, Bytes nonce) {
        return HkdfLabel.expand(crypto.hkdf(hash), resumptionMaster, "resumption", nonce, hash.length());
    }

    /** finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length) (section 4.4.4). */
    public static Secret finishedKey(CryptoProvider crypto, HashAlgorithm hash, Secret baseKey) {
        return HkdfLabel.expand(crypto.hkdf(hash), baseKey, "finished", Bytes.EMPTY, hash.length());
    }

    /** verify_data = HMAC(finished_key, Transcript-Hash(...)) (section 4.4.4). */
    public static Bytes finishedVerifyData(CryptoProvider crypto, HashAlgorithm hash, Secret baseKey,
                                           Bytes transcriptHash) {
        return crypto.hmac(hash, finishedKey(crypto, hash, baseKey)).mac(transcriptHash);
    }

    /** application_traffic_secret_N+1 = HKDF-Expand-Label(secret_N, "traffic upd", "", Hash.length) (7.2). */
    public static Secret nextTrafficSecret(CryptoProvider crypto, HashAlgorithm hash, Secret current) {
        return HkdfLabel.expand(crypto.hkdf(hash), current, "traffic upd", Bytes.EMPTY, hash.length());
    }

    /** write_key = HKDF-Expand-Label(Secret, "key", "", key_length) (7.3). */
    public static Secret trafficKey(CryptoProvider crypto, HashAlgorithm hash, Secret trafficSecret, int length) {
        return HkdfLabel.expand(crypto.hkdf(hash), trafficSecret, "key", Bytes.EMPTY, length);
    }

    /** write_iv = HKDF-Expand-Label(Secret, "iv", "", iv_length) (7.3). */
    public static Secret trafficIv(CryptoProvider crypto, HashAlgorithm hash, Secret trafficSecret, int length) {
        return HkdfLabel.expand(crypto.hkdf(hash), trafficSecret, "iv", Bytes.EMPTY, length);
    }

    /**
     * TLS-Exporter(label, context_value, key_length) = HKDF-Expand-Label(Derive-Secret(Secret, label, ""),
     * "exporter", Hash(context_value), key_length) (RFC 8446 section 7.5). An absent context hashes as the
     * empty string, so it gives the same output as an empty one (unlike TLS 1.2).
     *
     * @param exporterMasterSecret the "exp master" secret of the connection
     */
    public static Secret exporter(CryptoProvider crypto, HashAlgorithm hash, Secret exporterMasterSecret,
                                  String label, Optional<Bytes> context, int length) {
        Hkdf hkdf = crypto.hkdf(hash);
        Secret perLabel = HkdfLabel.derive(hkdf, exporterMasterSecret, label, emptyHash(crypto, hash));
        TranscriptHash contextHash = crypto.newHash(hash);
        contextHash.update(context.orElse(Bytes.EMPTY));
        Secret out = HkdfLabel.expand(hkdf, perLabel, "exporter", contextHash.current(), length);
        perLabel.destroy();
        return out;
    }

    /** Transcript-Hash("") for the "derived" steps. */
    static Bytes emptyHash(CryptoProvider crypto, HashAlgorithm hash) {
        return crypto.newHash(hash).current();
    }
}
