package org.tlsj.internal.handshake.server;

import java.util.List;
import java.util.Optional;
import org.tlsj.CipherSuite;
import org.tlsj.CipherSuite.KeyExchange;
import org.tlsj.Fatal;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.Reason;
import org.tlsj.ServerConfig;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.handshake.Tls12Common;
import org.tlsj.internal.handshake.server.ServerChoices.Credential;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.SignatureAlgorithmsExt;
import org.tlsj.internal.message.SupportedGroupsExt;
import org.tlsj.Bytes;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.HostnameMatcher;

/** The TLS 1.2 server's pure choices: suite with group and certificate, resumption, the RSA pre-master secret. */
final class Tls12Choices {
    private Tls12Choices() {
    }

    /** A suite with what it needs: an ECDHE group (NONE for RSA key exchange) and a certificate. */
    record Choice(CipherSuite suite, NamedGroup group, Credential credential) {
    }

    /** The first of our TLS 1.2 suites the client offers for which we have a group and a fitting certificate. */
    static Choice choose(ServerConfig config, List<CertifiedKey> certificates, ClientHello ch, Optional<String> sni)
            throws TlsFatalAlertException {
        // RFC 5246 section 7.4.1.4.1: without signature_algorithms the client accepts SHA-1 only; we do not.
        List<SignatureScheme> schemes = ch.extensions().find(SignatureAlgorithmsExt.class)
                .map(SignatureAlgorithmsExt::schemes).orElse(List.of());
        // RFC 8422 section 4: without supported_groups, any curve; we take ours.
        List<NamedGroup> groups = ch.extensions().find(SupportedGroupsExt.class).map(SupportedGroupsExt::groups)
                .orElse(config.groups());
        Optional<NamedGroup> group = config.groups().stream()
                .filter(g -> !g.isKem() && groups.contains(g)).findFirst();
        for (CipherSuite suite : config.cipherSuites()) {
            if (!ch.cipherSuites().contains(suite) || !suite.version().orElseThrow().equals(ProtocolVersion.TLS12)) {
                continue;
            }
            KeyExchange kx = suite.keyExchange();
            if (kx != KeyExchange.RSA && group.isEmpty()) {
                continue;
            }
            Optional<Credential> cred = credential(config, certificates, sni, schemes, kx, groups);
            if (cred.isPresent()) {
                return new Choice(suite, kx == KeyExchange.RSA ? NamedGroup.NONE : group.get(), cred.get());
            }
        }
        throw Fatal.of(Reason.PeerIncompatible.NO_COMMON_CIPHER_SUITE, "for TLS 1.2: client offered "
                + ch.cipherSuites() + " with groups " + groups + "; we accept " + config.cipherSuites());
    }

    private static Optional<Credential> credential(ServerConfig config, List<CertifiedKey> certificates,
                                                   Optional<String> sni, List<SignatureScheme> schemes,
                                                   KeyExchange kx, List<NamedGroup> clientGroups) {
        List<CertifiedKey> byName = sni.map(n -> certificates.stream()
                .filter(c -> HostnameMatcher.matches(c.leaf(), n)).toList()).orElse(List.of());
        List<SignatureScheme> mine = Tls12Common.tls12Schemes(config.signatureSchemes(), config.crypto());
        for (List<CertifiedKey> candidates : List.of(byName, certificates)) {
            for (CertifiedKey c : candidates) {
                // RFC 8422 section 4: an ECDSA certificate's curve must be one the client supports (an Ed25519
                // key, which ECDHE_ECDSA also takes, is chosen by signature_algorithms alone).
                Optional<NamedGroup> curve = Tls12Common.ecdsaCurve(c.leaf().getPublicKey());
                if (!Tls12Common.keyServes(c.privateKey(), kx, false)
                        || curve.isPresent() && !clientGroups.contains(curve.get())) {
                    continue;
                }
                if (kx == KeyExchange.RSA) {
                    return Optional.of(new Credential(c, SignatureScheme.NONE));
                }
                for (SignatureScheme s : mine) {
                    if (schemes.contains(s) && config.crypto().tls12Signer(c.privateKey(), s).isPresent()) {
                        return Optional.of(new Credential(c, s));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 5246 section 7.4.7.1: decrypt the pre-master secret, and on any failure (padding, length, version)
     * continue with a random one: the same code path and the same later alert (bad Finished), so a
     * Bleichenbacher attacker learns nothing.
     */
    static Secret rsaPreMaster(ServerConfig config, Tls12ServerFlow.Hello hello, Bytes encrypted) {
        byte[] random = new byte[48];
        config.crypto().random().nextBytes(random);
        Optional<Secret> decrypted = config.crypto().rsaDecrypt(hello.credential().privateKey(), encrypted);
        byte[] pms = decrypted.map(Secret::expose).orElse(new byte[0]);
        int version = hello.ch().legacyVersion().code();
        boolean good = pms.length == 48 & ((pms.length == 48 ? ((pms[0] & 0xff) << 8 | (pms[1] & 0xff)) : -1) == version);
        byte[] chosen = good ? pms : random;
        java.util.Arrays.fill(good ? random : pms, (byte) 0);
        return Secret.wrap(chosen);
    }
}
