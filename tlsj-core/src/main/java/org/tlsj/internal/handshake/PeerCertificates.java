package org.tlsj.internal.handshake;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.tlsj.Fatal;
import org.tlsj.Reason;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.message.Certificate13;
import org.tlsj.internal.message.CertificateEntry;
import org.tlsj.Bytes;

/** Parses the certificates a peer sent (X.509 parsing is the JDK's CertificateFactory). */
public final class PeerCertificates {
    /** The longest chain we parse: real chains have 2 to 4 certificates; a peer cannot make us parse 100. */
    public static final int MAX_CHAIN_LENGTH = 10;

    private PeerCertificates() {
    }

    private static void checkLength(int n) throws TlsFatalAlertException {
        if (n > MAX_CHAIN_LENGTH) {
            throw Fatal.of(Reason.CertificateProblem.CHAIN_TOO_LONG, n + " certificates; the limit is " + MAX_CHAIN_LENGTH);
        }
    }

    /** The chain of a TLS 1.3 Certificate message, leaf first. */
    public static List<X509Certificate> parse(Certificate13 message) throws TlsFatalAlertException {
        if (message.entries().isEmpty()) {
            throw Fatal.of(Reason.CertificateProblem.EMPTY_CHAIN);
        }
        checkLength(message.entries().size());
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (CertificateEntry e : message.entries()) {
                chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(e.certData().toArray())));
            }
        } catch (CertificateException | ClassCastException e) {
            throw Fatal.of(Reason.CertificateProblem.BAD_ENCODING, "certificate " + (chain.size() + 1)
                    + " of the chain: " + e.getMessage());
        }
        return List.copyOf(chain);
    }

    /** The chain of a TLS 1.2 Certificate message, leaf first. */
    public static List<X509Certificate> parse12(org.tlsj.internal.message.Certificate12 message)
            throws TlsFatalAlertException {
        if (message.certificates().isEmpty()) {
            throw Fatal.of(Reason.CertificateProblem.EMPTY_CHAIN);
        }
        checkLength(message.certificates().size());
        List<X509Certificate> chain = decode(message.certificates());
        if (chain.size() != message.certificates().size()) {
            throw Fatal.of(Reason.CertificateProblem.BAD_ENCODING, "a certificate of the chain cannot be parsed");
        }
        return chain;
    }

    /** Certificates from their DER encodings (kept in a ticket); an unreadable one is dropped. */
    public static List<X509Certificate> decode(List<Bytes> der) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (Bytes d : der) {
                chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(d.toArray())));
            }
        } catch (CertificateException e) {
            return List.of();
        }
        return List.copyOf(chain);
    }

    /** What the handshake does with the peer's certificate key: the keyUsage bit that must allow it (RFC 5280 4.2.1.3). */
    public enum KeyUse {
        /** Signing CertificateVerify or ServerKeyExchange: digitalSignature. */
        SIGNATURE(0, "digitalSignature"),
        /** Encrypting the TLS 1.2 static RSA pre-master secret: keyEncipherment. */
        ENCIPHERMENT(2, "keyEncipherment");

        private final int bit;
        private final String bitName;

        KeyUse(int bit, String bitName) {
            this.bit = bit;
            this.bitName = bitName;
        }
    }

    /**
     * A leaf whose keyUsage extension is present must allow the use the handshake makes of its key: RFC 8446
     * section 4.4.2.2 (the digitalSignature bit MUST be set for signing), RFC 5246 section 7.4.2 (ECDHE and
     * client certificates sign: digitalSignature; static RSA encrypts: keyEncipherment). Without the extension
     * every use is allowed. Our verifier may trust any chain; this holds whatever it decides.
     */
    public static void checkKeyUsage(X509Certificate leaf, KeyUse use) throws TlsFatalAlertException {
        boolean[] bits = leaf.getKeyUsage();
        if (bits != null && (bits.length <= use.bit || !bits[use.bit])) {
            throw Fatal.of(Reason.CertificateProblem.WRONG_KEY_USAGE, "the certificate of "
                    + leaf.getSubjectX500Principal().getName() + " has a keyUsage without " + use.bitName
                    + ", which " + (use == KeyUse.SIGNATURE ? "signing the handshake" : "RSA key exchange") + " needs");
        }
    }

    /** The DER encodings of a chain, for sending. */
    public static List<Bytes> encode(List<X509Certificate> chain) {
        try {
            List<Bytes> out = new ArrayList<>();
            for (X509Certificate c : chain) {
                out.add(Bytes.wrap(c.getEncoded()));
            }
            return out;
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode our own certificate", e);
        }
    }
}
