package org.tlsj.testkit.pair;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import org.tlsj.NamedGroup;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.Aead;
import org.tlsj.crypto.AeadAlgorithm;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.Encapsulation;
import org.tlsj.crypto.HashAlgorithm;
import org.tlsj.crypto.Hkdf;
import org.tlsj.crypto.Hmac;
import org.tlsj.crypto.JcaCryptoProvider;
import org.tlsj.crypto.KeyShare;
import org.tlsj.crypto.RandomSource;
import org.tlsj.crypto.Secret;
import org.tlsj.crypto.Signer;
import org.tlsj.crypto.TranscriptHash;
import org.tlsj.crypto.Verifier;
import org.tlsj.Bytes;

/**
 * A client-side provider whose second HMAC (the client's own Finished; the first checks the server's)
 * comes out with one bit flipped: a peer that sends a bad Finished.
 */
final class WrongFinishedCrypto implements CryptoProvider {
    private final CryptoProvider jca = JcaCryptoProvider.create();
    private int hmacs;

    @Override public RandomSource random() { return jca.random(); }
    @Override public List<NamedGroup> groups() { return jca.groups(); }
    @Override public List<SignatureScheme> signatureSchemes() { return jca.signatureSchemes(); }
    @Override public TranscriptHash newHash(HashAlgorithm a) { return jca.newHash(a); }
    @Override public Hkdf hkdf(HashAlgorithm a) { return jca.hkdf(a); }
    @Override public Aead aead(AeadAlgorithm a, Secret key) { return jca.aead(a, key); }
    @Override public KeyShare startKeyExchange(NamedGroup g) { return jca.startKeyExchange(g); }
    @Override public Encapsulation encapsulate(NamedGroup g, Bytes share) throws TlsFatalAlertException {
        return jca.encapsulate(g, share);
    }
    @Override public Bytes rsaEncrypt(PublicKey k, Bytes pms) throws TlsFatalAlertException { return jca.rsaEncrypt(k, pms); }
    @Override public Optional<Secret> rsaDecrypt(PrivateKey k, Bytes e) { return jca.rsaDecrypt(k, e); }
    @Override public Optional<Signer> signer(PrivateKey k, SignatureScheme s) { return jca.signer(k, s); }
    @Override public Optional<Verifier> verifier(PublicKey k, SignatureScheme s) { return jca.verifier(k, s); }

    @Override
    public Hmac hmac(HashAlgorithm a, Secret key) {
        Hmac real = jca.hmac(a, key);
        boolean flip = ++hmacs == 2;
        return new Hmac() {
            @Override public HashAlgorithm algorithm() { return a; }
            @Override public Bytes mac(Bytes data) {
                byte[] m = real.mac(data).toArray();
                if (flip) {
                    m[0] ^= 1;
                }
                return Bytes.wrap(m);
            }
        };
    }
}
