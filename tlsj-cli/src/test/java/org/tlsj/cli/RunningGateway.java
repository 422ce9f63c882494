package org.tlsj.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code tlsj gateway ... --listen 0} on a thread, its stdout lines in a queue; closing it interrupts it. */
final class RunningGateway implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("tlsj gateway listening on [^ ]+:(\\d+) ");

    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringWriter err = new StringWriter();
    private final Thread thread;
    private final int port;

    /** Starts {@code tlsj gateway --listen 0 args...} and waits until it listens. */
    RunningGateway(String... args) throws InterruptedException {
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
        all[0] = "gateway";
        all[1] = "--listen";
        all[2] = "0";
        System.arraycopy(args, 0, all, 3, args.length);
        thread = Thread.ofPlatform().name("tlsj-gateway-under-test").start(
                () -> Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true)));
        int found = -1;
        while (found < 0) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("tlsj gateway did not start: " + err);
            }
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                found = Integer.parseInt(m.group(1));
            }
        }
        port = found;
    }

    /** The port it listens on. */
    int port() {
        return port;
    }

    /** The next line containing {@code text}, skipping others; null if none came within 10 s each. */
    String lineContaining(String text) throws InterruptedException {
        for (String l = lines.poll(10, TimeUnit.SECONDS); l != null; l = lines.poll(10, TimeUnit.SECONDS)) {
            if (l.contains(text)) {
                return l;
            }
        }
        return null;
    }

    /** Drops the log lines printed so far (one per connection). */
    void forgetLines() {
        lines.clear();
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
