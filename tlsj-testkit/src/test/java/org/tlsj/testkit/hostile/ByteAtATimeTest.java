package org.tlsj.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.hostile.Hostile.assertAborted;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tlsj.AlertDescription;
import org.tlsj.Reason;

/**
 * Every hostile case again, with the attacker's bytes fed to the victim one at a time (each byte its own
 * {@code feed} call, handshake included): a peer that trickles must meet the same alert and reason as
 * one that sends whole records, from a record deframer and handshake assembler that hold partial state.
 * The engines are sans-IO, so the suite must not leave a thread behind either.
 */
class ByteAtATimeTest {
    private static int threadsBefore;

    /** A case of any of the hostile suites: a scenario, and the verdict it must reach. */
    record Trickled(String suite, String name, Callable<ScriptedPeer> scenario, AlertDescription alert, Reason reason) {
        @Override
        public String toString() {
            return suite + ": " + name;
        }
    }

    static Stream<Trickled> cases() {
        return Stream.of(
                AttacksOnClientTest.cases().map(c -> new Trickled("on client", c.name(), () -> c.attack().run(),
                        c.alert(), c.reason())),
                AttacksOnServerTest.cases().map(c -> new Trickled("on server", c.name(), () -> c.attack().run(),
                        c.alert(), c.reason())),
                AfterHandshakeTest.cases().map(c -> new Trickled("TLS 1.3 established", c.toString(),
                        () -> c.attack().run(AfterHandshakeTest.established(c.victim()), AfterHandshakeTest.appKey(c.victim())),
                        c.alert(), c.reason())),
                Tls12HandshakeAttacksTest.cases().map(c -> new Trickled("TLS 1.2 handshake", c.toString(),
                        () -> c.attack().run(c.suite()), c.alert(), c.reason())),
                Tls12AfterHandshakeTest.cases().map(c -> new Trickled("TLS 1.2 established", c.toString(),
                        () -> c.attack().run(Tls12.established(c.victim(), c.suite()), Tls12.readKey(c.victim())),
                        c.alert(), c.reason())))
                .flatMap(s -> s);
    }

    @BeforeAll
    static void countThreads() {
        threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aTricklingAttackerMeetsTheSameAlertAndReason(Trickled c) throws Exception {
        assertAborted(ScriptedPeer.trickling(c.scenario()), c.alert(), c.reason());
    }

    @AfterAll
    static void noThreadIsLeftBehind() {
        assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(threadsBefore);
    }
}
