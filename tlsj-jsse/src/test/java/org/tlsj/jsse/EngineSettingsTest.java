package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tlsj.jsse.TlsjEngineHandshakeTest.client;
import static org.tlsj.jsse.TlsjEngineHandshakeTest.server;

import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.certs.KeyType;

/** SSLParameters and the setEnabled methods, in standard names, reach the handshake. */
class EngineSettingsTest {
    private static final JssePki PKI = new JssePki();
    private static final int NET = TlsjSession.PACKET_BUFFER_SIZE;
    private static final int APP = TlsjSession.APPLICATION_BUFFER_SIZE;

    @Test
    void enabledSuiteGroupAndSchemeAreTheOnesNegotiatedWithSunJsse() throws Exception {
        SSLEngine c = client(PKI.tlsjClient("TLS", false));
        SSLParameters p = c.getSSLParameters();
        p.setCipherSuites(new String[] {"TLS_AES_256_GCM_SHA384"});
        p.setNamedGroups(new String[] {"secp384r1"});
        p.setSignatureSchemes(new String[] {"ecdsa_secp256r1_sha256"});
        c.setSSLParameters(p);
        assertThat(c.getEnabledCipherSuites()).containsExactly("TLS_AES_256_GCM_SHA384");
        assertThat(c.getSSLParameters().getNamedGroups()).containsExactly("secp384r1");
        EnginePair pair = new EnginePair(c, server(PKI.jdk(PKI.server)), 17000, 17000);
        pair.handshake();
        assertThat(c.getSession().getCipherSuite()).isEqualTo("TLS_AES_256_GCM_SHA384");
        assertThat(pair.server.engine.getSession().getCipherSuite()).isEqualTo("TLS_AES_256_GCM_SHA384");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SecP256r1MLKEM768", "SecP384r1MLKEM1024", "MLKEM768", "MLKEM1024"})
    void thePostQuantumGroupNamesReachBothEngines(String group) throws Exception {
        SSLEngine c = client(PKI.tlsjClient("TLS", false));
        SSLEngine s = server(PKI.tlsjServer("TLS"));
        for (SSLEngine e : List.of(c, s)) {
            SSLParameters p = e.getSSLParameters();
            p.setNamedGroups(new String[] {group.toLowerCase(java.util.Locale.ROOT)});
            e.setSSLParameters(p);
            assertThat(e.getSSLParameters().getNamedGroups()).containsExactly(group);
        }
        EnginePair pair = new EnginePair(c, s, NET, APP);
        pair.handshake(); // only the one group is enabled on either side
        assertThat(c.getSession().getProtocol()).isEqualTo("TLSv1.3");
    }

    @Test
    void pureMlKemIsNotAmongTheDefaultNamedGroups() throws Exception {
        assertThat(client(PKI.tlsjClient("TLS", false)).getSSLParameters().getNamedGroups())
                .startsWith("X25519MLKEM768", "SecP256r1MLKEM768", "SecP384r1MLKEM1024")
                .doesNotContain("MLKEM768", "MLKEM1024");
    }

    @Test
    void unknownProtocolNamesAreRejectedAndOldOnesIgnored() throws Exception {
        SSLEngine e = client(PKI.tlsjClient("TLS", false));
        assertThatThrownBy(() -> e.setEnabledProtocols(new String[] {"TLSv9"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.setEnabledProtocols(new String[] {"TLSv1.1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none of the protocols");
        e.setEnabledProtocols(new String[] {"TLSv1.1", "TLSv1.2"});
        assertThat(e.getEnabledProtocols()).containsExactly("TLSv1.2");
        assertThatThrownBy(() -> e.setEnabledCipherSuites(new String[] {"TLS_RSA_WITH_RC4_128_MD5"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientModeCannotChangeOnceTheHandshakeBegan() throws Exception {
        SSLEngine e = client(PKI.tlsjClient("TLS", false));
        e.beginHandshake();
        assertThatThrownBy(() -> e.setUseClientMode(false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.getUseClientMode()).isTrue();
    }

    @Test
    void sniNameSetInParametersIsSentAndSeenByTheServer() throws Exception {
        SSLEngine c = PKI.tlsjClient("TLS", false).createSSLEngine("127.0.0.1", 8443);
        c.setUseClientMode(true);
        SSLParameters p = c.getSSLParameters();
        p.setServerNames(List.of(new SNIHostName("localhost")));
        p.setEndpointIdentificationAlgorithm("HTTPS");
        c.setSSLParameters(p);
        EnginePair pair = new EnginePair(c, server(PKI.tlsjServer("TLS")), NET, APP);
        pair.handshake();
        ExtendedSSLSession s = (ExtendedSSLSession) pair.server.engine.getSession();
        assertThat(s.getRequestedServerNames()).containsExactly(new SNIHostName("localhost"));
        assertThat(((ExtendedSSLSession) c.getSession()).getRequestedServerNames())
                .containsExactly(new SNIHostName("localhost"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void rsaServerKeyIsChosenByTheKeyManagerAndAcceptedBySunJsse(String protocol) throws Exception {
        JssePki rsa = new JssePki(KeyType.RSA_2048);
        SSLEngine c = client(rsa.jdk(null));
        c.setEnabledProtocols(new String[] {protocol});
        EnginePair pair = new EnginePair(c, server(rsa.tlsjServer(protocol)), 17000, 17000);
        pair.handshake();
        pair.send(pair.client, new byte[] {5});
        assertThat(c.getSession().getProtocol()).isEqualTo(protocol);
        assertThat(c.getSession().getPeerCertificates()[0].getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(pair.server.engine.getSession().getLocalCertificates()[0]).isEqualTo(rsa.server.leaf());
        if (protocol.equals("TLSv1.2")) {
            assertThat(c.getSession().getCipherSuite()).startsWith("TLS_ECDHE_RSA_");
        }
    }

    @Test
    void sessionContextListsCompletedSessionsAndHonoursItsLimits() throws Exception {
        var cc = PKI.tlsjClient("TLS", false);
        EnginePair pair = new EnginePair(client(cc), server(PKI.tlsjServer("TLS")), NET, APP);
        pair.handshake();
        var ctx = cc.getClientSessionContext();
        byte[] id = pair.client.engine.getSession().getId();
        assertThat(id).hasSize(32);
        assertThat(ctx.getSession(id)).isSameAs(pair.client.engine.getSession());
        ctx.setSessionTimeout(60);
        assertThat(ctx.getSessionTimeout()).isEqualTo(60);
        pair.client.engine.getSession().invalidate();
        assertThat(ctx.getSession(id)).isNull();
        assertThat(pair.client.engine.getSession().isValid()).isFalse();
    }
}
