package org.tlsj.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.cli.CommandLineTest.tlsj;

import org.junit.jupiter.api.Test;
import org.tlsj.cli.CommandLineTest;
import org.tlsj.cli.RunningGateway;

class GatewayCommandTest {
    @Test
    void helpShowsEveryOptionWithItsDefault() {
        CommandLineTest.Run r = tlsj("gateway", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: tlsj gateway", "--listen", "default: 8443", "--host", "default: 127.0.0.1",
                "--upstream", "--route", "--client-auth", "--upstream-tls", "--proxy-protocol", "--max-connections",
                "default: 1000", "--handshake-timeout", "default: 10s", "--idle-timeout", "default: 5m",
                "--drain-timeout", "default: 30s", "SIGHUP");
    }

    @Test
    void aGatewayRunInProcessStopsListeningWhenItsThreadIsInterrupted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        assertThat(tlsj("certs", "--out", dir.toString()).code()).isZero();
        int port;
        try (RunningGateway g = new RunningGateway("--cert", dir.resolve("server.pem").toString(),
                "--key", dir.resolve("server-key.pem").toString(), "--upstream", "127.0.0.1:9")) {
            port = g.port();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", port).close())
                .isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void theTopLevelHelpListsTheGateway() {
        assertThat(tlsj("--help").out()).contains("gateway");
    }

    @Test
    void wrongCombinationsAreOneLineInPlainWords() {
        assertThat(tlsj("gateway", "--cert", "a.pem", "--key", "a-key.pem", "--cert", "b.pem", "--upstream", "h:1").err())
                .isEqualTo("tlsj: give one --key for each --cert (2 --cert, 1 --key), in the same order\n");
        assertThat(tlsj("gateway", "--cert", "a.pem", "--key", "k.pem", "--upstream", "h:1", "--proxy-protocol", "v1")
                .err()).isEqualTo("tlsj: --proxy-protocol takes v2 or none, not 'v1'\n");
        assertThat(tlsj("gateway", "--cert", "a.pem", "--key", "k.pem").err())
                .isEqualTo("tlsj: there is nowhere to send connections: give --upstream or --route\n");
        assertThat(tlsj("gateway", "--cert", "a.pem", "--key", "k.pem", "--upstream", "h:1", "--upstream-ca", "ca.pem")
                .err()).startsWith("tlsj: --upstream-ca, --upstream-cert, --upstream-key and --upstream-name need");
        assertThat(tlsj("gateway", "--cert", "a.pem", "--key", "k.pem", "--upstream", "h:1", "--client-auth", "required")
                .err()).isEqualTo("tlsj: --client-auth required needs --ca, the CA that issues client certificates\n");
        CommandLineTest.Run missing = tlsj("gateway", "--cert", "missing.pem", "--key", "k.pem", "--upstream", "h:1");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("tlsj: cannot load the certificates: ");
    }
}
