package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tlsj.jsse.TlsjEngineHandshakeTest.client;
import static org.tlsj.jsse.TlsjEngineHandshakeTest.server;

import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * P-521 certificates through the TLSJ provider, as SunJSSE handles them by default: its one signature scheme list
 * (SSLParameters) includes ecdsa_secp521r1_sha512, so a TLSJ server signs with a P-521 key and a TLSJ client
 * accepts one. TLS 1.3 needs that scheme; TLS 1.2 worked before, since there an ECDSA scheme names only its hash.
 */
class P521CertificateTest {
    private static JssePki pki;

    @BeforeAll
    static void p521Server() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp521r1"));
        pki = new JssePki(g.generateKeyPair());
    }

    private static EnginePair handshake(SSLEngine c, SSLEngine s, String protocol) throws Exception {
        c.setEnabledProtocols(new String[] {protocol});
        s.setEnabledProtocols(new String[] {protocol});
        EnginePair pair = new EnginePair(c, s, 17000, 17000);
        pair.handshake();
        return pair;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void tlsjServerSignsWithItsP521KeyForASunJsseClient(String protocol) throws Exception {
        SSLEngine c = client(pki.jdk(null));
        SSLEngine s = server(pki.tlsjServer(protocol));
        handshake(c, s, protocol);
        assertThat(c.getSession().getProtocol()).isEqualTo(protocol);
        ECPublicKey key = (ECPublicKey) c.getSession().getPeerCertificates()[0].getPublicKey();
        assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(521);
        assertThat(s.getSession().getLocalCertificates()[0]).isEqualTo(pki.server.leaf());
    }

    @Test
    void tlsjClientAcceptsASunJsseServersP521KeyInTls13() throws Exception {
        SSLEngine c = client(pki.tlsjClient("TLSv1.3", false));
        SSLEngine s = server(pki.jdk(pki.server));
        handshake(c, s, "TLSv1.3");
        assertThat(c.getSession().getPeerCertificates()[0]).isEqualTo(pki.server.leaf());
        assertThat(c.getSSLParameters().getSignatureSchemes()).contains("ecdsa_secp521r1_sha512");
        assertThat(((ExtendedSSLSession) c.getSession()).getLocalSupportedSignatureAlgorithms())
                .contains("SHA512withECDSA");
    }

    @Test
    void schemesSetWithoutP521MakeTheServerRefuseToSignWithIt() throws Exception {
        SSLEngine c = client(pki.jdk(null));
        SSLEngine s = server(pki.tlsjServer("TLSv1.3"));
        SSLParameters p = s.getSSLParameters();
        p.setSignatureSchemes(new String[] {"ecdsa_secp256r1_sha256", "rsa_pss_rsae_sha256"});
        s.setSSLParameters(p);
        s.setEnabledProtocols(new String[] {"TLSv1.3"});
        c.setEnabledProtocols(new String[] {"TLSv1.3"});
        EnginePair pair = new EnginePair(c, s, 17000, 17000);
        assertThatThrownBy(pair::handshake).isInstanceOf(SSLException.class);
    }
}
