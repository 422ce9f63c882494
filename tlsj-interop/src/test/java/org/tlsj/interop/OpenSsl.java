package org.tlsj.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tlsj.ProtocolVersion;
import org.tlsj.interop.InteropPki.PemFiles;
import org.tlsj.interop.Peer.Result;

/** OpenSSL 3.0's {@code s_client} and {@code s_server} command lines, shared by the tests of either version. */
final class OpenSsl {
    /** The request s_client sends (s_server -www answers it with a status page). */
    static final String REQUEST = "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n";

    private OpenSsl() {
    }

    /** The option that limits s_client or s_server to one version: {@code -tls1_3} or {@code -tls1_2}. */
    static String only(ProtocolVersion v) {
        return v.equals(ProtocolVersion.TLS13) ? "-tls1_3" : "-tls1_2";
    }

    /**
     * The s_client command for 127.0.0.1:{@code port} as "localhost", verifying against {@code caFile}, ignoring
     * end of input (so it reads the whole answer); {@code options} follow (a version, -brief, ...).
     */
    static List<String> sClientCommand(int port, Path caFile, List<String> options) {
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", "localhost", "-CAfile", caFile.toString(), "-verify_return_error", "-ign_eof"));
        cmd.addAll(options);
        return cmd;
    }

    /** Runs s_client with -brief (it prints the negotiated parameters), sending one request. */
    static Result sClient(Path dir, int port, Path caFile, String... options) {
        List<String> all = new ArrayList<>(List.of("-brief"));
        all.addAll(List.of(options));
        return Peer.run(dir, REQUEST, sClientCommand(port, caFile, all));
    }

    /** Runs s_client without -brief (it prints the session, "New" or "Reused"), sending one request. */
    static Result sClientFull(Path dir, int port, Path caFile, String... options) {
        return Peer.run(dir, REQUEST, sClientCommand(port, caFile, List.of(options)));
    }

    /**
     * Runs s_client -brief with the extended master secret turned off, through an OpenSSL config file:
     * OpenSSL 3.0's s_client has no option for it, but {@code Options = -ExtendedMasterSecret} does it.
     */
    static Result sClientWithoutExtendedMasterSecret(Path dir, int port, Path caFile, String... options) {
        Path conf = dir.resolve("no-ems.cnf");
        try {
            Files.writeString(conf, """
                    openssl_conf = default_conf
                    [default_conf]
                    ssl_conf = ssl_sect
                    [ssl_sect]
                    system_default = system_default_sect
                    [system_default_sect]
                    Options = -ExtendedMasterSecret
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + conf, e);
        }
        List<String> all = new ArrayList<>(List.of("-brief"));
        all.addAll(List.of(options));
        return Peer.run(dir, REQUEST, Map.of("OPENSSL_CONF", conf.toString()), sClientCommand(port, caFile, all));
    }

    /** Starts {@code s_server -www} on a free port with the given chain and key; {@code options} follow. */
    static Peer sServer(Path dir, PemFiles files, String... options) {
        return Peer.server(dir, port -> {
            List<String> cmd = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                    "-www", "-cert", files.chain().toString(), "-key", files.key().toString()));
            cmd.addAll(List.of(options));
            return cmd;
        });
    }
}
