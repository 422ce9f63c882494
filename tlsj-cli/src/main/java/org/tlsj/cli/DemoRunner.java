package org.tlsj.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.tlsj.ClientAuth;
import org.tlsj.ClientConfig;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;
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

    /** Runs the client against the server and gathers what happened. */
    DemoReport report() throws IOException {
        long start = System.nanoTime();
        Instant now = Instant.now();
        DemoPki pki = DemoPki.open(stateDir);
        CertifiedKey served = options.failure().isPresent() ? pki.bad(options.failure().get(), now) : pki.server();
        Optional<CertifiedKey> clientKey = options.mutualTls() ? Optional.of(pki.client(now)) : Optional.empty();
        PkixVerifier trustLocalCa = PkixVerifier.withTrustedCertificates(List.of(pki.caCertificate()));

        DemoRecorder recorder = new DemoRecorder();
        ServerConfig.Builder sb = ServerConfig.builder(served).trace(recorder.serverListener());
        if (options.mutualTls()) {
            sb.clientAuth(ClientAuth.REQUIRED, trustLocalCa);
        }
        ServerConfig serverConfig = Options.build(sb::build);
        ClientConfig.Builder cb = ClientConfig.builder().verifier(trustLocalCa).trace(recorder.clientListener());
        options.group().ifPresent(g -> cb.groups(List.of(g)));
        clientKey.ifPresent(k -> cb.certificates(List.of(k)));
        if (options.showSecrets()) {
            cb.keyLog(recorder.secretsLog());
        }
        ClientConfig clientConfig = Options.build(cb::build);

        List<String> serverLog = Collections.synchronizedList(new ArrayList<>());
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        WireTap tap = new WireTap();
        AtomicReference<SessionInfo> session = new AtomicReference<>();
        List<String> requestHead = new ArrayList<>();
        Http.Response response = null;
        String failure = null;
        String url;
        try (HttpsServer server = HttpsServer.start(loopback, serverConfig, TIMEOUT, serverLog::add)) {
            HttpsGet.Target target = new HttpsGet.Target(loopback.getAddress().getHostAddress(), "localhost",
                    server.port(), "/");
            url = "https://localhost:" + server.port() + "/";
            try {
                response = HttpsGet.exchange(target, HttpsGet.Request.GET, clientConfig, TIMEOUT, tap::socket,
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
            } catch (CliException e) {
                failure = e.getMessage();
            }
        }
        List<HandshakeEvent> client = recorder.client();
        List<HandshakeEvent> server = recorder.server();
        Optional<SessionInfo> negotiated = Optional.ofNullable(session.get());
        List<DemoSteps.Step> steps = DemoSteps.build(client, server, negotiated, recorder.secrets());
        boolean visible = tap.visible(HttpsServer.BODY) || tap.visible("GET / HTTP/1.1");
        List<String> log;
        synchronized (serverLog) {
            log = List.copyOf(serverLog);
        }
        return new DemoReport(options, url, pki.caFile(), pki.caCertificate().getSubjectX500Principal().getName(),
                describe(served.leaf()), clientKey.map(k -> k.leaf().getSubjectX500Principal().getName()), steps,
                DemoReport.diagram(client, server), negotiated, requestHead,
                response == null ? 0 : response.status(), response == null ? "" : response.text(),
                Optional.ofNullable(failure), alert(client), tap.records(), visible, log, System.nanoTime() - start);
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
