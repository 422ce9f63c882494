package org.tlsj.internal.keyschedule;

import java.util.Optional;
import org.tlsj.CipherSuite;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.HashAlgorithm;
import org.tlsj.crypto.Hkdf;
import org.tlsj.crypto.Secret;
import org.tlsj.crypto.TranscriptHash;
import org.tlsj.internal.record.RecordProtection13;
import org.tlsj.Bytes;

/**
 * The TLS 1.3 key schedule (RFC 8446 section 7.1): Early Secret, then Handshake Secret, then Master
 * Secret, each stage a value holding its secret. Method names follow the RFC's labels.
 */
public final class KeySchedule13 {
    private static final Constants SHA256 = new Constants(
            Bytes.fromHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            Bytes.fromHex("33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a"),
            Bytes.fromHex("6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba"));
    private static final Constants SHA384 = new Constants(
            Bytes.fromHex("38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da"
                    + "274edebfe76f65fbd51ad2f14898b95b"),
            Bytes.fromHex("7ee8206f5570023e6dc7519eb1073bc4e791ad37b5c382aa10ba18e2357e7169"
                    + "71f9362f2c2fe2a76bfd78dfec4ea9b5"),
            Bytes.fromHex("1591dac5cbbf0330a4a84de9c753330e92d01f0a88214b4464972fd668049e93"
                    + "e52f2b16fad922fdc0584478428f282b"));

    private KeySchedule13() {
    }

    /**
     * The stage after HKDF-Extract(0, PSK or 0).
     *
     * @param withoutPsk whether this is HKDF-Extract(0, 0), whose "derived" salt is a constant
     */
    public record EarlySecret(CryptoProvider crypto, HashAlgorithm hash, Secret secret, boolean withoutPsk) {
        /** binder_key = Derive-Secret(., "res binder", "") for a resumption PSK (section 7.1). */
        public Secret resumptionBinderKey() {
            return HkdfLabel.derive(crypto.hkdf(hash), secret, "res binder", emptyHash(crypto, hash));
        }

        /** Derive-Secret(., "derived", "") then Extract with the (EC)DHE shared secret. */
        public HandshakeSecret handshakeSecret(Secret sharedSecret) {
            Hkdf hkdf = crypto.hkdf(hash);
            Secret salt = withoutPsk ? Secret.wrap(constants(hash).derivedWithoutPsk().toArray())
                    : HkdfLabel.derive(hkdf, secret, "derived", emptyHash(crypto, hash));
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
        return new EarlySecret(crypto, hash, Secret.wrap(constants(hash).earlyWithoutPsk().toArray()), true);
    }

    /** Early Secret = HKDF-Extract(0, PSK) for a resumption. */
    public static EarlySecret withPsk(CryptoProvider crypto, HashAlgorithm hash, Secret psk) {
        return new EarlySecret(crypto, hash, crypto.hkdf(hash).extract(Secret.zeros(hash.length()), psk), false);
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
     * The record protection of one direction from its traffic secret (RFC 8446 section 7.3): write_key and
     * write_iv expanded with the suite's hash, the AEAD keyed once for every record under this key.
     */
    public static RecordProtection13 recordProtection(CryptoProvider crypto, CipherSuite suite, Secret trafficSecret) {
        var aead = suite.aead();
        Secret key = trafficKey(crypto, suite.hash(), trafficSecret, aead.keyLength());
        Secret iv = trafficIv(crypto, suite.hash(), trafficSecret, aead.ivLength());
        RecordProtection13 p = new RecordProtection13(crypto.aead(aead, key), iv);
        key.destroy();
        iv.destroy();
        return p;
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
        return constants(hash).emptyHash();
    }

    /**
     * The parts of the schedule that depend on the hash alone, so each handshake need not compute them
     * (issue 7): Hash(""), the early secret HKDF-Extract(0, 0) of a handshake without PSK, and its
     * Derive-Secret(., "derived", "") salt. The SHA-256 values are RFC 8448 section 3's; a test recomputes all.
     */
    record Constants(Bytes emptyHash, Bytes earlyWithoutPsk, Bytes derivedWithoutPsk) {
    }

    static Constants constants(HashAlgorithm hash) {
        return switch (hash) {
            case SHA256 -> SHA256;
            case SHA384 -> SHA384;
        };
    }
}
