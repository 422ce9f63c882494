package org.tlsj.cli.get;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import org.tlsj.SessionInfo;
import org.tlsj.pki.HostnameMatcher;

/**
 * {@code tlsj get -v}: the summary curl prints, on stderr. Lines start with {@code *} for connection facts,
 * {@code >} for what was sent and {@code <} for what came back.
 */
final class VerboseObserver implements HttpsGet.Observer {
    private final PrintWriter err;
    private final String serverName;
    private final boolean verified;

    /**
     * An observer printing to {@code err}.
     *
     * @param err standard error
     * @param serverName the name the certificate was checked against
     * @param verified whether the certificate was verified (false with --insecure)
     */
    VerboseObserver(PrintWriter err, String serverName, boolean verified) {
        this.err = err;
        this.serverName = serverName;
        this.verified = verified;
    }

    @Override
    public void connected(String host, InetSocketAddress address) {
        err.println("* Connected to " + host + " (" + address.getAddress().getHostAddress() + ") port " + address.getPort());
        err.flush();
    }

    @Override
    public void session(SessionInfo s) {
        err.println("* " + s.version().displayName() + " / " + s.cipherSuite().displayName() + " / "
                + s.group().displayName() + " / " + s.signatureScheme().displayName());
        s.applicationProtocol().ifPresent(p -> err.println("* ALPN: server accepted " + p));
        if (!s.peerCertificates().isEmpty()) {
            X509Certificate leaf = s.peerCertificates().getFirst();
            err.println("* Server certificate:");
            err.println("*  subject: " + leaf.getSubjectX500Principal().getName());
            err.println("*  start date: " + leaf.getNotBefore().toInstant());
            err.println("*  expire date: " + leaf.getNotAfter().toInstant());
            err.println("*  subjectAltName: " + HostnameMatcher.describeNames(leaf) + "; host \"" + serverName + "\" "
                    + (HostnameMatcher.matches(leaf, serverName) ? "matched" : "did NOT match"));
            err.println("*  issuer: " + leaf.getIssuerX500Principal().getName());
            err.println(verified ? "*  SSL certificate verify ok." : "*  SSL certificate NOT verified (--insecure)");
        }
        err.flush();
    }

    @Override
    public void requestHead(List<String> lines) {
        lines.forEach(l -> err.println("> " + l));
        err.println(">");
        err.flush();
    }

    @Override
    public void responseHead(List<String> lines) {
        lines.forEach(l -> err.println("< " + l));
        err.println("<");
        err.flush();
    }
}
