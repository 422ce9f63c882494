package org.tlsj.certs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.util.Base64;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.tlsj.pki.Pem;

/**
 * Private keys as PKCS#8 PEM that every peer can read. The JDK leaves the optional publicKey out of an EC
 * key's ECPrivateKey (RFC 5915 allows it), and GnuTLS 3.7 refuses such a key ("ASN1 parser: Element was
 * not found"), so EC keys get their public point written in.
 */
public final class KeyPem {
    private KeyPem() {
    }

    /** The private key of {@code keys} as a PEM "PRIVATE KEY" block. */
    public static String toPem(KeyPair keys) {
        if (!(keys.getPrivate() instanceof ECPrivateKey ec)) {
            return Pem.toPem(keys.getPrivate());
        }
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getEncoded());
            byte[] point = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData().getBytes();
            byte[] der = new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), new org.bouncycastle.asn1.sec.ECPrivateKey(
                    ec.getParams().getOrder().bitLength(), ec.getS(), new DERBitString(point), null)).getEncoded();
            return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the EC key", e);
        }
    }
}
