package org.tlsj.cli.get;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import org.tlsj.ClientConfig;
import org.tlsj.SessionInfo;
import org.tlsj.cli.common.CliException;
import org.tlsj.cli.common.DurationConverter;
import org.tlsj.cli.common.Failures;
import org.tlsj.cli.common.Http;
import org.tlsj.cli.common.Options;
import org.tlsj.cli.common.Pki;
import org.tlsj.cli.common.SessionText;
import org.tlsj.cli.common.TlsOptions;
import org.tlsj.cli.common.TracePrinter;
import org.tlsj.io.KeyLogFile;
import org.tlsj.pki.ServerCertificateVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlsj get URL}: an HTTPS GET (or a JSON POST) that prints the body, and the handshake with --trace or -v. */
@Command(name = "get", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fetch an https:// URL and print the body; --data POSTs JSON instead.",
                "The request goes out with the JDK's HttpClient (HTTP/1.1) running on tlsj's TLS stack.",
                "Trusts the JDK's CA store unless --ca or --insecure is given; the host name is always checked."})
public final class GetCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "the https:// URL to fetch (https:// may be left out)")
    private String url;

    @Option(names = "--ca", paramLabel = "FILE", description = "trust only the CA certificates in this PEM file")
    private Path ca;

    @Option(names = {"-k", "--insecure"}, description = "accept any certificate (for testing only)")
    private boolean insecure;

    @Option(names = "--trace", description = "print each handshake step to stderr as it happens")
    private boolean trace;

    @Option(names = "--keylog", paramLabel = "FILE",
            description = "append TLS secrets in NSS key log format, for Wireshark (default: $SSLKEYLOGFILE if set)")
    private Path keylog;

    @Mixin
    private TlsOptions protocol;

    @Option(names = "--reconnect", paramLabel = "N", defaultValue = "0",
            description = {"fetch the URL N more times over new connections with the same session cache, printing one "
                    + "line per connection to stderr: resumed, or full handshake; the body is printed once, from the "
                    + "last connection (default: ${DEFAULT-VALUE})"})
    private int reconnect;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "limit for connecting, and for the handshake with everything up to the end of the response headers (default: ${DEFAULT-VALUE})")
    private Duration timeout;

    @Option(names = {"-v", "--verbose"}, description = "print the connection, TLS summary, certificate and HTTP headers to stderr, like curl -v")
    private boolean verbose;

    @Option(names = {"-d", "--data"}, paramLabel = "JSON",
            description = "POST this JSON (Content-Type: application/json); @FILE reads it from a file")
    private String data;

    @Option(names = "--cert", paramLabel = "chain.pem", description = "client certificate chain for mutual TLS (with --key)")
    private Path cert;

    @Option(names = "--key", paramLabel = "key.pem", description = "private key of the client certificate (with --cert)")
    private Path key;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the body to FILE instead of stdout")
    private Path output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (ca != null && insecure) {
            throw new CliException("--ca and --insecure contradict each other: give one of them");
        }
        if ((cert == null) != (key == null)) {
            throw new CliException("--cert and --key go together: give both for a client certificate, or neither");
        }
        if (reconnect < 0) {
            throw new CliException("--reconnect " + reconnect + ": give 0 or more further connections");
        }
        HttpsGet.Target target = HttpsGet.Target.parse(url);
        HttpsGet.Request request = data == null ? HttpsGet.Request.GET : HttpsGet.Request.postJson(readData(data));
        try (KeyLogFile keyLog = openKeyLog()) {
            ClientConfig.Builder b = protocol.applyTo(ClientConfig.builder()).verifier(verifier());
            if (cert != null) {
                b.certificates(List.of(Pki.certifiedKey(cert, key)));
            }
            if (keyLog != null) {
                b.keyLog(keyLog);
            }
            if (trace) {
                b.trace(new TracePrinter(err, () -> ""));
            }
            ClientConfig config = Options.build(b::build);
            if (verbose) {
                err.println("* " + protocol.cryptoLine());
            }
            HttpsGet.Observer observer = verbose ? new VerboseObserver(err, target.serverName(), !insecure)
                    : new HttpsGet.Observer() {
                        @Override
                        public void session(SessionInfo session) {
                            if (trace) {
                                err.println("connected to " + target.authority() + ": " + SessionText.negotiated(session));
                                err.flush();
                            }
                        }
                    };
            SSLContext context = JdkGet.context(config);
            Http.Response response = null;
            for (int n = 1; n <= reconnect + 1; n++) {
                response = JdkGet.exchange(target, request, context, timeout,
                        reconnect == 0 ? observer : numbered(n, observer, err));
                if (!response.ok()) {
                    break;
                }
            }
            if (output != null) {
                Files.write(output, response.body());
            } else {
                String text = response.text();
                out.print(text);
                if (!text.isEmpty() && !text.endsWith("\n")) {
                    out.println();
                }
                out.flush();
            }
            if (!response.ok()) {
                throw new CliException(target.authority() + " answered " + response.status() + " " + response.reason());
            }
        }
        return 0;
    }

    /** {@code observer}, after one line on {@code err}: "* connection N: version suite group, resumed" (or full handshake). */
    static HttpsGet.Observer numbered(int n, HttpsGet.Observer observer, PrintWriter err) {
        return new HttpsGet.Observer() {
            @Override
            public void connected(String host, java.net.InetSocketAddress address) {
                observer.connected(host, address);
            }

            @Override
            public void session(SessionInfo session) {
                err.println("* connection " + n + ": " + SessionText.withHandshake(session));
                err.flush();
                observer.session(session);
            }

            @Override
            public void requestHead(List<String> lines) {
                observer.requestHead(lines);
            }

            @Override
            public void responseHead(List<String> lines) {
                observer.responseHead(lines);
            }
        };
    }

    /** The --data value: JSON text, or {@code @FILE} for a file's contents (UTF-8). */
    static String readData(String value) {
        if (!value.startsWith("@")) {
            return value;
        }
        Path file = Path.of(value.substring(1));
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new CliException("--data " + value + ": the file is not UTF-8 text, and JSON must be", e);
        } catch (IOException e) {
            throw new CliException("--data " + value + ": cannot read " + file + ": " + Failures.describe(e), e);
        }
    }

    private ServerCertificateVerifier verifier() throws IOException {
        if (insecure) {
            return Pki.insecure();
        }
        return ca != null ? Pki.trusting(ca) : Pki.defaultTrust();
    }

    private KeyLogFile openKeyLog() throws IOException {
        Path file = keylog;
        String env = System.getenv("SSLKEYLOGFILE");
        if (file == null && env != null && !env.isBlank()) {
            file = Path.of(env);
        }
        return file == null ? null : Options.keyLog(file);
    }
}
