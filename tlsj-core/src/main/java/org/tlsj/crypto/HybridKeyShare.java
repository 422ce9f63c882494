package org.tlsj.crypto;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import org.tlsj.Bytes;
import org.tlsj.NamedGroup;
import org.tlsj.TlsFatalAlertException;

/**
 * The hybrid groups of RFC 10024 (draft-ietf-tls-ecdhe-mlkem): ML-KEM with an ECDH exchange, each part's
 * value concatenated in a fixed order. The order differs per group:
 *
 * <table>
 * <caption>share and secret layout</caption>
 * <tr><th>group</th><th>client share</th><th>server share</th><th>shared secret</th></tr>
 * <tr><td>X25519MLKEM768 (0x11EC)</td><td>ML-KEM-768 key (1184) || X25519 (32)</td>
 *     <td>ciphertext (1088) || X25519 (32)</td><td>ML-KEM (32) || X25519 (32)</td></tr>
 * <tr><td>SecP256r1MLKEM768 (0x11EB)</td><td>P-256 point (65) || ML-KEM-768 key (1184)</td>
 *     <td>P-256 point (65) || ciphertext (1088)</td><td>ECDH (32) || ML-KEM (32)</td></tr>
 * <tr><td>SecP384r1MLKEM1024 (0x11ED)</td><td>P-384 point (97) || ML-KEM-1024 key (1568)</td>
 *     <td>P-384 point (97) || ciphertext (1568)</td><td>ECDH (48) || ML-KEM (32)</td></tr>
 * </table>
 *
 * <p>X25519MLKEM768 puts ML-KEM first because it was deployed that way (the FIPS-approved part first); the
 * NIST-curve hybrids put the ECDH part first. Every size is checked exactly, and each part is validated by
 * the code that computes it: the ECDH point (uncompressed, on the curve) by the classical key share, the
 * encapsulation key (FIPS 203 modulus check) by the JDK's ML-KEM. A failure is illegal_parameter.
 *
 * <p>ML-KEM is always the JDK's. The ECDH part is a {@link KeyShare} from a function, normally the
 * provider's own {@link CryptoProvider#startKeyExchange}, so another provider builds these groups over its own
 * X25519 and ECDH with {@link #client} and {@link #encapsulate}. Randomness is drawn in one order whatever
 * the ECDH implementation (client: the ML-KEM key generation, then the ECDH key; server: the ECDH key, then
 * the ML-KEM encapsulation), so a seeded source gives the same bytes in every provider whose X25519 draws its
 * scalar as the next 32 bytes.
 */
public final class HybridKeyShare extends AbstractKeyShare {
    /** A hybrid group: its ML-KEM parameter set, its ECDH group and share length, and the part order. */
    private enum Kind {
        X25519MLKEM768(NamedGroup.X25519MLKEM768, MlKem.ML_KEM_768, NamedGroup.X25519, 32, true),
        SECP256R1MLKEM768(NamedGroup.SECP256R1MLKEM768, MlKem.ML_KEM_768, NamedGroup.SECP256R1, 65, false),
        SECP384R1MLKEM1024(NamedGroup.SECP384R1MLKEM1024, MlKem.ML_KEM_1024, NamedGroup.SECP384R1, 97, false);

        private final NamedGroup group;
        private final MlKem kem;
        private final NamedGroup classical;
        private final int classicalLength;
        private final boolean kemFirst;

        Kind(NamedGroup group, MlKem kem, NamedGroup classical, int classicalLength, boolean kemFirst) {
            this.group = group;
            this.kem = kem;
            this.classical = classical;
            this.classicalLength = classicalLength;
            this.kemFirst = kemFirst;
        }

        static Optional<Kind> of(NamedGroup group) {
            return Arrays.stream(values()).filter(k -> k.group.equals(group)).findFirst();
        }

        static Kind require(NamedGroup group) {
            return of(group).orElseThrow(() -> new IllegalArgumentException("not a hybrid group: " + group));
        }

        /** The two parts in this group's order. */
        Bytes join(Bytes kemPart, Bytes classicalPart) {
            return kemFirst ? kemPart.concat(classicalPart) : classicalPart.concat(kemPart);
        }

        /** The KEM part of a share whose total length is already checked. */
        Bytes kemPart(Bytes share) {
            return kemFirst ? share.slice(0, share.length() - classicalLength)
                    : share.slice(classicalLength, share.length());
        }

        /** The ECDH part of a share whose total length is already checked. */
        Bytes classicalPart(Bytes share) {
            return kemFirst ? share.slice(share.length() - classicalLength, share.length())
                    : share.slice(0, classicalLength);
        }

        KeyShare requireClassical(KeyShare part) {
            if (!part.group().equals(classical) || part.publicShare().length() != classicalLength) {
                throw new IllegalArgumentException("the ECDH part of " + group + " must be a " + classicalLength
                        + "-byte " + classical + " share, got " + part.group());
            }
            return part;
        }
    }

    private final Kind kind;
    private final MlKemKeyShare kem;
    private final KeyShare classical;

    private HybridKeyShare(Kind kind, MlKemKeyShare kem, KeyShare classical) {
        super(kind.group, kind.join(kem.publicShare(), kind.requireClassical(classical).publicShare()));
        this.kind = kind;
        this.kem = kem;
        this.classical = classical;
    }

    /**
     * Whether a group is one of the hybrids this class implements.
     *
     * @param group any group
     * @return true for X25519MLKEM768, SecP256r1MLKEM768 and SecP384r1MLKEM1024
     */
    public static boolean isHybrid(NamedGroup group) {
        return Kind.of(group).isPresent();
    }

    /**
     * The client side of a hybrid: an ML-KEM key pair (the JDK's, drawing from {@code secureRandom}), then the
     * ECDH part from {@code classical}.
     *
     * @param group a hybrid group ({@link #isHybrid})
     * @param secureRandom the source the ML-KEM key generation draws from (normally a
     *     {@link RandomSourceSecureRandom} over the provider's {@link RandomSource})
     * @param classical starts a key exchange on the group it is given (x25519, secp256r1 or secp384r1)
     * @return the client's key share; its {@link #complete} takes the server's share
     * @throws IllegalArgumentException if the group is not a hybrid, or {@code classical} gives a share of
     *     another group or length
     */
    public static HybridKeyShare client(NamedGroup group, SecureRandom secureRandom,
            Function<NamedGroup, ? extends KeyShare> classical) {
        Kind kind = Kind.require(group);
        MlKemKeyShare kem = MlKemKeyShare.generate(group, kind.kem, secureRandom);
        return new HybridKeyShare(kind, kem, classical.apply(kind.classical));
    }

    /**
     * A client share over given keys. Only for known-answer tests, which inject a published ML-KEM key pair
     * that the JDK can import (its expanded PKCS#8 form) but not regenerate without its seed.
     */
    static HybridKeyShare of(NamedGroup group, KeyPair mlKem, KeyShare classical) {
        Kind kind = Kind.require(group);
        return new HybridKeyShare(kind, MlKemKeyShare.of(group, kind.kem, mlKem), classical);
    }

    /**
     * The server side of a hybrid: checks the client share's length, runs the ECDH part ({@code classical}
     * gives a fresh key, completed with the client's ECDH part), then encapsulates to the client's ML-KEM key
     * (drawing from {@code secureRandom}).
     *
     * @param group a hybrid group ({@link #isHybrid})
     * @param clientShare the client's key_share bytes
     * @param secureRandom the source the ML-KEM encapsulation draws from
     * @param classical starts a key exchange on the group it is given (x25519, secp256r1 or secp384r1)
     * @return the server share and the shared secret, each in the group's order
     * @throws TlsFatalAlertException illegal_parameter if the client share has the wrong length, holds an ECDH
     *     share the ECDH part refuses (not on the curve, not uncompressed, all-zero X25519 result) or an invalid
     *     encapsulation key; internal_error if ML-KEM fails
     * @throws IllegalArgumentException if the group is not a hybrid, or {@code classical} gives a share of
     *     another group or length
     */
    public static Encapsulation encapsulate(NamedGroup group, Bytes clientShare, SecureRandom secureRandom,
            Function<NamedGroup, ? extends KeyShare> classical) throws TlsFatalAlertException {
        Kind kind = Kind.require(group);
        int expected = kind.kem.publicKeyLength() + kind.classicalLength;
        if (clientShare.length() != expected) {
            throw KeyShareChecks.badKeyShare(group + " client share must be " + expected + " bytes, got "
                    + clientShare.length());
        }
        KeyShare server = kind.requireClassical(classical.apply(kind.classical));
        Secret classicalSecret = server.complete(kind.classicalPart(clientShare));
        Encapsulation kem;
        try {
            kem = MlKemKeyShare.encapsulate(group, kind.kem, kind.kemPart(clientShare), secureRandom);
        } catch (TlsFatalAlertException | RuntimeException e) {
            classicalSecret.destroy();
            throw e;
        }
        return new Encapsulation(kind.join(kem.serverShare(), server.publicShare()),
                join(kind, kem.sharedSecret(), classicalSecret));
    }

    @Override
    public Secret complete(Bytes peerShare) throws TlsFatalAlertException {
        int expected = kind.kem.ciphertextLength() + kind.classicalLength;
        if (peerShare.length() != expected) {
            throw KeyShareChecks.badKeyShare(group() + " server share must be " + expected + " bytes, got "
                    + peerShare.length());
        }
        Secret classicalSecret = classical.complete(kind.classicalPart(peerShare));
        Secret kemSecret;
        try {
            kemSecret = kem.complete(kind.kemPart(peerShare));
        } catch (TlsFatalAlertException | RuntimeException e) {
            classicalSecret.destroy();
            throw e;
        }
        return join(kind, kemSecret, classicalSecret);
    }

    @Override
    public String toString() {
        return "HybridKeyShare[" + group() + "]";
    }

    /** The two secrets in the group's order; both inputs are destroyed. */
    private static Secret join(Kind kind, Secret kemSecret, Secret classicalSecret) {
        byte[] k = kemSecret.expose();
        byte[] c = classicalSecret.expose();
        byte[] first = kind.kemFirst ? k : c;
        byte[] second = kind.kemFirst ? c : k;
        byte[] out = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        Arrays.fill(k, (byte) 0);
        Arrays.fill(c, (byte) 0);
        kemSecret.destroy();
        classicalSecret.destroy();
        return Secret.wrap(out);
    }
}
