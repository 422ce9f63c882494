package org.tlsj.testkit.pair;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlsj.ClientAuth;
import org.tlsj.ClientSessionCache;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
import org.tlsj.SignatureScheme;
import org.tlsj.certs.KeyType;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.testkit.TestPair;
import org.tlsj.testkit.TestPki;

/** {@link SessionInfo#localCertificates()}: the chain each side sent, in both versions, with and without mutual TLS. */
class LocalCertificatesTest {
    private final TestPki pki = TestPki.create();
    private final CertifiedKey ec = pki.server(KeyType.EC_P256);
    private final CertifiedKey rsa = pki.server(KeyType.RSA_2048);
    private final CertifiedKey alice = pki.clientCertificate("alice");

    /** The two versions this stack speaks. */
    enum Version {
        TLS12(ProtocolVersion.TLS12), TLS13(ProtocolVersion.TLS13);

        final List<ProtocolVersion> versions;

        Version(ProtocolVersion v) {
            versions = List.of(v);
        }
    }

    private ServerConfig.Builder server(Version v) {
        return TestPki.server(ec).versions(v.versions);
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void mutualTlsShowsEachSidesSentChainAsTheOthersPeerChain(Version v) {
        ServerConfig server = server(v).clientAuth(ClientAuth.REQUIRED, pki.verifier()).build();
        TestPair pair = TestPair.of(pki.client().versions(v.versions).certificates(List.of(alice)).build(), server,
                "localhost").handshake();
        SessionInfo client = pair.client().session().orElseThrow();
        SessionInfo srv = pair.server().session().orElseThrow();
        assertThat(client.localCertificates()).containsExactlyElementsOf(alice.chain());
        assertThat(srv.localCertificates()).containsExactlyElementsOf(ec.chain());
        assertThat(srv.peerCertificates()).isEqualTo(client.localCertificates());
        assertThat(client.peerCertificates()).isEqualTo(srv.localCertificates());
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aClientNotAskedForItsCertificateSentNone(Version v) {
        TestPair pair = TestPair.of(pki.client().versions(v.versions).certificates(List.of(alice)).build(),
                server(v).build(), "localhost").handshake();
        assertThat(pair.client().session().orElseThrow().localCertificates()).isEmpty();
        assertThat(pair.server().session().orElseThrow().localCertificates()).containsExactlyElementsOf(ec.chain());
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aClientWithoutAFittingCertificateSentNone(Version v) {
        CertifiedKey mallory = TestPki.create("other CA").clientCertificate("mallory");
        ServerConfig server = server(v).clientAuth(ClientAuth.OPTIONAL, pki.verifier()).build();
        TestPair pair = TestPair.of(pki.client().versions(v.versions).certificates(List.of(mallory)).build(), server,
                "localhost").handshake();
        assertThat(pair.client().session().orElseThrow().localCertificates()).isEmpty();
        assertThat(pair.server().session().orElseThrow().peerCertificates()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aServerWithTwoKeysNamesTheOneItServed(Version v) {
        ServerConfig server = server(v).certificates(List.of(ec, rsa)).build();
        TestPair pair = TestPair.of(pki.client().versions(v.versions).signatureSchemes(
                List.of(SignatureScheme.RSA_PSS_RSAE_SHA256)).build(), server, "localhost").handshake();
        assertThat(pair.server().session().orElseThrow().localCertificates()).containsExactlyElementsOf(rsa.chain());
        assertThat(pair.client().session().orElseThrow().peerCertificates()).isEqualTo(rsa.chain());
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void aResumptionSendsNoCertificateOnEitherSide(Version v) {
        ServerConfig server = server(v).clientAuth(ClientAuth.REQUIRED, pki.verifier()).build();
        var client = pki.client().versions(v.versions).certificates(List.of(alice))
                .sessionCache(ClientSessionCache.inMemory(4)).build();
        TestPair.of(client, server, "localhost").handshake();
        TestPair second = TestPair.of(client, server, "localhost").handshake();
        SessionInfo resumedClient = second.client().session().orElseThrow();
        SessionInfo resumedServer = second.server().session().orElseThrow();
        assertThat(resumedClient.resumed()).isTrue();
        assertThat(resumedClient.localCertificates()).isEmpty();
        assertThat(resumedServer.localCertificates()).isEmpty();
        assertThat(resumedServer.peerCertificates()).containsExactlyElementsOf(alice.chain());
    }
}
