package org.tlsj.interop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tlsj.ProtocolVersion;
import org.tlsj.interop.InteropPki.PemFiles;
import org.tlsj.interop.Matrix.Case12;
import org.tlsj.interop.Peer.Result;

/**
 * GnuTLS 3.7's {@code gnutls-serv} and {@code gnutls-cli} command lines and priority strings, shared by the
 * tests of either version.
 */
final class GnuTls {
    /** TLS 1.3 only. */
    static final String TLS13_ONLY = "NORMAL:-VERS-ALL:+VERS-TLS1.3";
    /** TLS 1.2 only. */
    static final String TLS12_ONLY = "NORMAL:-VERS-ALL:+VERS-TLS1.2";

    private GnuTls() {
    }

    /** The priority string for one version. */
    static String only(ProtocolVersion v) {
        return v.equals(ProtocolVersion.TLS13) ? TLS13_ONLY : TLS12_ONLY;
    }

    /** A priority string allowing TLS 1.2 with only this case's key exchange, cipher and group. */
    static String priority(Case12 c) {
        return TLS12_ONLY + ":-KX-ALL:+" + c.suite().gnutlsKx + ":-CIPHER-ALL:+" + c.suite().gnutlsCipher
                + ":-GROUP-ALL:+GROUP-" + c.group().gnutls;
    }

    /** Starts {@code gnutls-serv --http} on a free port; {@code options} follow. */
    static Peer serv(Path dir, PemFiles files, String priority, String... options) {
        return Peer.server(dir, port -> {
            List<String> cmd = new ArrayList<>(List.of("gnutls-serv", "--http", "-p", Integer.toString(port),
                    "--x509certfile", files.chain().toString(), "--x509keyfile", files.key().toString(),
                    "--priority", priority));
            cmd.addAll(List.of(options));
            return cmd;
        });
    }

    /** Runs {@code gnutls-cli} to 127.0.0.1 as "localhost", verifying against {@code caFile}, sending one request. */
    static Result cli(Path dir, int port, Path caFile, String priority, String... options) {
        List<String> cmd = new ArrayList<>(List.of("gnutls-cli", "-p", Integer.toString(port), "127.0.0.1",
                "--sni-hostname", "localhost", "--verify-hostname", "localhost", "--x509cafile", caFile.toString(),
                "--priority", priority));
        cmd.addAll(List.of(options));
        return Peer.run(dir, OpenSsl.REQUEST, cmd);
    }
}
