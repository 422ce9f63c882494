package org.tlsj.bench;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.tlsj.NamedGroup;
import org.tlsj.ProtocolVersion;
import org.tlsj.certs.KeyType;
import org.tlsj.jsse.TlsjContexts;
import org.tlsj.jsse.TlsjProvider;
import org.tlsj.pki.CertifiedKey;

/**
 * The TLS stacks the netty case compares, each as a Netty server and client {@link SslContext} pair over the
 * bench's ECDSA P-256 certificate, TLS 1.3 only. Clients verify the chain against the bench CA; they get no
 * peer host (so no session is cached and every new connection is a full handshake), hence no host name check.
 */
enum NettyStacks {
    /** The TLSJ JSSE provider as an application plugs it in: key and trust from Netty, crypto the provider's own. */
    TLSJ("TLSJ provider (its default crypto)"),
    /** TLSJ contexts made from the bench's tlsj configs ({@code TlsjContexts}), with the bench's crypto provider. */
    TLSJ_CONFIGS("TLSJ contexts from tlsj configs"),
    /** Netty's JDK provider with the JDK's own JSSE (SunJSSE). */
    JDK("JDK provider (SunJSSE)"),
    /** netty-tcnative with the statically linked BoringSSL. */
    TCNATIVE("netty-tcnative (BoringSSL)");

    private static final String TLS13 = "TLSv1.3";
    private final String label;

    NettyStacks(String label) {
        this.label = label;
    }

    /** The row label. */
    String label() {
        return label;
    }

    /** Why this stack cannot run here, or empty. */
    Optional<String> unavailableReason() {
        if (this == TCNATIVE && !io.netty.handler.ssl.OpenSsl.isAvailable()) {
            return Optional.of(String.valueOf(io.netty.handler.ssl.OpenSsl.unavailabilityCause()));
        }
        return Optional.empty();
    }

    /** The server context. */
    SslContext server(Fixtures fixtures) throws SSLException {
        if (this == TLSJ_CONFIGS) {
            return wrap(TlsjContexts.server(fixtures.server(KeyType.EC_P256).build()), false);
        }
        CertifiedKey key = fixtures.key(KeyType.EC_P256);
        return configure(SslContextBuilder.forServer(key.privateKey(), key.chain().toArray(X509Certificate[]::new)))
                .build();
    }

    /** The client context. */
    SslContext client(Fixtures fixtures) throws SSLException {
        if (this == TLSJ_CONFIGS) {
            return wrap(TlsjContexts.client(fixtures.client(NamedGroup.X25519, ProtocolVersion.TLS13).build()), true);
        }
        return configure(SslContextBuilder.forClient().trustManager(fixtures.ca()).endpointIdentificationAlgorithm(null))
                .build();
    }

    private SslContextBuilder configure(SslContextBuilder b) {
        b.protocols(TLS13);
        return switch (this) {
            case TLSJ -> b.sslProvider(SslProvider.JDK).sslContextProvider(new TlsjProvider());
            case JDK -> b.sslProvider(SslProvider.JDK);
            case TCNATIVE -> b.sslProvider(SslProvider.OPENSSL).option(OpenSslContextOption.GROUPS,
                    new String[] {NettyHttp.GROUP});
            case TLSJ_CONFIGS -> throw new IllegalStateException("built from tlsj configs");
        };
    }

    private static SslContext wrap(javax.net.ssl.SSLContext ctx, boolean client) {
        return new JdkSslContext(ctx, client, null, IdentityCipherSuiteFilter.INSTANCE,
                ApplicationProtocolConfig.DISABLED, ClientAuth.NONE, new String[] {TLS13}, false);
    }

    /** All stacks, in table order. */
    static List<NettyStacks> all() {
        return List.of(values());
    }
}
