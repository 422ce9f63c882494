package org.tlsj.crypto.openssl;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.util.Optional;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.Signer;
import org.tlsj.crypto.Verifier;
import org.tlsj.Bytes;

/**
 * ECDSA (P-256, P-384, P-521; DER signatures, as TLS carries them) and Ed25519 with EVP_DigestSign and
 * EVP_DigestVerify over a cached native key. Each operation takes its own EVP_MD_CTX, and a built EVP_PKEY is
 * only read, so signers and verifiers are safe to share between threads.
 *
 * <p>ECDSA nonces come from OpenSSL's own random generator, not from the provider's {@code RandomSource}
 * (OpenSSL 3.0 has no way to inject them, and RFC 6979 deterministic nonces arrive only in 3.2), so ECDSA
 * signatures are not reproducible under a seeded source. Ed25519 is deterministic by definition.
 */
final class NativeSignatures {
    /** Longer than any signature here (P-521 DER ECDSA is at most 139 bytes). */
    private static final int MAX_SIGNATURE = 160;

    private NativeSignatures() {
    }

    /** A scheme this provider signs natively, with its curve (none for Ed25519) and hash (none for Ed25519). */
    enum Algorithm {
        ECDSA_SECP256R1_SHA256(SignatureScheme.ECDSA_SECP256R1_SHA256, NistCurve.P256),
        ECDSA_SECP384R1_SHA384(SignatureScheme.ECDSA_SECP384R1_SHA384, NistCurve.P384),
        ECDSA_SECP521R1_SHA512(SignatureScheme.ECDSA_SECP521R1_SHA512, NistCurve.P521),
        ED25519(SignatureScheme.ED25519, null);

        private final SignatureScheme scheme;
        private final NistCurve curve;

        Algorithm(SignatureScheme scheme, NistCurve curve) {
            this.scheme = scheme;
            this.curve = curve;
        }

        /** The native algorithm for a scheme, if there is one. */
        static Optional<Algorithm> of(SignatureScheme scheme) {
            for (Algorithm a : values()) {
                if (a.scheme.equals(scheme)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }

        /** Whether the key fits: ECDSA in TLS 1.3 binds the curve; ed25519 needs an Ed25519 key. */
        boolean fits(Key key) {
            if (curve != null) {
                return key instanceof ECKey ec && curve.curve().matches(ec);
            }
            return key instanceof EdECKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName());
        }

        /** The EVP_MD to sign with, or NULL for Ed25519, which hashes inside the scheme. */
        MemorySegment digest(LibCrypto lib) {
            return curve == null ? MemorySegment.NULL : lib.digest(curve.digest());
        }
    }

    /** Signs with a cached native private key. */
    record NativeSigner(LibCrypto lib, Algorithm algorithm, NativeKey key) implements Signer {
        @Override
        public SignatureScheme scheme() {
            return algorithm.scheme;
        }

        @Override
        public Bytes sign(Bytes message) throws TlsFatalAlertException {
            MemorySegment ctx = lib.digests().mdCtxNew();
            if (LibCrypto.isNull(ctx)) {
                throw Native.cryptoFailure("EVP_MD_CTX_new failed: " + lib.drainErrors());
            }
            try (Arena arena = Arena.ofConfined()) {
                if (lib.digests().digestSignInit(ctx, algorithm.digest(lib), key.pointer()) != 1) {
                    throw Native.cryptoFailure("signing with " + algorithm.scheme + " could not start: "
                            + lib.drainErrors());
                }
                MemorySegment tbs = Native.copy(arena, message.toArray());
                MemorySegment signature = arena.allocate(MAX_SIGNATURE);
                MemorySegment length = Native.sizeCell(arena, MAX_SIGNATURE);
                if (lib.digests().digestSign(ctx, signature, length, tbs, tbs.byteSize()) != 1) {
                    throw Native.cryptoFailure("signing with " + algorithm.scheme + " failed: " + lib.drainErrors());
                }
                return Bytes.wrap(signature.asSlice(0, length.get(ValueLayout.JAVA_LONG, 0))
                        .toArray(ValueLayout.JAVA_BYTE));
            } finally {
                lib.digests().mdCtxFree(ctx);
                key.fence();
            }
        }

        /** The scheme only: never key material. */
        @Override
        public String toString() {
            return "OpenSslSigner[" + algorithm.scheme + "]";
        }
    }

    /** Verifies with a cached native public key; any failure, malformed signatures included, is false. */
    record NativeVerifier(LibCrypto lib, Algorithm algorithm, NativeKey key) implements Verifier {
        @Override
        public SignatureScheme scheme() {
            return algorithm.scheme;
        }

        @Override
        public boolean verify(Bytes message, Bytes signature) {
            MemorySegment ctx = lib.digests().mdCtxNew();
            if (LibCrypto.isNull(ctx)) {
                lib.drainErrors();
                return false;
            }
            try (Arena arena = Arena.ofConfined()) {
                if (lib.digests().digestVerifyInit(ctx, algorithm.digest(lib), key.pointer()) != 1) {
                    lib.drainErrors();
                    return false;
                }
                MemorySegment tbs = Native.copy(arena, message.toArray());
                MemorySegment sig = Native.copy(arena, signature.toArray());
                boolean ok = lib.digests().digestVerify(ctx, sig, sig.byteSize(), tbs, tbs.byteSize()) == 1;
                if (!ok) {
                    lib.drainErrors();
                }
                return ok;
            } finally {
                lib.digests().mdCtxFree(ctx);
                key.fence();
            }
        }

        @Override
        public String toString() {
            return "OpenSslVerifier[" + algorithm.scheme + "]";
        }
    }
}
