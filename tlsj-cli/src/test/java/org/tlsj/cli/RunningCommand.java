package org.tlsj.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A listening {@code tlsj} command ({@code server}, {@code gateway}) run in-process on a thread on port 0,
 * with its stdout lines in a queue; closing it interrupts it.
 */
public class RunningCommand implements AutoCloseable {
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private final int port;
    private final String listening;

    /**
     * Starts {@code tlsj command portOption 0 args...} and waits until it prints its listening line.
     *
     * @param listening matches the listening line; group 1 is the port
     */
    RunningCommand(String command, String portOption, Pattern listening, String... args) throws InterruptedException {
        Writer out = new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public synchronized void write(char[] buf, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    if (buf[i] == '\n') {
                        lines.add(line.toString());
                        line.setLength(0);
                    } else if (buf[i] != '\r') {
                        line.append(buf[i]);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        String[] all = new String[args.length + 3];
        all[0] = command;
        all[1] = portOption;
        all[2] = "0";
        System.arraycopy(args, 0, all, 3, args.length);
        thread = Thread.ofPlatform().name("tlsj-" + command + "-under-test").start(
                () -> Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true)));
        int found = -1;
        String listeningLine = null;
        while (found < 0) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("tlsj " + command + " did not start: " + err);
            }
            Matcher m = listening.matcher(line);
            if (m.find()) {
                found = Integer.parseInt(m.group(1));
                listeningLine = line;
            }
        }
        port = found;
        this.listening = listeningLine;
    }

    /** The "tlsj ... listening on ..." line. */
    final String listeningLine() {
        return listening;
    }

    /** The port it listens on. */
    public final int port() {
        return port;
    }

    /** The next stdout line (a connection log line), waiting up to 10 s; null if none came. */
    final String nextLine() throws InterruptedException {
        return lines.poll(10, TimeUnit.SECONDS);
    }

    /** The next line containing {@code text}, skipping others; null if none came within 10 s each. */
    final String lineContaining(String text) throws InterruptedException {
        for (String l = nextLine(); l != null; l = nextLine()) {
            if (l.contains(text)) {
                return l;
            }
        }
        return null;
    }

    /** Drops the lines printed so far (one per connection). */
    final void forgetLines() {
        lines.clear();
    }

    /** Lines printed so far and not yet taken. */
    final List<String> pending() {
        return List.copyOf(lines);
    }

    @Override
    public final void close() {
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
