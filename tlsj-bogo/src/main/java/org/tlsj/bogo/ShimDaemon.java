package org.tlsj.bogo;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One long-lived JVM that runs the shim for every test, so that thousands of tests do not each pay a JVM
 * start. The launcher script ({@code bogo/shim}) connects to it on loopback, sends its arguments (a count,
 * then each argument, all NUL-terminated, bytes as ISO-8859-1 so any argument survives), and copies back
 * what the test printed: lines starting with {@code 1} to stdout, {@code 2} to stderr, then {@code x} and
 * the exit code. Each test runs on its own virtual thread; tests share nothing. Why a test was skipped (exit
 * 89) goes to the daemon's stdout, one line per test, for the tally in {@code scripts/bogo.sh}.
 */
public final class ShimDaemon {
    private ShimDaemon() {
    }

    /**
     * Listens on a free loopback port and writes the port number to {@code args[0]} once ready.
     *
     * @param args the file to write the port to
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ShimDaemon PORT_FILE");
            System.exit(2);
        }
        try (ServerSocket listener = new ServerSocket(0, 64, InetAddress.getLoopbackAddress())) {
            Path portFile = Path.of(args[0]);
            Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
            Files.writeString(tmp, Integer.toString(listener.getLocalPort()));
            Files.move(tmp, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            while (true) {
                Socket launcher = listener.accept();
                Thread.ofVirtual().name("shim-" + launcher.getPort()).start(() -> serve(launcher));
            }
        }
    }

    private static void serve(Socket launcher) {
        try (launcher) {
            List<String> args = readArgs(new BufferedInputStream(launcher.getInputStream()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code;
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                code = Shim.run(args, o, e);
            }
            if (code == Shim.UNIMPLEMENTED) {
                System.out.println("skip: " + err.toString(StandardCharsets.UTF_8).strip());
            }
            OutputStream reply = launcher.getOutputStream();
            reply.write(framed('1', out.toString(StandardCharsets.UTF_8)));
            reply.write(framed('2', err.toString(StandardCharsets.UTF_8)));
            reply.write(("x" + code + "\n").getBytes(StandardCharsets.UTF_8));
            reply.flush();
        } catch (IOException e) {
            // the launcher went away (the runner killed it): nothing is left to tell
        }
    }

    private static List<String> readArgs(InputStream in) throws IOException {
        int count = Integer.parseInt(readField(in));
        List<String> args = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            args.add(readField(in));
        }
        return args;
    }

    private static String readField(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != 0) {
            if (c < 0) {
                throw new IOException("launcher closed mid-argument");
            }
            b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] framed(char stream, String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.lines().toList()) {
            sb.append(stream).append(line).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
