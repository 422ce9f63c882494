package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsj.SessionInfo;

/**
 * {@code getLocalCertificates()} on both sides after mutual TLS, from tlsj's {@link SessionInfo#localCertificates()},
 * and on a resumed session, where it reports the chain of the session resumed as SunJSSE does (checked against
 * SunJSSE as the peer).
 */
class LocalCertificatesTest {
    private static final JssePki PKI = new JssePki();

    private static SSLContext clientContext(String protocol, String peers) throws Exception {
        return peers.equals("jdk-client") ? PKI.jdk(PKI.client) : PKI.tlsjClient(protocol, true);
    }

    private static SSLContext serverContext(String protocol, String peers) throws Exception {
        return peers.equals("jdk-server") ? PKI.jdk(PKI.server) : PKI.tlsjServer(protocol);
    }

    /** One connection needing client authentication; returns {client session, server session}. */
    private static SSLSession[] connect(String protocol, SSLContext client, SSLContext server) throws Exception {
        EnginePair pair = EnginePair.connect(client, server, protocol, s -> s.setNeedClientAuth(true));
        return new SSLSession[] {pair.client.engine.getSession(), pair.server.engine.getSession()};
    }

    private static List<Certificate> local(SSLSession s) {
        return List.of(s.getLocalCertificates());
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, tlsj", "TLSv1.2, tlsj", "TLSv1.3, jdk-client", "TLSv1.2, jdk-client",
            "TLSv1.3, jdk-server", "TLSv1.2, jdk-server"})
    void bothSidesReportTheChainTheySentAndAResumptionKeepsIt(String protocol, String peers) throws Exception {
        SSLContext client = clientContext(protocol, peers);
        SSLContext server = serverContext(protocol, peers);
        SSLSession[] first = connect(protocol, client, server);
        assertThat(local(first[0])).containsExactlyElementsOf(PKI.client.chain());
        assertThat(local(first[1])).containsExactlyElementsOf(PKI.server.chain());
        assertThat(first[1].getPeerCertificates()).containsExactlyElementsOf(PKI.client.chain());

        SSLSession[] again = connect(protocol, client, server);
        if (!peers.equals("jdk-server")) {
            SessionInfo info = TlsjContexts.sessionInfo(again[1]).orElseThrow();
            assertThat(info.resumed()).isTrue();
            assertThat(info.localCertificates()).isEmpty();
        }
        if (!peers.equals("jdk-client")) {
            assertThat(TlsjContexts.sessionInfo(again[0]).orElseThrow().resumed()).isTrue();
        }
        assertThat(local(again[0])).containsExactlyElementsOf(PKI.client.chain());
        assertThat(local(again[1])).containsExactlyElementsOf(PKI.server.chain());
        assertThat(again[1].getPeerCertificates()).containsExactlyElementsOf(PKI.client.chain());
    }
}
