package org.tlsj.cli.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.tlsj.ServerConfig;

/**
 * The gateway's current server settings, replaced as a whole when the certificate files change. Each new
 * connection takes {@link #current()}; open connections keep the settings they started with.
 */
public final class ReloadingConfig {
    private final CertificateFiles files;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile ServerConfig current;
    /** Modification time and size of each file when it was last read. Guarded by lock. */
    private Map<Path, String> stamps;

    private ReloadingConfig(CertificateFiles files, ServerConfig first, Map<Path, String> stamps) {
        this.files = files;
        this.current = first;
        this.stamps = stamps;
    }

    /**
     * Reads the files for the first time.
     *
     * @param files where the settings come from
     * @return the loaded settings
     * @throws IOException if a file cannot be read or parsed
     */
    public static ReloadingConfig load(CertificateFiles files) throws IOException {
        Objects.requireNonNull(files);
        Map<Path, String> stamps = stamps(files);
        return new ReloadingConfig(files, files.load(), stamps);
    }

    /** The settings for the next connection. */
    public ServerConfig current() {
        return current;
    }

    /** The files read. */
    public CertificateFiles files() {
        return files;
    }

    /**
     * Reads the files again and switches to the new settings; on any failure keeps the current ones.
     *
     * @throws IOException if a file cannot be read or parsed (the current settings stay)
     * @throws IllegalArgumentException if the new certificates cannot be served (the current settings stay)
     */
    public void reload() throws IOException {
        lock.lock();
        try {
            Map<Path, String> before = stamps(files); // taken first: a change while reading triggers another reload
            current = files.load();
            stamps = before;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reloads if any file's modification time or size changed since it was last read.
     *
     * @return whether the settings were reloaded
     * @throws IOException if the changed files cannot be read or parsed (the current settings stay)
     */
    public boolean reloadIfChanged() throws IOException {
        lock.lock();
        try {
            Map<Path, String> now = stamps(files);
            if (now.equals(stamps)) {
                return false;
            }
            try {
                current = files.load();
            } finally {
                stamps = now; // a broken file is reported once, not on every check until it changes again
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private static Map<Path, String> stamps(CertificateFiles files) {
        Map<Path, String> m = new LinkedHashMap<>();
        for (Path p : files.files()) {
            String stamp;
            try {
                stamp = Files.getLastModifiedTime(p).toMillis() + "/" + Files.size(p);
            } catch (IOException e) {
                stamp = "missing";
            }
            m.put(p, stamp);
        }
        return m;
    }
}
