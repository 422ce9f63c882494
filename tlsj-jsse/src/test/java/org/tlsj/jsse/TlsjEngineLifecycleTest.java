package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tlsj.jsse.TlsjEngineHandshakeTest.client;
import static org.tlsj.jsse.TlsjEngineHandshakeTest.server;

import java.nio.ByteBuffer;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Status transitions before and after the handshake, close sequences, client auth, failures, resumption. */
class TlsjEngineLifecycleTest {
    private static final JssePki PKI = new JssePki();
    private static final int NET = TlsjSession.PACKET_BUFFER_SIZE;
    private static final int APP = TlsjSession.APPLICATION_BUFFER_SIZE;

    @Test
    void clientStatusGoesFromNotHandshakingToNeedWrapToNeedUnwrap() throws Exception {
        SSLEngine c = client(PKI.tlsjClient("TLS", false));
        assertThat(c.getHandshakeStatus()).isEqualTo(HandshakeStatus.NOT_HANDSHAKING);
        assertThat(c.getSession().getCipherSuite()).isEqualTo("SSL_NULL_WITH_NULL_NULL");
        assertThat(c.getSession().getPacketBufferSize()).isEqualTo(16709);
        c.beginHandshake();
        assertThat(c.getHandshakeStatus()).isEqualTo(HandshakeStatus.NEED_WRAP);
        assertThat(c.getHandshakeSession()).isNotNull();

        SSLEngineResult tiny = c.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(8));
        assertThat(tiny.getStatus()).isEqualTo(Status.BUFFER_OVERFLOW);
        assertThat(tiny.bytesProduced()).isZero();
        ByteBuffer hello = ByteBuffer.allocate(NET);
        SSLEngineResult r = c.wrap(ByteBuffer.allocate(0), hello);
        assertThat(r.getStatus()).isEqualTo(Status.OK);
        assertThat(r.bytesProduced()).isPositive();
        assertThat(r.getHandshakeStatus()).isEqualTo(HandshakeStatus.NEED_UNWRAP);

        hello.flip();
        SSLEngine s = server(PKI.tlsjServer("TLS"));
        ByteBuffer partial = hello.slice(0, 4);
        SSLEngineResult under = s.unwrap(partial, ByteBuffer.allocate(APP));
        assertThat(under.getStatus()).isEqualTo(Status.BUFFER_UNDERFLOW);
        assertThat(partial.position()).isZero();
        SSLEngineResult whole = s.unwrap(hello, ByteBuffer.allocate(APP));
        assertThat(whole.getStatus()).isEqualTo(Status.OK);
        assertThat(whole.bytesConsumed()).isEqualTo(r.bytesProduced());
        assertThat(whole.getHandshakeStatus()).isEqualTo(HandshakeStatus.NEED_TASK);
        SSLEngineResult waiting = s.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(NET));
        assertThat(waiting.bytesProduced()).isZero();
        assertThat(waiting.getHandshakeStatus()).isEqualTo(HandshakeStatus.NEED_TASK);
        Runnable task = s.getDelegatedTask();
        assertThat(task).isNotNull();
        assertThat(s.getDelegatedTask()).isNull();
        task.run();
        assertThat(s.getHandshakeStatus()).isEqualTo(HandshakeStatus.NEED_WRAP);
        assertThat(s.getDelegatedTask()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void closeOutboundSendsCloseNotifyAndThePeerAnswers(String protocol) throws Exception {
        EnginePair pair = new EnginePair(client(PKI.tlsjClient(protocol, false)), server(PKI.tlsjServer(protocol)), NET, APP);
        pair.handshake();
        SSLEngine c = pair.client.engine;
        SSLEngine s = pair.server.engine;
        c.closeOutbound();
        assertThat(c.getHandshakeStatus()).isEqualTo(HandshakeStatus.NEED_WRAP);
        assertThat(c.isOutboundDone()).isFalse();
        ByteBuffer net = ByteBuffer.allocate(NET);
        SSLEngineResult r = c.wrap(ByteBuffer.allocate(0), net);
        assertThat(r.getStatus()).isEqualTo(Status.CLOSED);
        assertThat(c.isOutboundDone()).isTrue();
        SSLEngineResult after = c.wrap(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.allocate(NET));
        assertThat(after.getStatus()).isEqualTo(Status.CLOSED);
        assertThat(after.bytesConsumed()).isZero();

        net.flip();
        SSLEngineResult u = s.unwrap(net, ByteBuffer.allocate(APP));
        assertThat(u.getStatus()).isEqualTo(Status.CLOSED);
        assertThat(s.isInboundDone()).isTrue();
        assertThat(u.getHandshakeStatus()).isEqualTo(HandshakeStatus.NEED_WRAP);
        ByteBuffer reply = ByteBuffer.allocate(NET);
        assertThat(s.wrap(ByteBuffer.allocate(0), reply).getStatus()).isEqualTo(Status.CLOSED);
        assertThat(s.isOutboundDone()).isTrue();
        reply.flip();
        assertThat(c.unwrap(reply, ByteBuffer.allocate(APP)).getStatus()).isEqualTo(Status.CLOSED);
        assertThat(c.isInboundDone()).isTrue();
        c.closeInbound();
    }

    @Test
    void closeInboundBeforeCloseNotifyIsATruncationError() throws Exception {
        EnginePair pair = new EnginePair(client(PKI.tlsjClient("TLS", false)), server(PKI.tlsjServer("TLS")), NET, APP);
        pair.handshake();
        SSLEngine c = pair.client.engine;
        assertThatThrownBy(c::closeInbound).isInstanceOf(SSLException.class)
                .hasMessage("closing inbound before receiving peer's close_notify");
        assertThat(c.isInboundDone()).isTrue();
        assertThat(c.getHandshakeStatus()).isEqualTo(HandshakeStatus.NEED_WRAP);
    }

    @Test
    void closeInboundBeforeAnyHandshakeIsQuiet() throws Exception {
        SSLEngine c = client(PKI.tlsjClient("TLS", false));
        c.closeInbound();
        c.closeOutbound();
        assertThat(c.isInboundDone()).isTrue();
        assertThat(c.isOutboundDone()).isTrue();
        assertThat(c.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(NET)).getStatus()).isEqualTo(Status.CLOSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void needClientAuthGivesTheServerTheClientsCertificate(String protocol) throws Exception {
        SSLEngine s = server(PKI.tlsjServer(protocol));
        s.setNeedClientAuth(true);
        EnginePair pair = new EnginePair(client(PKI.tlsjClient(protocol, true)), s, NET, APP);
        pair.handshake();
        pair.send(pair.client, new byte[] {42});

        assertThat(s.getSession().getPeerCertificates()[0]).isEqualTo(PKI.client.leaf());
        assertThat(s.getSession().getPeerPrincipal().getName()).contains("jsse client");
        assertThat(pair.server.received.toByteArray()).containsExactly(42);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void needClientAuthRejectsAClientWithoutCertificate(String protocol) throws Exception {
        SSLEngine s = server(PKI.tlsjServer(protocol));
        s.setNeedClientAuth(true);
        EnginePair pair = new EnginePair(client(PKI.tlsjClient(protocol, false)), s, NET, APP);
        assertThatThrownBy(pair::handshake).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void wantClientAuthAcceptsAClientWithoutCertificate() throws Exception {
        SSLEngine s = server(PKI.tlsjServer("TLS"));
        s.setWantClientAuth(true);
        EnginePair pair = new EnginePair(client(PKI.tlsjClient("TLS", false)), s, NET, APP);
        pair.handshake();
        pair.send(pair.client, new byte[] {1});
        assertThat(s.getWantClientAuth()).isTrue();
        assertThatThrownBy(() -> s.getSession().getPeerCertificates()).isInstanceOf(SSLPeerUnverifiedException.class);
    }

    @Test
    void sunJsseClientAuthenticatesToATlsjServerThatNeedsIt() throws Exception {
        SSLEngine s = server(PKI.tlsjServer("TLS"));
        s.setNeedClientAuth(true);
        EnginePair pair = new EnginePair(client(PKI.jdk(PKI.client)), s, 17000, 17000);
        pair.handshake();
        pair.send(pair.client, new byte[] {7});
        assertThat(s.getSession().getPeerCertificates()[0]).isEqualTo(PKI.client.leaf());
    }

    @Test
    void untrustedServerFailsTheHandshakeWithACertificateErrorAndAnAlert() throws Exception {
        JssePki other = new JssePki();
        EnginePair pair = new EnginePair(client(PKI.tlsjClient("TLS", false)), server(other.tlsjServer("TLS")), NET, APP);
        assertThatThrownBy(pair::handshake).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("server certificate rejected by the trust manager");
        SSLEngine c = pair.client.engine;
        assertThat(c.getHandshakeStatus()).isEqualTo(HandshakeStatus.NEED_WRAP);
        ByteBuffer alert = ByteBuffer.allocate(NET);
        assertThat(c.wrap(ByteBuffer.allocate(0), alert).getStatus()).isEqualTo(Status.CLOSED);
        assertThat(alert.position()).isPositive();
        assertThat(c.isOutboundDone()).isTrue();
    }

    @Test
    void httpsEndpointIdentificationRejectsAWrongHostName() throws Exception {
        SSLContext cc = PKI.tlsjClient("TLS", false);
        SSLEngine c = cc.createSSLEngine("example.org", 443);
        c.setUseClientMode(true);
        var p = c.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        c.setSSLParameters(p);
        EnginePair pair = new EnginePair(c, server(PKI.tlsjServer("TLS")), NET, APP);
        assertThatThrownBy(pair::handshake).isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("example.org");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void secondConnectionResumesAndShowsTheSameSession(String protocol) throws Exception {
        SSLContext cc = PKI.tlsjClient(protocol, false);
        SSLContext sc = PKI.tlsjServer(protocol);
        EnginePair first = new EnginePair(client(cc), server(sc), NET, APP);
        first.handshake();
        first.send(first.server, new byte[] {1});
        SSLSession one = first.client.engine.getSession();

        EnginePair second = new EnginePair(client(cc), server(sc), NET, APP);
        second.handshake();
        second.send(second.client, new byte[] {2});
        SSLSession two = second.client.engine.getSession();

        assertThat(two.getId()).isEqualTo(one.getId());
        assertThat(two.getCreationTime()).isEqualTo(one.getCreationTime());
        assertThat(two.getPeerCertificates()[0]).isEqualTo(PKI.server.leaf());
        assertThat(List.of(java.util.Collections.list(cc.getClientSessionContext().getIds()).toArray()))
                .hasSize(1);
        assertThat(cc.getClientSessionContext().getSession(one.getId())).isNotNull();
    }

    @Test
    void invalidatedSessionIsNotResumed() throws Exception {
        SSLContext cc = PKI.tlsjClient("TLS", false);
        SSLContext sc = PKI.tlsjServer("TLS");
        EnginePair first = new EnginePair(client(cc), server(sc), NET, APP);
        first.handshake();
        first.send(first.server, new byte[] {1});
        SSLSession one = first.client.engine.getSession();
        one.invalidate();

        EnginePair second = new EnginePair(client(cc), server(sc), NET, APP);
        second.handshake();
        assertThat(second.client.engine.getSession().getId()).isNotEqualTo(one.getId());
    }
}
