package org.tlsj.internal.keyschedule;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.tlsj.CipherSuite;
import org.tlsj.crypto.AeadAlgorithm;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.HashAlgorithm;
import org.tlsj.crypto.Hmac;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.record.RecordProtection12;
import org.tlsj.internal.wire.ByteWriter;
import org.tlsj.Bytes;

/**
 * The TLS 1.2 key derivation: the PRF (RFC 5246 section 5), the master secret (section 8.1) or the
 * extended master secret (RFC 7627 section 4), the AEAD key block (section 6.3 with RFC 5288 / RFC
 * 7905), Finished verify_data (section 7.4.9) and the exporter (RFC 5705 section 4). The PRF hash is the
 * cipher suite's hash (SHA-256 or SHA-384); every HMAC goes through {@link CryptoProvider#hmac}.
 */
public final class Tls12KeySchedule {
    /** The master secret's length (RFC 5246 section 8.1). */
    public static final int MASTER_SECRET_LENGTH = 48;
    /** verify_data_length for every suite we implement (RFC 5246 section 7.4.9). */
    public static final int VERIFY_DATA_LENGTH = 12;

    private Tls12KeySchedule() {
    }

    /**
     * The AEAD write keys and fixed IVs of both directions. AEAD suites have no MAC keys (RFC 5246
     * section 6.3: mac_key_length is 0).
     *
     * @param clientWriteKey the client-to-server AEAD key
     * @param serverWriteKey the server-to-client AEAD key
     * @param clientWriteIv the client's fixed IV: the 4-byte salt (AES-GCM) or the 12-byte IV (ChaCha20-Poly1305)
     * @param serverWriteIv the server's fixed IV
     */
    public record KeyBlock(Secret clientWriteKey, Secret serverWriteKey, Secret clientWriteIv, Secret serverWriteIv) {
        /** Checks the parts are present. */
        public KeyBlock {
            Objects.requireNonNull(clientWriteKey, "clientWriteKey");
            Objects.requireNonNull(serverWriteKey, "serverWriteKey");
            Objects.requireNonNull(clientWriteIv, "clientWriteIv");
            Objects.requireNonNull(serverWriteIv, "serverWriteIv");
        }
    }

    /**
     * PRF(secret, label, seed) = P_hash(secret, label + seed) (RFC 5246 section 5), truncated to
     * {@code length} bytes. P_hash(secret, seed) = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed)
     * + ..., with A(0) = seed and A(i) = HMAC(secret, A(i-1)).
     *
     * @param label an ASCII label without a length or terminator, for example {@code "master secret"}
     */
    public static Secret prf(CryptoProvider crypto, HashAlgorithm hash, Secret secret, String label, Bytes seed,
                             int length) {
        if (length < 0) {
            throw new IllegalArgumentException("PRF output length is negative: " + length);
        }
        Bytes labelAndSeed = Bytes.wrap(label.getBytes(StandardCharsets.US_ASCII)).concat(seed);
        Hmac hmac = crypto.hmac(hash, secret);
        byte[] out = new byte[length];
        Bytes a = labelAndSeed;
        int filled = 0;
        while (filled < length) {
            a = hmac.mac(a);
            byte[] block = hmac.mac(a.concat(labelAndSeed)).toArray();
            int n = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, out, filled, n);
            Arrays.fill(block, (byte) 0);
            filled += n;
        }
        return Secret.wrap(out);
    }

    /** master_secret = PRF(pre_master_secret, "master secret", ClientHello.random + ServerHello.random)[0..47]. */
    public static Secret masterSecret(CryptoProvider crypto, HashAlgorithm hash, Secret preMaster,
                                      Bytes clientRandom, Bytes serverRandom) {
        return prf(crypto, hash, preMaster, "master secret", clientRandom.concat(serverRandom), MASTER_SECRET_LENGTH);
    }

    /**
     * master_secret = PRF(pre_master_secret, "extended master secret", session_hash)[0..47] (RFC 7627
     * section 4), where session_hash is the transcript hash from ClientHello up to and including
     * ClientKeyExchange.
     */
    public static Secret extendedMasterSecret(CryptoProvider crypto, HashAlgorithm hash, Secret preMaster,
                                              Bytes sessionHash) {
        return prf(crypto, hash, preMaster, "extended master secret", sessionHash, MASTER_SECRET_LENGTH);
    }

    /**
     * The fixed IV length of an AEAD in TLS 1.2: 4 bytes of salt for AES-GCM (RFC 5288 section 3; the
     * other 8 nonce bytes travel in each record), 12 bytes for ChaCha20-Poly1305 (RFC 7905 section 2).
     */
    public static int fixedIvLength(AeadAlgorithm aead) {
        return aead == AeadAlgorithm.CHACHA20_POLY1305 ? 12 : 4;
    }

    /**
     * key_block = PRF(master_secret, "key expansion", server_random + client_random), cut into
     * client_write_key, server_write_key, client_write_IV, server_write_IV (RFC 5246 section 6.3; no MAC
     * keys for AEAD suites). The PRF hash is the suite's.
     *
     * @throws IllegalStateException if tlsj does not implement the suite
     */
    public static KeyBlock keyBlock(CryptoProvider crypto, CipherSuite suite, Secret master, Bytes clientRandom,
                                    Bytes serverRandom) {
        AeadAlgorithm aead = suite.aead();
        int keyLength = aead.keyLength();
        int ivLength = fixedIvLength(aead);
        Secret block = prf(crypto, suite.hash(), master, "key expansion", serverRandom.concat(clientRandom),
                2 * keyLength + 2 * ivLength);
        byte[] raw = block.expose();
        block.destroy();
        try {
            int at = 0;
            Secret clientKey = Secret.copyOf(Arrays.copyOfRange(raw, at, at += keyLength));
            Secret serverKey = Secret.copyOf(Arrays.copyOfRange(raw, at, at += keyLength));
            Secret clientIv = Secret.copyOf(Arrays.copyOfRange(raw, at, at += ivLength));
            Secret serverIv = Secret.copyOf(Arrays.copyOfRange(raw, at, at + ivLength));
            return new KeyBlock(clientKey, serverKey, clientIv, serverIv);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * The record protections of one connection's two directions, as seen from one side.
     *
     * @param read opens the peer's records
     * @param write seals ours
     */
    public record Protections(RecordProtection12 read, RecordProtection12 write) {
        /** Checks the parts are present. */
        public Protections {
            Objects.requireNonNull(read, "read");
            Objects.requireNonNull(write, "write");
        }
    }

    /**
     * The record protections of both directions from the master secret: the {@link #keyBlock key block}'s
     * write keys and fixed IVs, each AEAD keyed once (RFC 5246 section 6.3).
     *
     * @param client whether we are the client (our write key is then client_write_key)
     */
    public static Protections protections(CryptoProvider crypto, CipherSuite suite, Secret master,
                                          Bytes clientRandom, Bytes serverRandom, boolean client) {
        KeyBlock kb = keyBlock(crypto, suite, master, clientRandom, serverRandom);
        RecordProtection12 c = RecordProtection12.of(crypto, suite.aead(), kb.clientWriteKey(), kb.clientWriteIv());
        RecordProtection12 s = RecordProtection12.of(crypto, suite.aead(), kb.serverWriteKey(), kb.serverWriteIv());
        kb.clientWriteKey().destroy();
        kb.serverWriteKey().destroy();
        return client ? new Protections(s, c) : new Protections(c, s);
    }

    /**
     * verify_data = PRF(master_secret, finished_label, Hash(handshake_messages))[0..11] (RFC 5246 section
     * 7.4.9), with finished_label "client finished" or "server finished".
     *
     * @param client whether this is the client's Finished
     * @param handshakeHash the transcript hash of every handshake message before this Finished
     */
    public static Bytes finishedVerifyData(CryptoProvider crypto, HashAlgorithm hash, Secret master, boolean client,
                                           Bytes handshakeHash) {
        Secret out = prf(crypto, hash, master, client ? "client finished" : "server finished", handshakeHash,
                VERIFY_DATA_LENGTH);
        Bytes verifyData = Bytes.wrap(out.expose());
        out.destroy();
        return verifyData;
    }

    /**
     * The keying material exporter of RFC 5705 section 4: PRF(master_secret, label, client_random +
     * server_random [+ context_value_length + context_value])[length]. An absent context and an empty
     * one give different output: the empty one still adds its two-byte length.
     *
     * @throws IllegalArgumentException if the context is 2^16 bytes or longer
     */
    public static Secret exporter(CryptoProvider crypto, HashAlgorithm hash, Secret master, String label,
                                  Bytes clientRandom, Bytes serverRandom, Optional<Bytes> context, int length) {
        ByteWriter seed = new ByteWriter(64 + context.map(Bytes::length).orElse(0) + 2);
        seed.bytes(clientRandom).bytes(serverRandom);
        context.ifPresent(c -> {
            if (c.length() > 0xffff) {
                throw new IllegalArgumentException("exporter context of " + c.length() + " bytes is too long");
            }
            seed.u16Bytes(c);
        });
        return prf(crypto, hash, master, label, seed.toBytes(), length);
    }
}
