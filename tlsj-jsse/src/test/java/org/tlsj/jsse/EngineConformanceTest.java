package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SSLEngine contract, driven as an application following the javadoc would: every status and handshake
 * status with tiny and exact-size buffers, client authentication (need and want), and resumption seen as
 * {@code getSession()} reuse; TLSJ against TLSJ and against SunJSSE in both roles, TLS 1.3 and 1.2.
 * "tlsj" pairs two TLSJ engines, "jdk-client" a SunJSSE client with a TLSJ server, "jdk-server" the reverse.
 */
class EngineConformanceTest {
    private static final JssePki PKI = new JssePki();

    /** A client and a server engine for {@code peers}; the client has a certificate if {@code clientCert}. */
    private static SSLEngine[] engines(String protocol, String peers, boolean clientCert, SSLContext[] reuse)
            throws Exception {
        SSLContext cc = reuse != null ? reuse[0] : peers.equals("jdk-client")
                ? PKI.jdk(clientCert ? PKI.client : null) : PKI.tlsjClient(protocol, clientCert);
        SSLContext sc = reuse != null ? reuse[1] : peers.equals("jdk-server") ? PKI.jdk(PKI.server)
                : PKI.tlsjServer(protocol);
        SSLEngine c = TlsjEngineHandshakeTest.client(cc);
        SSLEngine s = TlsjEngineHandshakeTest.server(sc);
        c.setEnabledProtocols(new String[] {protocol});
        s.setEnabledProtocols(new String[] {protocol});
        return new SSLEngine[] {c, s};
    }

    private static List<EnginePair.Side> tlsjSides(EnginePair pair, String peers) {
        return switch (peers) {
            case "jdk-client" -> List.of(pair.server);
            case "jdk-server" -> List.of(pair.client);
            default -> List.of(pair.client, pair.server);
        };
    }

    private static void exchange(EnginePair pair, int size) throws Exception {
        byte[] data = new byte[size];
        Arrays.fill(data, (byte) 'x');
        pair.send(pair.client, data);
        pair.send(pair.server, "pong".getBytes(StandardCharsets.UTF_8));
        assertThat(pair.server.received.toByteArray()).isEqualTo(data);
        assertThat(pair.client.received.toString(StandardCharsets.UTF_8)).isEqualTo("pong");
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, tlsj", "TLSv1.2, tlsj", "TLSv1.3, jdk-client", "TLSv1.2, jdk-client",
            "TLSv1.3, jdk-server", "TLSv1.2, jdk-server"})
    void tinyBuffersAndATricklingWireShowEveryStatus(String protocol, String peers) throws Exception {
        SSLEngine[] e = engines(protocol, peers, false, null);
        EnginePair pair = new EnginePair(e[0], e[1], 1, 1);
        pair.chunk = 3;
        pair.handshake();
        exchange(pair, 100);
        e[0].closeOutbound();
        pair.pump();

        for (EnginePair.Side side : tlsjSides(pair, peers)) {
            assertThat(side.results).extracting(SSLEngineResult::getHandshakeStatus).as(side.name)
                    .contains(HandshakeStatus.NEED_WRAP, HandshakeStatus.NEED_UNWRAP, HandshakeStatus.NEED_TASK,
                            HandshakeStatus.FINISHED, HandshakeStatus.NOT_HANDSHAKING);
            assertThat(side.results).extracting(SSLEngineResult::getStatus).as(side.name)
                    .contains(Status.OK, Status.BUFFER_UNDERFLOW, Status.BUFFER_OVERFLOW, Status.CLOSED);
            assertThat(side.results.stream().filter(r -> r.getHandshakeStatus() == HandshakeStatus.FINISHED))
                    .as(side.name + " reports FINISHED once").hasSize(1);
            assertThat(side.engine.isOutboundDone()).isTrue();
            assertThat(side.engine.getDelegatedTask()).isNull();
        }
        assertThat(e[1].isInboundDone()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, tlsj", "TLSv1.2, tlsj", "TLSv1.3, jdk-client", "TLSv1.2, jdk-server"})
    void exactSessionSizedBuffersNeverOverflow(String protocol, String peers) throws Exception {
        SSLEngine[] e = engines(protocol, peers, false, null);
        SSLSession s = e[0].getSession();
        EnginePair pair = new EnginePair(e[0], e[1], s.getPacketBufferSize(), s.getApplicationBufferSize());
        pair.handshake();
        exchange(pair, 40_000);
        for (EnginePair.Side side : tlsjSides(pair, peers)) {
            assertThat(side.results).extracting(SSLEngineResult::getStatus).as(side.name)
                    .doesNotContain(Status.BUFFER_OVERFLOW);
            assertThat(side.results.stream().mapToInt(SSLEngineResult::bytesProduced).max().orElseThrow())
                    .isLessThanOrEqualTo(side.engine.getSession().getPacketBufferSize());
        }
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, tlsj, need", "TLSv1.2, tlsj, need", "TLSv1.3, tlsj, want", "TLSv1.2, tlsj, want",
            "TLSv1.3, jdk-client, need", "TLSv1.2, jdk-client, want", "TLSv1.3, jdk-server, want",
            "TLSv1.2, jdk-server, need"})
    void clientAuthenticationShowsOnBothSides(String protocol, String peers, String mode) throws Exception {
        SSLEngine[] e = engines(protocol, peers, true, null);
        if (mode.equals("need")) {
            e[1].setNeedClientAuth(true);
        } else {
            e[1].setWantClientAuth(true);
        }
        EnginePair pair = new EnginePair(e[0], e[1], 17000, 17000);
        pair.handshake();
        exchange(pair, 10);
        assertThat(e[1].getSession().getPeerCertificates()[0]).isEqualTo(PKI.client.leaf());
        assertThat(e[0].getSession().getLocalCertificates()[0]).isEqualTo(PKI.client.leaf());
        assertThat(e[0].getSession().getPeerCertificates()[0]).isEqualTo(PKI.server.leaf());
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, tlsj", "TLSv1.2, tlsj", "TLSv1.3, jdk-client", "TLSv1.2, jdk-server"})
    void wantClientAuthWithoutACertificateLeavesThePeerUnverified(String protocol, String peers) throws Exception {
        SSLEngine[] e = engines(protocol, peers, false, null);
        e[1].setWantClientAuth(true);
        new EnginePair(e[0], e[1], 17000, 17000).handshake();
        assertThatThrownBy(() -> e[1].getSession().getPeerCertificates())
                .isInstanceOf(SSLPeerUnverifiedException.class);
        assertThat(e[0].getSession().getLocalCertificates()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3, tlsj", "TLSv1.2, tlsj", "TLSv1.3, jdk-client", "TLSv1.2, jdk-client",
            "TLSv1.3, jdk-server", "TLSv1.2, jdk-server"})
    void resumptionShowsAsSessionReuseOnBothSides(String protocol, String peers) throws Exception {
        SSLEngine[] e = engines(protocol, peers, false, null);
        SSLContext[] contexts = {contextOf(e[0], protocol, peers, true), contextOf(e[1], protocol, peers, false)};
        e = engines(protocol, peers, false, contexts);
        EnginePair first = new EnginePair(e[0], e[1], 17000, 17000);
        first.handshake();
        exchange(first, 10);
        SSLEngine[] again = engines(protocol, peers, false, contexts);
        EnginePair second = new EnginePair(again[0], again[1], 17000, 17000);
        second.handshake();
        exchange(second, 10);

        if (!peers.equals("jdk-client")) {
            assertThat(again[0].getSession().getId()).isEqualTo(e[0].getSession().getId());
        }
        if (!peers.equals("jdk-server")) {
            byte[] id = e[1].getSession().getId();
            assertThat(id).hasSize(32);
            assertThat(again[1].getSession().getId()).isEqualTo(id);
            assertThat(again[1].getSession().getCreationTime()).isEqualTo(e[1].getSession().getCreationTime());
            assertThat(contexts[1].getServerSessionContext().getSession(id)).isNotNull();
        }
    }

    /** The contexts are made once per test so that the second connection can resume the first. */
    private static SSLContext contextOf(SSLEngine ignored, String protocol, String peers, boolean client)
            throws Exception {
        if (client) {
            return peers.equals("jdk-client") ? PKI.jdk(null) : PKI.tlsjClient(protocol, false);
        }
        return peers.equals("jdk-server") ? PKI.jdk(PKI.server) : PKI.tlsjServer(protocol);
    }

    @ParameterizedTest
    @CsvSource({"TLSv1.3", "TLSv1.2"})
    void maximumPacketSizeBoundsEveryPacketAndThePeersRecords(String protocol) throws Exception {
        SSLEngine[] e = engines(protocol, "tlsj", false, null);
        SSLParameters p = e[0].getSSLParameters();
        p.setMaximumPacketSize(1024);
        e[0].setSSLParameters(p);
        assertThat(e[0].getSession().getPacketBufferSize()).isEqualTo(1024);
        EnginePair pair = new EnginePair(e[0], e[1], 1024, 17000);
        pair.handshake();
        exchange(pair, 5000);
        pair.send(pair.server, new byte[5000]);
        List<SSLEngineResult> wraps = pair.client.results.stream().filter(r -> r.bytesProduced() > 0
                && r.bytesConsumed() == 0 || r.bytesConsumed() > 0 && r.bytesProduced() > r.bytesConsumed()).toList();
        assertThat(wraps).isNotEmpty().allSatisfy(r -> assertThat(r.bytesProduced()).isLessThanOrEqualTo(1024));
        if (protocol.equals("TLSv1.3")) {
            // RFC 8449: the server honours the record_size_limit the client derived from its packet size, so each
            // data record the client unwraps (one per call) fits its packet buffer. tlsj's TLS 1.2 has no
            // record_size_limit.
            List<SSLEngineResult> data = pair.client.results.subList(pair.client.results.size() / 2,
                    pair.client.results.size());
            assertThat(data).allSatisfy(r -> assertThat(r.bytesConsumed()).isLessThanOrEqualTo(1024));
            assertThat(data.stream().filter(r -> r.bytesProduced() > 0 && r.bytesConsumed() > r.bytesProduced()))
                    .hasSizeGreaterThan(5);
        }
        assertThat(pair.client.received.size()).isEqualTo(4 + 5000);
    }
}
