package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tlsj.ClientConfig;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
import org.tlsj.pki.PkixVerifier;

/**
 * A client context resumes every connection after the first, not only the second: in TLS 1.2 the ticket
 * renewed on a resumed connection must stay usable (as {@code tlsj get --tls 1.2 --reconnect 2} needs), in
 * TLS 1.3 each resumption's new ticket must. Both kinds of TLSJ client context: key and trust managers, and
 * {@link TlsjContexts} from a tlsj ClientConfig.
 */
class SuccessiveResumptionTest {
    private static final JssePki PKI = new JssePki();
    private static final int CONNECTIONS = 4;

    /** {client, server}: both from key and trust managers, or both from tlsj configs. */
    private static SSLContext[] contexts(String kind, String protocol) throws Exception {
        if (kind.equals("managers")) {
            return new SSLContext[] {PKI.tlsjClient(protocol, false), PKI.tlsjServer(protocol)};
        }
        List<ProtocolVersion> versions = List.of(version(protocol));
        return new SSLContext[] {
            TlsjContexts.client(ClientConfig.builder().versions(versions)
                    .verifier(PkixVerifier.withTrustedCertificates(List.of(PKI.ca.certificate()))).build()),
            TlsjContexts.server(ServerConfig.builder(PKI.server).versions(versions).build())};
    }

    /** One connection with data both ways; returns {client session, server session}. */
    private static SSLSession[] connect(SSLContext[] contexts, String protocol) throws Exception {
        EnginePair pair = EnginePair.connect(contexts[0], contexts[1], protocol, s -> { });
        return new SSLSession[] {pair.client.engine.getSession(), pair.server.engine.getSession()};
    }

    private static boolean resumed(SSLSession[] connection) {
        return TlsjContexts.sessionInfo(connection[0]).orElseThrow().resumed();
    }

    private static ProtocolVersion version(String protocol) {
        return protocol.equals("TLSv1.2") ? ProtocolVersion.TLS12 : ProtocolVersion.TLS13;
    }

    @ParameterizedTest
    @CsvSource({"managers, TLSv1.2", "managers, TLSv1.3", "tlsj-config, TLSv1.2", "tlsj-config, TLSv1.3"})
    void everyConnectionAfterTheFirstResumes(String kind, String protocol) throws Exception {
        SSLContext[] contexts = contexts(kind, protocol);
        List<SSLSession[]> sessions = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            sessions.add(connect(contexts, protocol));
        }
        assertThat(sessions).extracting(SuccessiveResumptionTest::resumed).containsExactly(false, true, true, true);
        byte[] clientId = sessions.getFirst()[0].getId();
        byte[] serverId = sessions.getFirst()[1].getId();
        for (SSLSession[] p : sessions) {
            assertThat(TlsjContexts.sessionInfo(p[1]).orElseThrow().version()).isEqualTo(version(protocol));
            assertThat(p[0].getId()).isEqualTo(clientId);
            assertThat(p[1].getId()).isEqualTo(serverId);
        }
    }

    @ParameterizedTest
    @CsvSource({"managers, TLSv1.2", "managers, TLSv1.3", "tlsj-config, TLSv1.2", "tlsj-config, TLSv1.3"})
    void invalidatingAResumedSessionEndsItsResumption(String kind, String protocol) throws Exception {
        SSLContext[] contexts = contexts(kind, protocol);
        SSLSession[] first = connect(contexts, protocol);
        SSLSession[] second = connect(contexts, protocol);
        assertThat(resumed(second)).isTrue();
        second[0].invalidate();
        assertThat(first[0].isValid()).isFalse();
        SSLSession[] third = connect(contexts, protocol);
        assertThat(resumed(third)).isFalse();
        assertThat(third[0].getId()).isNotEqualTo(first[0].getId());
        assertThat(resumed(connect(contexts, protocol))).isTrue();
    }
}
