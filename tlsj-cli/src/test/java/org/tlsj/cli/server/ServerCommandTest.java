package org.tlsj.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerCommandTest {
    @Test
    void localCertificateNamesCoverLoopbackAndTheListenAddress() {
        assertThat(ServerCommand.localNames("127.0.0.1")).containsExactly("localhost", "127.0.0.1", "::1");
        assertThat(ServerCommand.localNames("10.1.2.3")).containsExactly("localhost", "127.0.0.1", "::1", "10.1.2.3");
    }
}
