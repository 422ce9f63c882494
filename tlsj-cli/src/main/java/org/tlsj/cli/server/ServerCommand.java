package org.tlsj.cli.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tlsj.ClientAuth;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConfig;
import org.tlsj.cli.common.CliException;
import org.tlsj.cli.common.DurationConverter;
import org.tlsj.cli.common.Failures;
import org.tlsj.cli.common.Options;
import org.tlsj.cli.common.Pki;
import org.tlsj.cli.common.StateDir;
import org.tlsj.cli.common.TlsOptions;
import org.tlsj.cli.common.TracePrinter;
import org.tlsj.io.KeyLogFile;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.PkixVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsj server}: an HTTPS server that answers every GET with a greeting and echoes JSON POSTed to /echo. */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run an HTTPS server (the JDK's HttpsServer on tlsj's TLS stack) that greets every GET.",
                "Every HTTP/1.x GET gets 200 and 'Hello TLS-secured world!'; POST /echo gets its body back as",
                "application/json (Content-Length required, at most 1 MiB); other methods get 405.",
                "Without --cert it serves a certificate from a local CA kept in the state directory."})
public final class ServerCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", defaultValue = "8443", description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    private String host;

    @Option(names = "--cert", paramLabel = "chain.pem",
            description = "certificate chain to serve, leaf first (with --key); give several for several names, chosen by SNI")
    private List<Path> certs = new ArrayList<>();

    @Option(names = "--key", paramLabel = "key.pem",
            description = "private key of the leaf certificate; the n-th --key goes with the n-th --cert")
    private List<Path> keys = new ArrayList<>();

    @Option(names = "--ca", paramLabel = "FILE",
            description = "ask clients for a certificate from the CAs in this PEM file (mutual TLS)")
    private Path clientCa;

    @Option(names = "--client-auth", paramLabel = "MODE",
            description = "optional or required: whether a client without a certificate gets in (default with --ca: required)")
    private String clientAuth;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "where the local CA lives (default: $TLSJ_STATE_DIR, else ~/.local/state/tlsj)")
    private Path stateDir;

    @Option(names = "--keylog", paramLabel = "FILE", description = "append TLS secrets in NSS key log format, for Wireshark")
    private Path keylog;

    @Option(names = "--trace", description = "print each handshake step to stderr, tagged with the connection number")
    private boolean trace;

    @Mixin
    private TlsOptions protocol;

    @Option(names = "--session-ticket-keys", paramLabel = "FILE",
            description = {"session ticket master secret (hex on the first line; # comments allowed), made with a fresh "
                    + "random secret if missing; servers sharing the file resume each other's sessions",
                    "(default: a random secret per process)"})
    private Path ticketKeyFile;

    @Option(names = "--ticket-rotation", paramLabel = "DURATION", defaultValue = "12h", converter = DurationConverter.class,
            description = "how long one ticket key issues tickets; the previous one is still accepted (default: ${DEFAULT-VALUE})")
    private Duration ticketRotation;

    @Option(names = "--allow-no-ems",
            description = "accept TLS 1.2 clients without the extended master secret (RFC 7627); by default they are "
                    + "refused with handshake_failure, since without it a TLS 1.2 session can be synchronized by an attacker")
    private boolean allowNoEms;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "limit for the handshake with the whole request head, and for the rest of each exchange (default: ${DEFAULT-VALUE})")
    private Duration timeout;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (certs.size() != keys.size()) {
            throw new CliException("--cert and --key go together: give both, or neither to use the local CA");
        }
        ClientAuth mode = clientAuthMode();
        ServerConfig.Builder b = protocol.applyTo(ServerConfig.builder()).requireExtendedMasterSecret(!allowNoEms);
        List<CertifiedKey> served = new ArrayList<>();
        for (int i = 0; i < certs.size(); i++) {
            served.add(Pki.certifiedKey(certs.get(i), keys.get(i)));
        }
        if (served.isEmpty()) {
            Path dir = stateDir != null ? stateDir : StateDir.resolve();
            Pki.LocalFiles local = Pki.local(dir, localNames(host));
            served.add(Pki.certifiedKey(local.chain(), local.key()));
            if (protocol.rsaKeyExchange()) {
                served.add(Pki.localRsa(dir, localNames(host)));
            }
            out.println("CA certificate: " + local.ca() + " (use --ca with tlsj get, or curl --cacert)");
        } else if (protocol.rsaKeyExchange()
                && served.stream().noneMatch(k -> k.privateKey().getAlgorithm().equals("RSA"))) {
            throw new CliException("--kx rsa needs an RSA certificate: the pre-master secret is encrypted to its key; "
                    + "give one with --cert/--key (tlsj certs --key rsa-2048 makes one)");
        }
        if (ticketKeyFile != null) {
            b.ticketKeys(TicketKeyFile.load(ticketKeyFile, ticketRotation, line -> {
                out.println(line);
                out.flush();
            }));
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new CliException("cannot listen on " + host + ": unknown host");
        }
        try (KeyLogFile keyLog = keylog == null ? null : Options.keyLog(keylog)) {
            b.certificates(served);
            if (mode != ClientAuth.NONE) {
                b.clientAuth(mode, PkixVerifier.fromCaFile(clientCa));
            }
            if (keyLog != null) {
                b.keyLog(keyLog);
            }
            if (trace) {
                b.trace(new TracePrinter(err, GreetingServer::connectionTag));
            }
            ServerConfig config = Options.build(b::build);
            GreetingServer server;
            try {
                server = GreetingServer.start(address, config, timeout, line -> {
                    out.println(line);
                    out.flush();
                });
            } catch (BindException e) {
                throw new CliException("cannot listen on " + host + ":" + port + ": " + Failures.describe(e), e);
            }
            try (server) {
                out.println("tlsj server listening on https://" + urlHost(host) + ":" + server.port() + "/ ("
                        + config.versions().stream().map(ProtocolVersion::displayName).collect(Collectors.joining(", "))
                        + "; " + protocol.cryptoLine() + ")");
                out.flush();
                server.awaitClose();
            }
        }
        return 0;
    }

    private ClientAuth clientAuthMode() {
        if (clientAuth == null) {
            return clientCa == null ? ClientAuth.NONE : ClientAuth.REQUIRED;
        }
        ClientAuth mode;
        try {
            mode = ClientAuth.parse(clientAuth);
        } catch (IllegalArgumentException e) {
            throw new CliException("--client-auth " + e.getMessage().replace("client auth ", ""), e);
        }
        if (mode != ClientAuth.NONE && clientCa == null) {
            throw new CliException("--client-auth " + clientAuth + " needs --ca FILE: the CAs whose client certificates are accepted");
        }
        return mode;
    }

    /** The names the local CA's server certificate covers when listening on {@code host}. */
    static List<String> localNames(String host) {
        List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean wildcard = bare.equals("0.0.0.0") || bare.equals("::");
        if (!wildcard && !names.contains(bare)) {
            names.add(bare);
        }
        if (wildcard) {
            try {
                String own = InetAddress.getLocalHost().getHostName();
                if (!names.contains(own)) {
                    names.add(own);
                }
            } catch (IOException e) {
                // No resolvable host name: the loopback names still work.
            }
        }
        return names;
    }

    private static String urlHost(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
