package org.tlsj.jsse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLParameters;
import org.tlsj.CipherSuite;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.SignatureScheme;
import org.tlsj.pki.HostnameMatcher;

/**
 * The mutable JSSE settings of one engine or socket, in tlsj terms: what {@code SSLParameters} and the
 * {@code setEnabled...} methods change. Not thread-safe: its owner guards it.
 */
final class EngineSettings {
    List<ProtocolVersion> versions;
    List<CipherSuite> suites;
    List<NamedGroup> groups = NamedGroup.SUPPORTED;
    /**
     * The signature schemes, as SunJSSE has one list for both what this side signs with and what it accepts. The
     * default is the signing defaults, P-521 included, as in SunJSSE's default list.
     */
    List<SignatureScheme> schemes = SignatureScheme.SIGNING_DEFAULTS;
    /** What SSLParameters without named groups or signature schemes mean (a base config's, or tlsj's defaults). */
    List<NamedGroup> defaultGroups = NamedGroup.SUPPORTED;
    List<SignatureScheme> defaultSchemes = SignatureScheme.SIGNING_DEFAULTS;
    /**
     * Whether the default schemes are a base config's ({@link BaseConfigs}): its client-certificate schemes
     * then stay its own until the application names signature schemes.
     */
    boolean baseSchemes;
    /** Whether the application named signature schemes other than the defaults (SSLParameters.setSignatureSchemes). */
    boolean schemesSet;
    List<String> alpn = List.of();
    List<SNIServerName> serverNames;
    Collection<SNIMatcher> matchers;
    String endpointIdentification;
    /** need (REQUIRED), want (OPTIONAL) or neither: setting one clears the other, as in SunJSSE. */
    ClientAuth clientAuth = ClientAuth.NONE;
    boolean clientMode;
    boolean useCipherSuitesOrder = true;
    boolean enableSessionCreation = true;
    int maximumPacketSize = TlsjSession.PACKET_BUFFER_SIZE;

    private EngineSettings(List<ProtocolVersion> versions) {
        this.versions = versions;
        this.suites = JsseNames.defaultSuites(versions);
    }

    /** The defaults for a context enabling these versions. */
    static EngineSettings defaults(List<ProtocolVersion> versions) {
        return new EngineSettings(versions);
    }

    /**
     * The name the client connection starts with: the first SNIHostName set, else the peer host. tlsj never
     * sends an IP literal in SNI but checks the certificate against it and keys resumption by it, so an IP
     * peer host is kept even when the application set server names without a host name (as HttpClient does
     * for an IP address); a host name is then left out, since the application asked for no SNI.
     */
    String sniHost(String peerHost) {
        if (serverNames != null) {
            return serverNames.stream().filter(SNIHostName.class::isInstance).map(n -> ((SNIHostName) n).getAsciiName())
                    .findFirst()
                    .orElse(peerHost != null && HostnameMatcher.ipLiteral(peerHost).isPresent() ? peerHost : null);
        }
        return peerHost;
    }

    /** The SNI names a client engine sends: those set, else the peer host if it is a host name. */
    List<SNIServerName> requestedServerNames(String peerHost) {
        if (serverNames != null) {
            return serverNames;
        }
        String host = clientMode ? sniHost(peerHost) : null;
        if (host == null || HostnameMatcher.ipLiteral(host).isPresent()) {
            return List.of();
        }
        try {
            return List.of(new SNIHostName(host));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /**
     * The JSSE choices a client engine layers on its config: protocols, suites, groups, schemes (to verify the
     * server and, see {@link #clientCertificateSchemes()}, to sign with) and ALPN.
     */
    ClientConfig.Builder applyTo(ClientConfig.Builder b) {
        b.versions(versions).cipherSuites(suites).groups(groups).signatureSchemes(schemes).applicationProtocols(alpn);
        return ownsClientCertificateSchemes() ? b.clientSignatureSchemes(clientCertificateSchemes()) : b;
    }

    /**
     * The JSSE choices a server engine layers on its config: protocols, suites, groups, schemes (to sign with
     * and, see {@link #clientCertificateSchemes()}, to accept from clients) and ALPN, with the engine's
     * {@code hook} deciding per ClientHello. Client authentication is left to the caller: where
     * its verifier comes from differs.
     */
    ServerConfig.Builder applyTo(ServerConfig.Builder b, ServerHelloHook hook) {
        b.clientHelloHandler(hook).versions(versions).cipherSuites(suites).groups(groups)
                .signatureSchemes(schemes).applicationProtocols(alpn);
        return ownsClientCertificateSchemes() ? b.clientSignatureSchemes(clientCertificateSchemes()) : b;
    }

    private boolean ownsClientCertificateSchemes() {
        return schemesSet || !baseSchemes;
    }

    /**
     * The schemes for the client certificate's CertificateVerify (signed by a client, accepted by a server): the
     * one JSSE list, then PKCS#1 v1.5 for TLS 1.2, which the configs' other scheme lists also add there.
     */
    private List<SignatureScheme> clientCertificateSchemes() {
        return java.util.stream.Stream.concat(schemes.stream(), SignatureScheme.TLS12_PKCS1.stream()).distinct()
                .toList();
    }

    /** Whether endpoint identification is "HTTPS" (host name checking against the certificate). */
    boolean checksHostname() {
        return "HTTPS".equalsIgnoreCase(endpointIdentification);
    }

    /** The settings as {@code SSLParameters}. */
    SSLParameters toSSLParameters() {
        SSLParameters p = new SSLParameters(
                JsseNames.suiteNames(suites),
                JsseNames.protocolNames(versions));
        switch (clientAuth) {
            case REQUIRED -> p.setNeedClientAuth(true);
            case OPTIONAL -> p.setWantClientAuth(true);
            case NONE -> { }
        }
        p.setNamedGroups(JsseNames.groupNames(groups));
        p.setSignatureSchemes(JsseNames.schemeNames(schemes));
        p.setApplicationProtocols(alpn.toArray(String[]::new));
        if (serverNames != null) {
            p.setServerNames(serverNames);
        }
        if (matchers != null) {
            p.setSNIMatchers(matchers);
        }
        p.setEndpointIdentificationAlgorithm(endpointIdentification);
        p.setUseCipherSuitesOrder(useCipherSuitesOrder);
        p.setMaximumPacketSize(maximumPacketSize);
        return p;
    }

    /**
     * Applies {@code SSLParameters} as {@code SSLEngine.setSSLParameters} specifies: null arrays leave the
     * setting alone; named groups and signature schemes set to null mean the defaults.
     *
     * @throws IllegalArgumentException for an unsupported protocol or an empty result
     */
    void apply(SSLParameters p) {
        if (p.getCipherSuites() != null) {
            setSuites(p.getCipherSuites());
        }
        if (p.getProtocols() != null) {
            setProtocols(p.getProtocols());
        }
        clientAuth = p.getNeedClientAuth() ? ClientAuth.REQUIRED
                : p.getWantClientAuth() ? ClientAuth.OPTIONAL : ClientAuth.NONE;
        String[] g = p.getNamedGroups();
        groups = g == null ? defaultGroups : nonEmpty(JsseNames.groups(g), "named groups", g);
        String[] s = p.getSignatureSchemes();
        schemes = s == null ? defaultSchemes : nonEmpty(JsseNames.schemes(s), "signature schemes", s);
        schemesSet = s != null && !schemes.equals(defaultSchemes);
        alpn = List.of(p.getApplicationProtocols());
        if (p.getServerNames() != null) {
            serverNames = List.copyOf(p.getServerNames());
        }
        if (p.getSNIMatchers() != null) {
            matchers = List.copyOf(p.getSNIMatchers());
        }
        endpointIdentification = p.getEndpointIdentificationAlgorithm();
        useCipherSuitesOrder = p.getUseCipherSuitesOrder();
        maximumPacketSize = p.getMaximumPacketSize() == 0 ? TlsjSession.PACKET_BUFFER_SIZE : p.getMaximumPacketSize();
    }

    void setSuites(String[] names) {
        suites = nonEmpty(JsseNames.suites(names), "cipher suites", names);
    }

    void setProtocols(String[] names) {
        versions = nonEmpty(JsseNames.protocols(names), "protocols", names);
    }

    private static <T> List<T> nonEmpty(List<T> parsed, String what, String[] names) {
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("none of the " + what + " " + Arrays.toString(names)
                    + " is supported by TLSJ");
        }
        return new ArrayList<>(parsed);
    }
}
