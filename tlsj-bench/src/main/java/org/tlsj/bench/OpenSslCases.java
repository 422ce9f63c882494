package org.tlsj.bench;

import java.io.IOException;
import javax.net.ssl.SSLContext;
import org.tlsj.certs.KeyType;

/**
 * OpenSSL rows of the harness: {@code openssl s_time -new -tls1_3} (one client process, x25519, ECDSA
 * P-256) against {@code openssl s_server}, the tlsj server and the JSSE server, each handshakes/s and server
 * CPU per handshake, min / median / max over the rounds after a warm-up round of {@code --warmup} seconds.
 */
final class OpenSslCases {
    private final Fixtures fixtures;
    private final Options options;
    private final LoopbackBench.Table table;

    OpenSslCases(Fixtures fixtures, Options options, LoopbackBench.Table table) {
        this.fixtures = fixtures;
        this.options = options;
        this.table = table;
    }

    void run() throws Exception {
        if (!OpenSsl.available()) {
            System.out.println("  openssl not found: no OpenSSL figures");
            return;
        }
        System.out.println("  openssl s_time -new against s_server, tlsj and JSSE ...");
        int seconds = (int) Math.max(1, Math.round(options.duration()));
        int rounds = options.rounds();
        double[][] rate = new double[3][rounds];
        double[][] cpu = new double[3][rounds];
        SSLContext ctx = fixtures.jsse(KeyType.EC_P256);
        try (OpenSsl.Server ossl = OpenSsl.sServer(fixtures.key(KeyType.EC_P256));
             EchoServer ts = new EchoServer(Stacks.tlsjServer(fixtures.server(KeyType.EC_P256).build()), 2, "tlsj");
             EchoServer js = new EchoServer(Stacks.jsseServer(ctx), 2, "jsse")) {
            for (int r = -1; r < rounds; r++) {
                for (int s = 0; s < 3; s++) {
                    long cpu0 = cpu(s, ossl, ts, js);
                    int port = s == 0 ? ossl.port() : s == 1 ? ts.port() : js.port();
                    int length = r < 0 ? (int) Math.max(1, Math.round(options.warmup())) : seconds;
                    double perSecond = OpenSsl.sTime(port, length);
                    long used = cpu(s, ossl, ts, js) - cpu0;
                    if (r >= 0) {
                        rate[s][r] = perSecond;
                        cpu[s][r] = used / 1e3 / Math.max(1, perSecond * seconds);
                    }
                }
            }
        }
        String[] names = {"s_time -new -> openssl s_server", "s_time -new -> tlsj server",
                "s_time -new -> JSSE server"};
        for (int s = 0; s < 3; s++) {
            table.addRaw(names[s] + " (TLS 1.3, x25519, ECDSA P-256)", "handshakes/s",
                    s == 1 ? new Figure(rate[s]).format() : "-", s == 2 ? new Figure(rate[s]).format() : "-",
                    s == 0 ? "openssl: " + new Figure(rate[s]).format() : "-");
            table.addRaw("  server CPU per handshake", "us",
                    s == 1 ? new Figure(cpu[s]).format() : "-", s == 2 ? new Figure(cpu[s]).format() : "-",
                    s == 0 ? "openssl: " + new Figure(cpu[s]).format() : "-");
        }
    }

    private static long cpu(int s, OpenSsl.Server ossl, EchoServer ts, EchoServer js) throws IOException {
        return s == 0 ? ossl.cpuNanos() : s == 1 ? ts.cpuNanos() : js.cpuNanos();
    }
}
