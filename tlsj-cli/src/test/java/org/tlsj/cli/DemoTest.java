package org.tlsj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tlsj demo` end to end: a fresh local CA, a real server, the client's trace and the greeting. */
class DemoTest {
    @TempDir
    Path state;

    @Test
    void demoMintsACaAndShowsTheHandshakeAndTheResponse() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"demo", "--state-dir", state.toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true));

        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.exists(state.resolve("ca.pem"))).isTrue();
        assertThat(out.toString()).contains("ClientHello").contains("ServerHello").contains("Verify certificate")
                .contains("hostname: localhost matches DNS:localhost").contains("Finished")
                .contains("X25519MLKEM768").contains("Hello TLS-secured world!");
    }
}
