package org.tlsj.cli;

import java.util.regex.Pattern;

/** {@code tlsj gateway ... --listen 0} on a thread, its stdout lines in a queue; closing it interrupts it. */
public final class RunningGateway extends RunningCommand {
    private static final Pattern LISTENING = Pattern.compile("tlsj gateway listening on [^ ]+:(\\d+) ");

    /** Starts {@code tlsj gateway --listen 0 args...} and waits until it listens. */
    public RunningGateway(String... args) throws InterruptedException {
        super("gateway", "--listen", LISTENING, args);
    }
}
