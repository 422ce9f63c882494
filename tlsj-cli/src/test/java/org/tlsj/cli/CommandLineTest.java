package org.tlsj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tlsj.cli.common.CliException;
import org.tlsj.cli.common.ErrorReporter;
import picocli.CommandLine;

public class CommandLineTest {
    /** What one run of tlsj printed and returned. */
    public record Run(int code, String out, String err) {
    }

    public static Run tlsj(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        Run r = tlsj("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: tlsj", "demo", "server", "get", "certs", "--version");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void versionNamesTlsjAndTheJava() {
        Run r = tlsj("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("tlsj ").contains("Java " + Runtime.version().feature());
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "server", "get", "certs"})
    void everyCommandExplainsItselfWithHelp(String command) {
        Run r = tlsj(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: tlsj " + command);
    }

    @Test
    void serverHelpShowsTheDefaults() {
        assertThat(tlsj("server", "--help").out())
                .contains("--port", "default: 8443", "--host", "default: 127.0.0.1", "--cert", "--key",
                        "--state-dir", "--keylog", "--trace", "--group");
    }

    @Test
    void getHelpShowsTrustAndTraceOptions() {
        assertThat(tlsj("get", "--help").out())
                .contains("URL", "--ca", "--insecure", "--trace", "--keylog", "--group", "--timeout", "default: 10s", "-o");
    }

    @Test
    void anUnknownOptionIsOneLineAndExitCodeOne() {
        Run r = tlsj("get", "--nope", "https://localhost/");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("tlsj: unknown option: '--nope' (see: tlsj get --help)" + System.lineSeparator());
    }

    @Test
    void aMissingUrlIsOneLine() {
        Run r = tlsj("get");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactly("tlsj: missing required parameter: 'URL' (see: tlsj get --help)");
    }

    @Test
    void aBadDurationSaysHowToWriteOne() {
        Run r = tlsj("get", "--timeout", "soon", "https://localhost/");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString()
                .startsWith("tlsj: invalid value for option '--timeout': 'soon' is not a duration; write it like 10s");
    }

    @Test
    void anUnknownGroupListsTheKnownOnes() {
        Run r = tlsj("get", "--group", "ffdhe9", "https://localhost/");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).singleElement().asString().contains("unknown group 'ffdhe9'", "x25519");
    }

    @Test
    void plainHttpUrlsAreRefusedInOneLine() {
        Run r = tlsj("get", "http://localhost/");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("tlsj: only https:// URLs are supported, not http://" + System.lineSeparator());
    }

    @Test
    void caAndInsecureContradictEachOther() {
        Run r = tlsj("get", "--ca", "ca.pem", "--insecure", "https://localhost/");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactly("tlsj: --ca and --insecure contradict each other: give one of them");
    }

    @Test
    void certWithoutKeyIsRefused() {
        Run r = tlsj("server", "--cert", "chain.pem");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().lines()).containsExactly(
                "tlsj: --cert and --key go together: give both, or neither to use the local CA");
    }

    @Test
    void aBugShowsNoStackTraceWithoutDebug() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        int code = new ErrorReporter().handleExecutionException(new IllegalStateException("boom"), cl,
                cl.parseArgs("get", "https://localhost/"));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly(
                "tlsj: internal error: java.lang.IllegalStateException: boom (run again with --debug to see where)");
    }

    @Test
    void aBugShowsItsStackTraceWithDebug() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        new ErrorReporter().handleExecutionException(new IllegalStateException("boom"), cl,
                cl.parseArgs("get", "--debug", "https://localhost/"));
        assertThat(err.toString()).contains("\tat org.tlsj.cli.CommandLineTest")
                .endsWith("tlsj: internal error: java.lang.IllegalStateException: boom" + System.lineSeparator());
    }

    @Test
    void userAndPeerErrorsAreWordedNotTraced() {
        assertThat(ErrorReporter.userMessage(new CliException("cannot connect"))).isEqualTo("cannot connect");
        assertThat(ErrorReporter.userMessage(new java.io.IOException("Broken pipe"))).isEqualTo("broken pipe");
        assertThat(ErrorReporter.userMessage(new IllegalArgumentException("bug"))).isNull();
    }
}
