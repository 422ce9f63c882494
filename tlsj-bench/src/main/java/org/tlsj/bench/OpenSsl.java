package org.tlsj.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tlsj.certs.KeyPem;
import org.tlsj.pki.CertifiedKey;

/**
 * The OpenSSL side of the loopback harness: {@code openssl s_time -new} (one client process, full
 * handshakes) against any port, and an {@code openssl s_server} serving the harness's certificate.
 */
public final class OpenSsl {
    private static final Pattern REAL = Pattern.compile("(\\d+) connections in (\\d+) real seconds");

    private OpenSsl() {
    }

    /** Whether an {@code openssl} binary runs. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Full TLS 1.3 handshakes per second that {@code s_time -new} makes against 127.0.0.1:{@code port}. */
    public static double sTime(int port, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("openssl", "s_time", "-connect", "127.0.0.1:" + port, "-new", "-tls1_3",
                "-time", Integer.toString(seconds)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Matcher m = REAL.matcher(out);
        if (!m.find()) {
            throw new IOException("s_time printed no figure: " + out.strip());
        }
        return Double.parseDouble(m.group(1)) / Double.parseDouble(m.group(2));
    }

    /** A running {@code openssl s_server}; closing stops it. */
    public record Server(Process process, int port, Path dir) implements AutoCloseable {
        /** CPU time (user + system) the server process used so far, in nanoseconds, from /proc. */
        public long cpuNanos() throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** Starts {@code s_server} with this certificate chain and key, and waits until it accepts. */
    public static Server sServer(CertifiedKey key) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tlsj-bench-openssl");
        Path cert = writeChain(key, dir);
        Path pk = writeKey(key, dir);
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Process p = new ProcessBuilder(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-cert",
                cert.toString(), "-key", pk.toString(), "-quiet", "-naccept", "100000000"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Server server = new Server(p, port, dir);
        for (int i = 0; i < 200; i++) {
            try {
                new Socket("127.0.0.1", port).close();
                return server;
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    break;
                }
                Thread.sleep(25);
            }
        }
        server.close();
        throw new IOException("openssl s_server did not start");
    }

    /** Writes the certificate chain, leaf first, as {@code dir/chain.pem}; returns its path. */
    static Path writeChain(CertifiedKey key, Path dir) throws IOException {
        StringBuilder chain = new StringBuilder();
        for (X509Certificate c : key.chain()) {
            chain.append(pem(c));
        }
        return Files.writeString(dir.resolve("chain.pem"), chain);
    }

    /** Writes the private key as {@code dir/key.pem}; returns its path. */
    static Path writeKey(CertifiedKey key, Path dir) throws IOException {
        return Files.writeString(dir.resolve("key.pem"),
                KeyPem.toPem(new KeyPair(key.leaf().getPublicKey(), key.privateKey())));
    }

    private static String pem(X509Certificate c) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
