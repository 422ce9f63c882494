package org.tlsj.bogo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.tlsj.ClientConnection;
import org.tlsj.ClientHelloInfo;
import org.tlsj.ProtocolVersion;
import org.tlsj.ServerConnection;
import org.tlsj.SessionInfo;
import org.tlsj.TlsConnection;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.TlsPeerAlertException;

/**
 * One run of the shim, as BoringSSL's runner starts it: parse the flags, then for the first connection and
 * each resumption connect to the runner, send the shim id, handshake, check, echo the runner's messages
 * with every byte XORed with 0xff, and shut down as asked. Returns the process exit code (0, 1, or 89 for a
 * flag tlsj does not implement) and writes the error, if any, to {@code stderr}. Holds no static state, so
 * one JVM runs many at once.
 */
public final class Shim {
    /** The exit code the runner reads as "not implemented" (skipped). */
    public static final int UNIMPLEMENTED = 89;
    private static final byte[] INITIAL_WRITE = "hello".getBytes(StandardCharsets.US_ASCII);
    private static final int SOCKET_TIMEOUT_MILLIS = 30_000;

    private final ShimFlags flags;
    private final ShimConfigs configs = new ShimConfigs();
    /**
     * The test's clock stands still, as BoringSSL's shim clock does: each connection sees the start time plus
     * {@code -resumption-delay} per resumption, so ticket ages are exact (the runner checks them to the millisecond).
     */
    private final Instant start = Instant.now();

    private Shim(ShimFlags flags) {
        this.flags = flags;
    }

    /**
     * Runs one test.
     *
     * @param args the runner's arguments
     * @param stdout where "No" goes for -is-handshaker-supported
     * @param stderr where errors go (the runner matches the expected error against it)
     * @return the exit code
     */
    public static int run(List<String> args, PrintStream stdout, PrintStream stderr) {
        ShimFlags flags;
        try {
            flags = ShimFlags.parse(args);
        } catch (ShimFlags.Unimplemented e) {
            stderr.println("tlsj shim: unimplemented: " + e.getMessage());
            return UNIMPLEMENTED;
        }
        if (flags.allNames().contains("-is-handshaker-supported")) {
            stdout.println("No");
            return 0;
        }
        Optional<String> missing = ShimSupport.firstUnimplemented(flags);
        if (missing.isPresent()) {
            stderr.println("tlsj shim: unimplemented flag " + missing.get());
            return UNIMPLEMENTED;
        }
        try {
            new Shim(flags).runAll();
            return 0;
        } catch (ShimFlags.Unimplemented e) {
            stderr.println("tlsj shim: unimplemented: " + e.getMessage());
            return UNIMPLEMENTED;
        } catch (TlsFatalAlertException e) {
            stderr.println("tlsj: error:" + ((Enum<?>) e.reason()).name() + ": " + e.getMessage()
                    + " (sent alert:" + e.sent().rfcName() + ":)");
        } catch (TlsPeerAlertException e) {
            stderr.println("tlsj: received alert:" + e.description().map(d -> d.rfcName())
                    .orElse(String.valueOf(e.code())) + ":");
        } catch (ShimChecks.Failed | ShimSettings.Invalid e) {
            stderr.println(e.getMessage());
        } catch (IOException | RuntimeException e) {
            stderr.println("tlsj: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return 1;
    }

    private void runAll() throws IOException, ShimFlags.Unimplemented, ShimSettings.Invalid, ShimChecks.Failed {
        ShimFlags.View first = flags.forConnection(false);
        if (first.integer("-expect-total-renegotiations", 0) != 0) {
            throw new ShimFlags.Unimplemented("renegotiation: tlsj refuses it by design");
        }
        int resumes = first.integer("-resume-count", 0);
        for (int i = 0; i <= resumes; i++) {
            connect(flags.forConnection(i > 0), i);
        }
    }

    private void connect(ShimFlags.View f, int index)
            throws IOException, ShimFlags.Unimplemented, ShimSettings.Invalid, ShimChecks.Failed {
        boolean server = f.has("-server");
        if (!server && f.has("-expect-peer-verify-pref")) {
            throw new ShimFlags.Unimplemented("-expect-peer-verify-pref on a client: tlsj does not expose the "
                    + "CertificateRequest's signature_algorithms");
        }
        Clock clock = Clock.fixed(start.plusSeconds((long) index * f.integer("-resumption-delay", 0)), ZoneOffset.UTC);
        AtomicReference<ClientHelloInfo> hello = new AtomicReference<>();
        TlsConnection tls = server
                ? ServerConnection.accept(configs.server(f, clock, hello::set))
                : ClientConnection.start(configs.client(f, clock), f.string("-host-name").orElse("127.0.0.1"));
        InetAddress host = InetAddress.getByName(f.has("-ipv6") ? "::1" : "127.0.0.1");
        Socket socket = new Socket(host, f.integer("-port", 0));
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        OutputStream id = socket.getOutputStream();
        id.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(f.integer("-shim-id", 0)).array());
        try (ShimConnection c = new ShimConnection(socket, tls, f.has("-async"))) {
            exchange(c, f, server, index > 0, hello);
        }
    }

    private void exchange(ShimConnection c, ShimFlags.View f, boolean server, boolean resume,
                          AtomicReference<ClientHelloInfo> hello)
            throws IOException, ShimChecks.Failed {
        int keptBefore = configs.sessionsKept();
        c.handshake();
        SessionInfo s = c.tls().session().orElseThrow();
        try {
            ShimChecks.afterHandshake(f, s, server, resume, Optional.ofNullable(hello.get()));
        } catch (ShimChecks.Failed e) {
            throw new ShimChecks.Failed(e.getMessage() + (resume ? " (on a resumption)" : " (on the first connection)"));
        }
        if (f.has("-expect-verify-result") && configs.verifier().lastFailed() != f.has("-verify-fail")) {
            throw new ShimChecks.Failed("Wrong certificate verification result");
        }
        boolean tls13 = s.version().equals(ProtocolVersion.TLS13);
        if (!server && !tls13) {
            boolean expectNew = !f.has("-expect-no-session") && !s.resumed();
            if (expectNew != configs.sessionsKept() > keptBefore) {
                throw new ShimChecks.Failed("new session was" + (expectNew ? " not" : "") + " cached, but we expected the opposite");
            }
        }
        int exportLength = f.integer("-export-keying-material", 0);
        if (exportLength > 0) {
            Optional<byte[]> context = f.has("-use-export-context")
                    ? Optional.of(f.string("-export-context").orElse("").getBytes(StandardCharsets.ISO_8859_1))
                    : Optional.empty();
            c.write(c.tls().exportKeyingMaterial(f.string("-export-label").orElse(""), context, exportLength));
        }
        if (f.has("-shim-writes-first")) {
            c.write(INITIAL_WRITE);
        }
        boolean shutsDown = f.has("-shim-shuts-down");
        if (!shutsDown) {
            echo(c, f);
        }
        if (!server && tls13) {
            boolean expectNew = !f.has("-expect-no-session") && !shutsDown;
            if (expectNew != configs.sessionsKept() > keptBefore) {
                throw new ShimChecks.Failed("new session was" + (expectNew ? " not" : "") + " cached, but we expected the opposite");
            }
        }
        shutdown(c, f, shutsDown);
    }

    /** Echoes every read, each byte XORed with 0xff, until the peer closes (cleanly or not). */
    private static void echo(ShimConnection c, ShimFlags.View f) throws IOException {
        int readSize = f.integer("-read-size", 512);
        while (true) {
            byte[] data = c.read(readSize);
            if (data == null) {
                return;
            }
            if (f.has("-key-update")) {
                c.keyUpdate();
            }
            for (int i = 0; i < data.length; i++) {
                data[i] ^= (byte) 0xff;
            }
            c.write(data);
        }
    }

    /**
     * Without -check-close-notify the shim closes quietly (BoringSSL's quiet shutdown). With it, the shim
     * sends close_notify and requires the peer's: after the echo loop it must already have arrived; when
     * the shim shuts down first, it reads on until it does.
     */
    private static void shutdown(ShimConnection c, ShimFlags.View f, boolean shutsDown)
            throws IOException, ShimChecks.Failed {
        if (!f.has("-check-close-notify")) {
            return;
        }
        c.sendCloseNotify();
        // SSL_shutdown has nowhere to deliver data that arrives while it waits for the peer's close_notify.
        if (shutsDown && c.read(16384) != null) {
            throw new ShimChecks.Failed("application data while waiting for the peer's close_notify "
                    + "(APPLICATION_DATA_ON_SHUTDOWN)");
        }
        if (!c.inboundClosed()) {
            throw new ShimChecks.Failed("Unexpected SSL_shutdown result: -1 != 1 (the peer closed without close_notify)");
        }
    }
}
