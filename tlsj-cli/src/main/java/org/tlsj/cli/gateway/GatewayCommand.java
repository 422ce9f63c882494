package org.tlsj.cli.gateway;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.cli.common.CliException;
import org.tlsj.cli.common.CryptoOption;
import org.tlsj.cli.common.DurationConverter;
import org.tlsj.cli.common.Failures;
import org.tlsj.cli.common.Options;
import org.tlsj.cli.common.Pki;
import org.tlsj.cli.gateway.CertificateFiles;
import org.tlsj.cli.gateway.Gateway;
import org.tlsj.cli.gateway.GatewaySettings;
import org.tlsj.cli.gateway.HangupSignal;
import org.tlsj.cli.gateway.HostPort;
import org.tlsj.cli.gateway.ReloadingConfig;
import org.tlsj.cli.gateway.Routes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsj gateway}: TLS termination in front of plain TCP services, with the work in {@link Gateway}. */
@Command(name = "gateway", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Terminate TLS in front of TCP services: accept TLS, relay the decrypted bytes to an upstream.",
                "Protocol-agnostic (HTTP, databases, anything over TCP). One line per connection on stdout.",
                "SIGTERM or Ctrl-C drains open connections; SIGHUP or a change to the certificate files",
                "reloads them without touching open connections."})
public final class GatewayCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private CryptoOption crypto = new CryptoOption();

    @Option(names = "--listen", paramLabel = "PORT", defaultValue = "8443",
            description = "TCP port to accept TLS on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--cert", paramLabel = "chain.pem", required = true,
            description = "certificate chain to serve, leaf first; repeat with --key for several names (chosen by SNI)")
    private List<Path> certs;

    @Option(names = "--key", paramLabel = "key.pem", required = true,
            description = "private key of the matching --cert")
    private List<Path> keys;

    @Option(names = "--upstream", paramLabel = "HOST:PORT",
            description = "where connections go (those no --route matches, if routes are given)")
    private String upstream;

    @Option(names = "--route", paramLabel = "SNI=HOST:PORT",
            description = "send connections for this SNI name (or *.domain) to HOST:PORT; repeatable")
    private List<String> routes = new ArrayList<>();

    @Option(names = "--client-auth", paramLabel = "MODE", defaultValue = "none",
            description = "none, optional or required: ask clients for a certificate from --ca (default: ${DEFAULT-VALUE})")
    private String clientAuth;

    @Option(names = "--ca", paramLabel = "FILE", description = "CA certificates that client certificates must chain to")
    private Path ca;

    @Option(names = "--allow-no-ems",
            description = "accept TLS 1.2 clients without the extended master secret (RFC 7627); by default they are "
                    + "refused with handshake_failure")
    private boolean allowNoEms;

    @Option(names = "--upstream-tls", description = "connect to the upstream with TLS instead of plain TCP")
    private boolean upstreamTls;

    @Option(names = "--upstream-ca", paramLabel = "FILE",
            description = "with --upstream-tls: trust only these CAs for the upstream (default: the JDK's CAs)")
    private Path upstreamCa;

    @Option(names = "--upstream-cert", paramLabel = "chain.pem",
            description = "with --upstream-tls: client certificate for mutual TLS to the upstream (with --upstream-key)")
    private Path upstreamCert;

    @Option(names = "--upstream-key", paramLabel = "key.pem", description = "private key of --upstream-cert")
    private Path upstreamKey;

    @Option(names = "--upstream-name", paramLabel = "NAME",
            description = "with --upstream-tls: the name to expect in the upstream's certificate (default: its host)")
    private String upstreamName;

    @Option(names = "--proxy-protocol", paramLabel = "VERSION", defaultValue = "none",
            description = "v2: send a PROXY protocol v2 header (client address, TLS version, client certificate CN) "
                    + "to the upstream first; none (default)")
    private String proxyProtocol;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "1000",
            description = "connections open at once; more are closed at once (default: ${DEFAULT-VALUE})")
    private int maxConnections;

    @Option(names = "--handshake-timeout", paramLabel = "DURATION", defaultValue = "10s",
            converter = DurationConverter.class,
            description = "limit for each client handshake and for connecting to the upstream (default: ${DEFAULT-VALUE})")
    private Duration handshakeTimeout;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "close both sides when no data moved either way for this long; 0 for never "
                    + "(default: ${DEFAULT-VALUE})")
    private Duration idleTimeout;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "on SIGTERM, how long open connections may take to finish (default: ${DEFAULT-VALUE})")
    private Duration drainTimeout;

    @Option(names = "--reload-check", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "how often to look for changed certificate files; 0 for only on SIGHUP (default: ${DEFAULT-VALUE})")
    private Duration reloadCheck;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CertificateFiles files = certificateFiles();
        GatewaySettings settings = settings();
        ReloadingConfig config;
        try {
            config = ReloadingConfig.load(files);
        } catch (IOException e) {
            throw new CliException("cannot load the certificates: " + Failures.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new CliException("cannot serve these certificates: " + Failures.lowerFirst(e.getMessage()), e);
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(settings, config, line -> {
                out.println(line);
                out.flush();
            });
        } catch (BindException e) {
            throw new CliException("cannot listen on " + host + ":" + port + ": " + Failures.describe(e), e);
        }
        Thread drain = new Thread(() -> gateway.shutdown(drainTimeout), "tlsj-gateway-drain");
        Runtime.getRuntime().addShutdownHook(drain);
        boolean hangup = HangupSignal.install(() -> Thread.ofVirtual().start(() -> gateway.reloadCertificates("SIGHUP")));
        if (!reloadCheck.isZero()) {
            gateway.watchCertificates(reloadCheck);
        }
        describe(out, gateway, settings, hangup);
        try {
            gateway.awaitTermination();
        } catch (InterruptedException e) {
            // Run in-process (tests, embedding) and interrupted: stop listening and cut every connection
            // now, instead of leaving the listener, its threads and sockets open until the JVM exits.
            gateway.close();
            Runtime.getRuntime().removeShutdownHook(drain);
            throw e;
        }
        return 0;
    }

    private CertificateFiles certificateFiles() {
        if (certs.size() != keys.size()) {
            throw new CliException("give one --key for each --cert (" + certs.size() + " --cert, " + keys.size()
                    + " --key), in the same order");
        }
        List<CertificateFiles.Pair> pairs = new ArrayList<>();
        for (int i = 0; i < certs.size(); i++) {
            pairs.add(new CertificateFiles.Pair(certs.get(i), keys.get(i)));
        }
        try {
            return new CertificateFiles(pairs, ClientAuth.parse(clientAuth), Optional.ofNullable(ca), crypto.provider(),
                    !allowNoEms);
        } catch (IllegalArgumentException e) {
            throw new CliException(Failures.lowerFirst(e.getMessage()), e);
        }
    }

    private GatewaySettings settings() throws IOException {
        if (!proxyProtocol.equals("v2") && !proxyProtocol.equals("none")) {
            throw new CliException("--proxy-protocol takes v2 or none, not '" + proxyProtocol + "'");
        }
        if (!upstreamTls && (upstreamCa != null || upstreamCert != null || upstreamKey != null || upstreamName != null)) {
            throw new CliException("--upstream-ca, --upstream-cert, --upstream-key and --upstream-name need --upstream-tls");
        }
        if ((upstreamCert == null) != (upstreamKey == null)) {
            throw new CliException("--upstream-cert and --upstream-key go together: give both, or neither");
        }
        InetSocketAddress listen = new InetSocketAddress(host, port);
        if (listen.isUnresolved()) {
            throw new CliException("cannot listen on " + host + ": unknown host");
        }
        try {
            List<Routes.Route> parsed = new ArrayList<>();
            for (String r : routes) {
                parsed.add(Routes.Route.parse(r));
            }
            Routes table = new Routes(parsed, Optional.ofNullable(upstream).map(HostPort::parse));
            return new GatewaySettings(listen, table, upstreamTls(), proxyProtocol.equals("v2"), maxConnections,
                    handshakeTimeout, idleTimeout);
        } catch (IllegalArgumentException e) {
            throw new CliException(Failures.lowerFirst(e.getMessage()), e);
        }
    }

    private Optional<GatewaySettings.UpstreamTls> upstreamTls() throws IOException {
        if (!upstreamTls) {
            return Optional.empty();
        }
        ClientConfig.Builder b = ClientConfig.builder().crypto(crypto.provider());
        try {
            b.verifier(upstreamCa != null ? Pki.trusting(upstreamCa) : Pki.defaultTrust());
            if (upstreamCert != null) {
                b.certificates(List.of(Pki.certifiedKey(upstreamCert, upstreamKey)));
            }
        } catch (IOException e) {
            throw new CliException("cannot load the upstream TLS files: " + Failures.describe(e), e);
        }
        return Optional.of(new GatewaySettings.UpstreamTls(Options.build(b::build), Optional.ofNullable(upstreamName)));
    }

    private void describe(PrintWriter out, Gateway gateway, GatewaySettings settings, boolean hangup) {
        InetSocketAddress a = gateway.address();
        out.println("tlsj gateway listening on " + new HostPort(a.getAddress().getHostAddress(), a.getPort())
                + " (TLS; " + CryptoOption.describe(crypto.factory(), crypto.auto()) + "), certificates from " + certs);
        for (Routes.Route r : settings.routes().routes()) {
            out.println("  sni " + r.pattern() + " -> " + r.upstream());
        }
        out.println("  " + (settings.routes().routes().isEmpty() ? "all connections" : "other names") + " -> "
                + settings.routes().fallback().map(HostPort::toString).orElse("refused"));
        ClientAuth auth = gateway.config().files().clientAuth();
        out.println("  client certificates: " + (auth == ClientAuth.NONE ? "not asked for"
                : auth.name().toLowerCase(java.util.Locale.ROOT) + ", issued by " + ca));
        out.println("  to upstream: " + (upstreamTls ? "TLS" + (upstreamCert != null ? " with client certificate "
                + upstreamCert : "") + ", trusting " + (upstreamCa != null ? upstreamCa : "the JDK's CAs") : "plain TCP")
                + (settings.proxyProtocol() ? ", PROXY protocol v2 header first" : ""));
        if (allowNoEms) {
            out.println("  TLS 1.2 clients without the extended master secret (RFC 7627): accepted (--allow-no-ems)");
        }
        out.println("  limits: " + settings.maxConnections() + " connections, handshake "
                + DurationConverter.format(handshakeTimeout) + ", idle "
                + (idleTimeout.isZero() ? "never" : DurationConverter.format(idleTimeout))
                + ", drain " + DurationConverter.format(drainTimeout));
        out.println("  certificate reload: " + (hangup ? "on SIGHUP" : "SIGHUP not available")
                + (reloadCheck.isZero() ? "" : ", and when the files change (checked every "
                + DurationConverter.format(reloadCheck) + ")"));
        out.flush();
    }
}
