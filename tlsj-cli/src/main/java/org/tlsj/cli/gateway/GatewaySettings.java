package org.tlsj.cli.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.tlsj.ClientConfig;

/**
 * How the gateway runs; the certificates live apart, in a {@link ReloadingConfig}, because they change.
 *
 * @param listen where to accept TLS; port 0 picks a free one
 * @param routes where connections go, by SNI
 * @param upstreamTls TLS towards the upstreams, or empty for plain TCP
 * @param proxyProtocol whether to send a PROXY protocol v2 header to the upstream first
 * @param maxConnections connections open at once; more are closed at once
 * @param handshakeTimeout bounds the client's handshake, and connecting (and handshaking) to the upstream
 * @param idleTimeout closes both sides when no byte moved either way for this long; zero for never
 */
public record GatewaySettings(InetSocketAddress listen, Routes routes, Optional<UpstreamTls> upstreamTls,
                              boolean proxyProtocol, int maxConnections, Duration handshakeTimeout,
                              Duration idleTimeout) {
    /** Validates. */
    public GatewaySettings {
        Objects.requireNonNull(listen);
        Objects.requireNonNull(routes);
        Objects.requireNonNull(upstreamTls);
        if (maxConnections < 1) {
            throw new IllegalArgumentException("--max-connections must be at least 1");
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("--handshake-timeout must be more than zero");
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("--idle-timeout must not be negative");
        }
    }

    /**
     * TLS towards the upstream.
     *
     * @param config the client settings: trusted CAs, and a client certificate for mutual TLS
     * @param serverName the name to send in SNI and check the upstream's certificate against; empty for the
     *     upstream's host
     */
    public record UpstreamTls(ClientConfig config, Optional<String> serverName) {
        /** Validates. */
        public UpstreamTls {
            Objects.requireNonNull(config);
            Objects.requireNonNull(serverName);
        }
    }
}
