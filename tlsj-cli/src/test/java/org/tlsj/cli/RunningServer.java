package org.tlsj.cli;

import java.util.regex.Pattern;

/** {@code tlsj server ... --port 0} on a thread, with its stdout lines in a queue; closing it interrupts it. */
public final class RunningServer extends RunningCommand {
    private static final Pattern LISTENING = Pattern.compile("listening on https://[^:]+:(\\d+)/");

    /** Starts {@code tlsj server --port 0 args...} and waits until it listens. */
    RunningServer(String... args) throws InterruptedException {
        super("server", "--port", LISTENING, args);
    }
}
