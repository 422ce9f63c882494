package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Two TLSJ engines, or a TLSJ engine and a SunJSSE engine, through a full handshake and data exchange. */
class TlsjEngineHandshakeTest {
    private static final JssePki PKI = new JssePki();

    static SSLEngine client(SSLContext c) {
        SSLEngine e = c.createSSLEngine("localhost", 443);
        e.setUseClientMode(true);
        SSLParameters p = e.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        e.setSSLParameters(p);
        return e;
    }

    static SSLEngine server(SSLContext c) {
        SSLEngine e = c.createSSLEngine();
        e.setUseClientMode(false);
        return e;
    }

    private static void exchange(EnginePair pair) throws Exception {
        pair.send(pair.client, "ping".getBytes(StandardCharsets.UTF_8));
        pair.send(pair.server, "pong".getBytes(StandardCharsets.UTF_8));
        assertThat(pair.server.received.toString(StandardCharsets.UTF_8)).isEqualTo("ping");
        assertThat(pair.client.received.toString(StandardCharsets.UTF_8)).isEqualTo("pong");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void twoTlsjEnginesHandshakeReportFinishedAndAgreeOnTheSession(String protocol) throws Exception {
        EnginePair pair = new EnginePair(client(PKI.tlsjClient(protocol, false)), server(PKI.tlsjServer(protocol)),
                TlsjSession.PACKET_BUFFER_SIZE, TlsjSession.APPLICATION_BUFFER_SIZE);
        pair.handshake();
        exchange(pair);

        assertThat(pair.client.saw(HandshakeStatus.FINISHED)).isTrue();
        assertThat(pair.server.saw(HandshakeStatus.FINISHED)).isTrue();
        assertThat(pair.client.saw(HandshakeStatus.NEED_TASK)).isTrue();
        assertThat(pair.server.saw(HandshakeStatus.NEED_TASK)).isTrue();
        SSLSession cs = pair.client.engine.getSession();
        SSLSession ss = pair.server.engine.getSession();
        assertThat(cs.getProtocol()).isEqualTo(protocol);
        assertThat(ss.getProtocol()).isEqualTo(protocol);
        assertThat(cs.getCipherSuite()).isEqualTo(ss.getCipherSuite()).startsWith("TLS_");
        assertThat(cs.getPeerCertificates()[0]).isEqualTo(PKI.server.leaf());
        assertThat(ss.getLocalCertificates()[0]).isEqualTo(PKI.server.leaf());
        assertThat(cs.getPeerHost()).isEqualTo("localhost");
        assertThat(cs.getPeerPort()).isEqualTo(443);
        assertThat(pair.client.engine.getHandshakeStatus()).isEqualTo(HandshakeStatus.NOT_HANDSHAKING);
        assertThat(pair.client.engine.getDelegatedTask()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, tlsj-client", "TLSv1.2, tlsj-client", "TLSv1.3, tlsj-server", "TLSv1.2, tlsj-server"})
    void tlsjEngineHandshakesWithSunJsseEngine(String protocol, String role) throws Exception {
        boolean tlsjClient = role.equals("tlsj-client");
        SSLEngine c = client(tlsjClient ? PKI.tlsjClient(protocol, false) : PKI.jdk(null));
        SSLEngine s = server(tlsjClient ? PKI.jdk(PKI.server) : PKI.tlsjServer(protocol));
        c.setEnabledProtocols(new String[] {protocol});
        s.setEnabledProtocols(new String[] {protocol});
        EnginePair pair = new EnginePair(c, s, 17000, 17000);
        pair.handshake();
        exchange(pair);

        assertThat(c.getSession().getProtocol()).isEqualTo(protocol);
        assertThat(s.getSession().getProtocol()).isEqualTo(protocol);
        assertThat(c.getSession().getCipherSuite()).isEqualTo(s.getSession().getCipherSuite());
        assertThat(c.getSession().getPeerCertificates()[0]).isEqualTo(PKI.server.leaf());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void alpnIsNegotiatedAndExportersAgree(String protocol) throws Exception {
        SSLEngine c = client(PKI.tlsjClient(protocol, false));
        SSLEngine s = server(PKI.tlsjServer(protocol));
        SSLParameters cp = c.getSSLParameters();
        cp.setApplicationProtocols(new String[] {"h2", "http/1.1"});
        c.setSSLParameters(cp);
        SSLParameters sp = s.getSSLParameters();
        sp.setApplicationProtocols(new String[] {"http/1.1"});
        s.setSSLParameters(sp);
        assertThat(c.getApplicationProtocol()).isNull();
        EnginePair pair = new EnginePair(c, s, TlsjSession.PACKET_BUFFER_SIZE, TlsjSession.APPLICATION_BUFFER_SIZE);
        pair.handshake();

        assertThat(c.getApplicationProtocol()).isEqualTo("http/1.1");
        assertThat(s.getApplicationProtocol()).isEqualTo("http/1.1");
        var ce = (javax.net.ssl.ExtendedSSLSession) c.getSession();
        var se = (javax.net.ssl.ExtendedSSLSession) s.getSession();
        byte[] ctx = {1, 2, 3};
        assertThat(ce.exportKeyingMaterialData("EXPORTER-test", ctx, 32))
                .isEqualTo(se.exportKeyingMaterialData("EXPORTER-test", ctx, 32)).hasSize(32);
        assertThat(ce.exportKeyingMaterialKey("AES", "EXPORTER-test", null, 16).getEncoded())
                .isEqualTo(se.exportKeyingMaterialKey("AES", "EXPORTER-test", null, 16).getEncoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void handshakeSurvivesRecordsArrivingOneByteAtATime(String protocol) throws Exception {
        EnginePair pair = new EnginePair(client(PKI.tlsjClient(protocol, false)), server(PKI.tlsjServer(protocol)),
                TlsjSession.PACKET_BUFFER_SIZE, TlsjSession.APPLICATION_BUFFER_SIZE);
        pair.chunk = 1;
        pair.handshake();
        exchange(pair);

        assertThat(pair.client.saw(Status.BUFFER_UNDERFLOW)).isTrue();
        assertThat(pair.server.saw(Status.BUFFER_UNDERFLOW)).isTrue();
        assertThat(pair.client.results).allSatisfy(r -> {
            if (r.getStatus() == Status.BUFFER_UNDERFLOW) {
                assertThat(r.bytesConsumed()).isZero();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void tinyBuffersGiveBufferOverflowThenWorkAtTheSessionSizes(String protocol) throws Exception {
        EnginePair pair = new EnginePair(client(PKI.tlsjClient(protocol, false)), server(PKI.tlsjServer(protocol)),
                10, 1);
        pair.handshake();
        byte[] big = new byte[40_000];
        new java.util.Random(7).nextBytes(big);
        pair.client.netSize = 10;
        pair.server.appSize = 1;
        pair.send(pair.client, big);

        assertThat(pair.server.received.toByteArray()).isEqualTo(big);
        assertThat(pair.client.saw(Status.BUFFER_OVERFLOW)).isTrue();
        assertThat(pair.server.saw(Status.BUFFER_OVERFLOW)).isTrue();
        assertThat(pair.client.netSize).isEqualTo(TlsjSession.PACKET_BUFFER_SIZE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void exactSizeBuffersCarryAFullRecordPerCall(String protocol) throws Exception {
        SSLEngine c = client(PKI.tlsjClient(protocol, false));
        SSLEngine s = server(PKI.tlsjServer(protocol));
        EnginePair pair = new EnginePair(c, s, c.getSession().getPacketBufferSize(),
                s.getSession().getApplicationBufferSize());
        pair.handshake();
        ByteBuffer data = ByteBuffer.allocate(16384);
        ByteBuffer net = ByteBuffer.allocate(c.getSession().getPacketBufferSize());
        var r = c.wrap(data, net);
        assertThat(r.getStatus()).isEqualTo(Status.OK);
        assertThat(r.bytesConsumed()).isEqualTo(16384);
        net.flip();
        ByteBuffer app = ByteBuffer.allocate(s.getSession().getApplicationBufferSize());
        var u = s.unwrap(net, app);
        assertThat(u.getStatus()).isEqualTo(Status.OK);
        assertThat(u.bytesProduced()).isEqualTo(16384);
        assertThat(net.hasRemaining()).isFalse();
        assertThat(c.getSession().getPacketBufferSize()).isEqualTo(16709);
        assertThat(s.getSession().getApplicationBufferSize()).isGreaterThanOrEqualTo(16384);
    }
}
