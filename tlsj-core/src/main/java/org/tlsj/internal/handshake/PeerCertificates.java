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
import org.tlsj.internal.wire.Bytes;

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
