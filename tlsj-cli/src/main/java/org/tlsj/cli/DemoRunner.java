package org.tlsj.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.tlsj.ClientConfig;
import org.tlsj.ServerConfig;
import org.tlsj.SessionInfo;

/**
 * The demo: a local CA, tlsj's server on a free loopback port, tlsj's client with tracing against it.
 * Each part is a step method, so the explained demo can add steps around them.
 */
final class DemoRunner {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final PrintWriter out;
    private final Path stateDir;

    /**
     * A demo writing to {@code out}.
     *
     * @param out where the story goes
     * @param stateDir where the local CA lives
     */
    DemoRunner(PrintWriter out, Path stateDir) {
        this.out = out;
        this.stateDir = stateDir;
    }

    /** Runs the demo; returns the exit code. */
    int run() throws IOException {
        out.println("tlsj demo: a TLS 1.3 handshake between tlsj's own client and server on this machine");
        out.println();
        Pki.LocalFiles pki = Pki.local(stateDir, List.of("localhost", "127.0.0.1"));
        out.println("  local CA     " + pki.ca());
        ServerConfig serverConfig = Options.build(
                () -> ServerConfig.builder(certifiedKey(pki)).build());
        List<String> serverLog = Collections.synchronizedList(new ArrayList<>());
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        Http.Response response;
        AtomicReference<SessionInfo> session = new AtomicReference<>();
        try (HttpsServer server = HttpsServer.start(loopback, serverConfig, TIMEOUT, serverLog::add)) {
            HttpsGet.Target target = new HttpsGet.Target(loopback.getAddress().getHostAddress(), "localhost",
                    server.port(), "/");
            out.println("  server       https://localhost:" + server.port() + "/ on "
                    + loopback.getAddress().getHostAddress());
            out.println("  client       GET https://localhost:" + server.port() + "/, trusting only the local CA");
            out.println();
            out.println("The handshake as the client saw it (C = client, S = server):");
            out.flush();
            ClientConfig clientConfig = Options.build(() -> ClientConfig.builder()
                    .verifier(trusting(pki))
                    .trace(new TracePrinter(out, () -> ""))
                    .build());
            response = HttpsGet.fetch(target, clientConfig, TIMEOUT, session::set);
        }
        out.println();
        out.println("Negotiated: " + session.get().summary());
        out.println("Response:   " + response.status() + " " + response.reason());
        out.println(response.text());
        out.println();
        synchronized (serverLog) {
            serverLog.forEach(line -> out.println("Server log: " + line));
        }
        out.println("Server stopped.");
        out.flush();
        return response.ok() ? 0 : 1;
    }

    private static org.tlsj.pki.CertifiedKey certifiedKey(Pki.LocalFiles pki) {
        try {
            return Pki.certifiedKey(pki.chain(), pki.key());
        } catch (IOException e) {
            throw new CliException("cannot read the local server certificate in " + pki.chain().getParent()
                    + ": " + Failures.describe(e), e);
        }
    }

    private static org.tlsj.pki.ServerCertificateVerifier trusting(Pki.LocalFiles pki) {
        try {
            return Pki.trusting(pki.ca());
        } catch (IOException e) {
            throw new CliException("cannot read the local CA certificate " + pki.ca() + ": " + Failures.describe(e), e);
        }
    }
}
