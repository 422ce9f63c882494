package org.tlsj.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tlsj.pki.CertifiedKey;

/**
 * One TLS terminator of the gateway case, running as its own process(es) on 127.0.0.1 in front of a plain
 * upstream: {@code tlsj gateway} (the CLI as users run it, through the {@code tlsj} launcher), nginx's stream
 * module or HAProxy in {@code mode tcp}, each with {@code workers} workers (nginx worker processes, HAProxy
 * threads, the JVM's virtual-thread carriers). Closing stops it and deletes its files.
 *
 * @param name what the table calls it
 * @param process the main process (nginx's master; the workers are its children)
 * @param port the TLS port
 * @param dir its configuration and certificate files
 * @param jvm whether it is a JVM (then {@link #heapBytes()} answers)
 */
record Terminator(String name, Process process, int port, Path dir, boolean jvm) implements AutoCloseable {
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final long START_WAIT_MILLIS = 300_000; // the tlsj launcher may build the CLI first
    private static final Path NGINX_STREAM = Path.of("/usr/lib/nginx/modules/ngx_stream_module.so");

    /** Why nginx with its stream module cannot run here, or empty when it can. */
    static Optional<String> nginxMissing() {
        if (!onPath("nginx")) {
            return Optional.of("nginx not found (apt-get install nginx libnginx-mod-stream)");
        }
        return Files.exists(NGINX_STREAM) ? Optional.empty()
                : Optional.of("nginx's stream module not found at " + NGINX_STREAM
                        + " (apt-get install libnginx-mod-stream)");
    }

    /** Why HAProxy cannot run here, or empty when it can. */
    static Optional<String> haproxyMissing() {
        return onPath("haproxy") ? Optional.empty() : Optional.of("haproxy not found (apt-get install haproxy)");
    }

    /**
     * nginx: {@code worker_processes workers}, {@code listen ... ssl} and {@code proxy_pass}, TLS 1.2 and 1.3,
     * defaults otherwise.
     */
    static Terminator nginx(CertifiedKey key, int upstream, int workers) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tlsj-bench-nginx");
        Path chain = OpenSsl.writeChain(key, dir);
        Path pk = OpenSsl.writeKey(key, dir);
        int port = freePort();
        Path conf = Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                "load_module " + NGINX_STREAM + ";",
                "daemon off;",
                "worker_processes " + workers + ";",
                "worker_rlimit_nofile 65536;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " error;",
                "events { worker_connections 16384; }",
                "stream {",
                "  server {",
                "    listen 127.0.0.1:" + port + " ssl;",
                "    ssl_certificate " + chain + ";",
                "    ssl_certificate_key " + pk + ";",
                "    ssl_protocols TLSv1.2 TLSv1.3;", // nginx 1.22's default stops at TLS 1.2
                "    proxy_pass 127.0.0.1:" + upstream + ";",
                "  }",
                "}", ""));
        return start("nginx", List.of("nginx", "-c", conf.toString(), "-p", dir.toString(), "-e",
                dir.resolve("error.log").toString()), port, dir, false, List.of());
    }

    /** HAProxy: {@code nbthread workers}, {@code mode tcp}, {@code bind ... ssl crt}, defaults otherwise. */
    static Terminator haproxy(CertifiedKey key, int upstream, int workers) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tlsj-bench-haproxy");
        Path chain = OpenSsl.writeChain(key, dir);
        Path pk = OpenSsl.writeKey(key, dir);
        Path crt = Files.writeString(dir.resolve("crt.pem"), Files.readString(chain) + Files.readString(pk));
        int port = freePort();
        Path conf = Files.writeString(dir.resolve("haproxy.cfg"), String.join("\n",
                "global",
                "  nbthread " + workers,
                "  maxconn 8000",
                "defaults",
                "  mode tcp",
                "  timeout connect 10s",
                "  timeout client 5m",
                "  timeout server 5m",
                "frontend tls",
                "  bind 127.0.0.1:" + port + " ssl crt " + crt,
                "  default_backend upstream",
                "backend upstream",
                "  server up 127.0.0.1:" + upstream, ""));
        return start("HAProxy", List.of("haproxy", "-db", "-f", conf.toString()), port, dir, false, List.of());
    }

    /**
     * {@code tlsj gateway} through the launcher at {@code launcher}, its virtual-thread scheduler held to
     * {@code workers} carriers, its access log (one line per connection) to /dev/null.
     */
    static Terminator gateway(Path launcher, CertifiedKey key, int upstream, int workers)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("tlsj-bench-gateway");
        Path chain = OpenSsl.writeChain(key, dir);
        Path pk = OpenSsl.writeKey(key, dir);
        int port = freePort();
        String opts = (System.getenv().getOrDefault("TLSJ_JAVA_OPTS", "")
                + " -Djdk.virtualThreadScheduler.parallelism=" + workers).strip();
        return start("tlsj gateway", List.of(launcher.toString(), "gateway", "--listen", Integer.toString(port),
                "--cert", chain.toString(), "--key", pk.toString(), "--upstream", "127.0.0.1:" + upstream,
                "--max-connections", "20000", "--drain-timeout", "0s"), port, dir, true,
                List.of("TLSJ_JAVA_OPTS=" + opts));
    }

    private static Terminator start(String name, List<String> command, int port, Path dir, boolean jvm,
                                    List<String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("stderr.log").toFile());
        for (String e : env) {
            pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        Terminator t = new Terminator(name, pb.start(), port, dir, jvm);
        long deadline = System.currentTimeMillis() + START_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline && t.process.isAlive()) {
            try {
                new Socket("127.0.0.1", port).close();
                return t;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        String err = Files.readString(dir.resolve("stderr.log")).strip();
        t.close();
        throw new IOException(name + " did not start: " + (err.isEmpty() ? "no output" : err));
    }

    /** CPU time (user + system) of the process and its descendants so far, in nanoseconds, from /proc. */
    long cpuNanos() {
        long ticks = 0;
        for (long pid : pids()) {
            String[] f = stat(pid);
            if (f != null) {
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
            }
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    /** Resident memory of the process and its descendants, in bytes, from /proc. */
    long rssBytes() {
        long pages = 0;
        for (long pid : pids()) {
            String[] f = stat(pid);
            if (f != null) {
                pages += Long.parseLong(f[21]); // rss (field 24), in pages
            }
        }
        return pages * 4096;
    }

    /** For a JVM: the heap in use right after a full collection ({@code jcmd GC.run}, {@code GC.heap_info}). */
    OptionalLong heapBytes() throws IOException, InterruptedException {
        if (!jvm) {
            return OptionalLong.empty();
        }
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) * 1024) : OptionalLong.empty();
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        try (Stream<ProcessHandle> children = process.descendants()) {
            children.forEach(h -> pids.add(h.pid()));
        }
        return pids;
    }

    /** The fields of /proc/PID/stat after the command name (field 3 first), or null if it is gone. */
    private static String[] stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException gone) {
            return null;
        }
    }

    private static boolean onPath(String binary) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
        return Stream.of(path.split(":")).anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, binary)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
