package org.tlsj.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code tlsj server ... --port 0} on a thread, with its stdout lines in a queue; closing it interrupts it. */
final class RunningServer implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on https://[^:]+:(\\d+)/");

    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private final int port;
    private final String listening;

    /** Starts {@code tlsj server --port 0 args...} and waits until it listens. */
    RunningServer(String... args) throws InterruptedException {
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
        all[0] = "server";
        all[1] = "--port";
        all[2] = "0";
        System.arraycopy(args, 0, all, 3, args.length);
        thread = Thread.ofPlatform().name("tlsj-server-under-test").start(
                () -> Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true)));
        int found = -1;
        String listeningLine = null;
        while (found < 0) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("tlsj server did not start: " + err);
            }
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                found = Integer.parseInt(m.group(1));
                listeningLine = line;
            }
        }
        port = found;
        listening = listeningLine;
    }

    /** The "tlsj server listening on ..." line. */
    String listeningLine() {
        return listening;
    }

    /** The port it listens on. */
    int port() {
        return port;
    }

    /** The next stdout line (a connection log line), waiting up to 10 s; null if none came. */
    String nextLine() throws InterruptedException {
        return lines.poll(10, TimeUnit.SECONDS);
    }

    /** The next line containing {@code text}, skipping others; null if none came within 10 s each. */
    String lineContaining(String text) throws InterruptedException {
        for (String l = nextLine(); l != null; l = nextLine()) {
            if (l.contains(text)) {
                return l;
            }
        }
        return null;
    }

    /** Drops the lines printed so far (one per connection). */
    void forgetLines() {
        lines.clear();
    }

    /** Lines printed so far and not yet taken. */
    List<String> pending() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
