package org.tlsj.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.NamedGroup;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
import org.tlsj.certs.KeyType;
import org.tlsj.cli.common.CliException;
import org.tlsj.cli.common.ErrorReporter;
import org.tlsj.cli.common.Http;
import org.tlsj.cli.common.Options;
import org.tlsj.cli.get.HttpsGet;
import org.tlsj.cli.server.GreetingServer;
import org.tlsj.pki.CertifiedKey;
import org.tlsj.pki.HostnameMatcher;
import org.tlsj.pki.PkixVerifier;
import org.tlsj.trace.HandshakeEvent;

/**
 * The demo: a local CA, tlsj's server on a free loopback port, tlsj's client against it with both sides
 * traced and the client's bytes on the wire recorded; then the story is told by a renderer.
 */
final class DemoRunner {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final PrintWriter out;
    private final PrintWriter err;
    private final Path stateDir;
    private final DemoOptions options;

    /**
     * A demo.
     *
     * @param out where the story goes
     * @param err where the one-line failure goes (exit code 1)
     * @param stateDir where the local CA lives
     * @param options what to show
     */
    DemoRunner(PrintWriter out, PrintWriter err, Path stateDir, DemoOptions options) {
        this.out = out;
        this.err = err;
        this.stateDir = stateDir;
        this.options = options;
    }

    /** Runs the demo and prints it; returns the exit code (1 when the client refused, as --fail asks). */
    int run() throws IOException {
        DemoReport report = report();
        switch (options.format()) {
            case TEXT -> DemoText.print(report, out);
            case JSON -> out.println(DemoJson.render(report));
            case HTML -> out.println(DemoHtml.render(report));
        }
        out.flush();
        if (report.failure().isPresent()) {
            err.println("tlsj: " + report.failure().get());
            err.flush();
            return ErrorReporter.FAILURE;
        }
        return report.ok() ? 0 : ErrorReporter.FAILURE;
    }

    /**
     * One client connection's outcome.
     *
     * @param session what was negotiated, if the handshake finished
     * @param requestHead the request as sent
     * @param response the response, if one came
     * @param failure the client's one-line reason, if it failed
     */
    private record Exchange(Optional<SessionInfo> session, List<String> requestHead, Optional<Http.Response> response,
                            Optional<String> failure) {
        int status() {
            return response.map(Http.Response::status).orElse(0);
        }
    }

    /** Runs the client against the server and gathers what happened. */
    DemoReport report() throws IOException {
        long start = System.nanoTime();
        Instant now = Instant.now();
        DemoPki pki = DemoPki.open(stateDir);
        DemoOptions.Scenario scenario = options.scenario();
        boolean rsa = scenario == DemoOptions.Scenario.TLS12_RSA;
        CertifiedKey served = options.failure().isPresent()
                ? pki.bad(options.failure().get(), now, rsa ? KeyType.RSA_2048 : KeyType.EC_P256)
                : rsa ? pki.serverRsa() : pki.server();
        Optional<CertifiedKey> clientKey = options.mutualTls() ? Optional.of(pki.client(now)) : Optional.empty();
        PkixVerifier trustLocalCa = PkixVerifier.withTrustedCertificates(List.of(pki.caCertificate()));

        DemoRecorder recorder = new DemoRecorder();
        ServerConfig.Builder sb = ServerConfig.builder(served).trace(recorder.serverListener());
        if (options.mutualTls()) {
            sb.clientAuth(ClientAuth.REQUIRED, trustLocalCa);
        }
        ClientConfig.Builder cb = ClientConfig.builder().verifier(trustLocalCa).trace(recorder.clientListener());
        if (scenario != DemoOptions.Scenario.TLS13) {
            // TLS 1.3 keeps the defaults on both sides (both versions offered, as a browser does; 1.3 wins).
            sb.versions(List.of(scenario.version())).cipherSuites(scenario.suites());
            cb.versions(List.of(scenario.version())).cipherSuites(scenario.suites());
        }
        // An opt-in group (secp521r1) is not among the server's defaults: the demo server accepts the one asked for.
        options.group().filter(g -> !NamedGroup.SUPPORTED.contains(g)).ifPresent(g -> sb.groups(
                java.util.stream.Stream.concat(NamedGroup.SUPPORTED.stream(), java.util.stream.Stream.of(g)).toList()));
        ServerConfig serverConfig = Options.build(sb::build);
        if (options.group().isPresent()) {
            cb.groups(List.of(options.group().get()));
        } else if (scenario != DemoOptions.Scenario.TLS13) {
            // TLS 1.2 has no hybrid post-quantum group: offer only the ECDHE curves, and no ML-KEM key share.
            cb.groups(List.of(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1));
        }
        clientKey.ifPresent(k -> cb.certificates(List.of(k)));
        if (options.showSecrets()) {
            cb.keyLog(recorder.secretsLog());
        }
        ClientConfig clientConfig = Options.build(cb::build);

        LinkedBlockingQueue<String> serverLog = new LinkedBlockingQueue<>();
        List<String> log = new ArrayList<>();
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        WireTap tap = new WireTap();
        Exchange first;
        Optional<DemoReport.Resumption> resumption = Optional.empty();
        List<HandshakeEvent> client;
        List<HandshakeEvent> server;
        Map<String, String> secrets;
        String url;
        try (GreetingServer server0 = GreetingServer.start(loopback, serverConfig, TIMEOUT, serverLog::add)) {
            HttpsGet.Target target = new HttpsGet.Target(loopback.getAddress().getHostAddress(), "localhost",
                    server0.port(), "/");
            url = "https://localhost:" + server0.port() + "/";
            first = exchange(target, clientConfig, tap::socket);
            client = recorder.client();
            server = recorder.server();
            secrets = recorder.secrets();
            if (options.resume() && first.failure().isEmpty()) {
                // The first connection's server side is finished once it has logged: only then start afresh.
                waitForLogLine(serverLog, log);
                recorder.clear();
                Exchange second = exchange(target, clientConfig, new WireTap()::socket);
                List<HandshakeEvent> c2 = recorder.client();
                List<HandshakeEvent> s2 = recorder.server();
                List<DemoSteps.Step> rows = steps(c2, s2, second.session(), recorder.secrets());
                if (second.session().map(SessionInfo::resumed).orElse(false)) {
                    rows = offeredTicket(rows);
                }
                resumption = Optional.of(new DemoReport.Resumption(rows, second.session(), second.status(),
                        second.failure()));
            }
        }
        serverLog.drainTo(log);
        List<DemoSteps.Step> steps = steps(client, server, first.session(), secrets);
        boolean visible = tap.visible(GreetingServer.BODY) || tap.visible("GET / HTTP/1.1");
        return new DemoReport(options, url, pki.caFile(), pki.caCertificate().getSubjectX500Principal().getName(),
                describe(served.leaf()), clientKey.map(k -> k.leaf().getSubjectX500Principal().getName()), steps,
                DemoReport.diagram(client, server), first.session(), first.requestHead(), first.status(),
                first.response().map(Http.Response::text).orElse(""), first.failure(), alert(client), tap.records(),
                visible, log, System.nanoTime() - start, resumption);
    }

    private List<DemoSteps.Step> steps(List<HandshakeEvent> client, List<HandshakeEvent> server,
            Optional<SessionInfo> session, Map<String, String> secrets) {
        return options.scenario() == DemoOptions.Scenario.TLS13 ? DemoSteps.build(client, server, session, secrets)
                : DemoSteps12.build(client, server, session, secrets);
    }

    /** The ClientHello row of a resumed connection, saying what it carried that the first one did not. */
    private List<DemoSteps.Step> offeredTicket(List<DemoSteps.Step> rows) {
        String line = options.scenario() == DemoOptions.Scenario.TLS13
                ? "pre_shared_key: the session ticket from connection 1, with a binder proving the client knows its secret"
                : "session_ticket: the ticket from connection 1";
        return rows.stream().map(r -> {
            if (!r.message().equals("ClientHello")) {
                return r;
            }
            List<String> happened = new ArrayList<>(r.happened());
            happened.add(line);
            return new DemoSteps.Step(r.who(), r.message(), r.purpose(), happened, r.nanos());
        }).toList();
    }

    private static Exchange exchange(HttpsGet.Target target, ClientConfig config, Supplier<Socket> sockets) {
        AtomicReference<SessionInfo> session = new AtomicReference<>();
        List<String> requestHead = new ArrayList<>();
        try {
            Http.Response response = HttpsGet.exchange(target, HttpsGet.Request.GET, config, TIMEOUT, sockets,
                    new HttpsGet.Observer() {
                        @Override
                        public void session(SessionInfo s) {
                            session.set(s);
                        }

                        @Override
                        public void requestHead(List<String> lines) {
                            requestHead.addAll(lines);
                        }
                    });
            return new Exchange(Optional.ofNullable(session.get()), requestHead, Optional.of(response), Optional.empty());
        } catch (CliException e) {
            return new Exchange(Optional.ofNullable(session.get()), requestHead, Optional.empty(),
                    Optional.of(e.getMessage()));
        }
    }

    private static void waitForLogLine(LinkedBlockingQueue<String> serverLog, List<String> log) {
        try {
            String line = serverLog.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (line != null) {
                log.add(line);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "client sent certificate_expired" from the first alert event, if any. */
    private static Optional<String> alert(List<HandshakeEvent> client) {
        return client.stream().filter(e -> e.kind() == HandshakeEvent.Kind.ALERT).findFirst()
                .map(e -> e.from().title().toLowerCase(java.util.Locale.ROOT) + " sent "
                        + e.title().replaceFirst("^Alert ", "") + " (fatal)");
    }

    private static String describe(X509Certificate leaf) {
        return leaf.getSubjectX500Principal().getName() + " for " + HostnameMatcher.describeNames(leaf)
                + ", issued by " + leaf.getIssuerX500Principal().getName() + ", valid " + leaf.getNotBefore().toInstant()
                + " to " + leaf.getNotAfter().toInstant();
    }
}
