package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tlsj.jsse.TlsjEngineHandshakeTest.client;
import static org.tlsj.jsse.TlsjEngineHandshakeTest.server;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.tlsj.certs.KeyType;

/**
 * ML-DSA certificates through the TLSJ provider: the key manager is asked for an "ML-DSA" key, the schemes
 * appear in SSLParameters under their registry names, and TLS 1.2 cannot use such a key.
 */
class MlDsaCertificateTest {
    private static final JssePki PKI = new JssePki(KeyType.ML_DSA_65);

    @Test
    void tlsjServerSignsWithItsMlDsaKeyInTls13() throws Exception {
        SSLEngine c = client(PKI.tlsjClient("TLSv1.3", false));
        SSLEngine s = server(PKI.tlsjServer("TLSv1.3"));
        new EnginePair(c, s, 17000, 17000).handshake();
        assertThat(c.getSession().getPeerCertificates()[0]).isEqualTo(PKI.server.leaf());
        assertThat(c.getSSLParameters().getSignatureSchemes()).contains("mldsa65", "mldsa87", "mldsa44");
        assertThat(((ExtendedSSLSession) s.getSession()).getPeerSupportedSignatureAlgorithms())
                .contains("ML-DSA-65");
    }

    @Test
    void tls12CannotServeAnMlDsaKey() throws Exception {
        SSLEngine c = client(PKI.tlsjClient("TLSv1.2", false));
        SSLEngine s = server(PKI.tlsjServer("TLSv1.2"));
        c.setEnabledProtocols(new String[] {"TLSv1.2"});
        s.setEnabledProtocols(new String[] {"TLSv1.2"});
        EnginePair pair = new EnginePair(c, s, 17000, 17000);
        assertThatThrownBy(pair::handshake).isInstanceOf(SSLException.class);
    }
}
