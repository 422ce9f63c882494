package org.tlsj.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.tlsj.crypto.Secret;
import org.tlsj.Bytes;
import org.tlsj.trace.KeyLog;

/**
 * Appends secrets to a file in the NSS key log format, the file that {@code SSLKEYLOGFILE} names and that
 * Wireshark reads to decrypt captures. Thread-safe; each line is flushed as it is written, so a capture tool
 * sees it at once. A new file is created readable by its owner only.
 *
 * <p>A failure to write never breaks a handshake: the first one is kept in {@link #failure()} and later
 * lines are dropped.
 */
public final class KeyLogFile implements KeyLog, Closeable {
    private final Path path;
    private final Writer out;
    private final ReentrantLock lock = new ReentrantLock();
    private IOException failure;
    private boolean closed;

    private KeyLogFile(Path path, Writer out) {
        this.path = path;
        this.out = out;
    }

    /**
     * Opens (creating if needed) a key log file for appending.
     *
     * @param path the file
     * @return the key log
     * @throws IOException if the file cannot be opened
     */
    public static KeyLogFile open(Path path) throws IOException {
        Objects.requireNonNull(path);
        if (Files.notExists(path) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Writer w = Files.newBufferedWriter(path, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return new KeyLogFile(path, w);
    }

    /** The file written to. */
    public Path path() {
        return path;
    }

    @Override
    public void log(String label, Bytes clientRandom, Secret secret) {
        String line = KeyLog.nssLine(label, clientRandom, secret);
        lock.lock();
        try {
            if (closed || failure != null) {
                return;
            }
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            failure = e;
        } finally {
            lock.unlock();
        }
    }

    /** The first write failure, if any line could not be written. */
    public Optional<IOException> failure() {
        lock.lock();
        try {
            return Optional.ofNullable(failure);
        } finally {
            lock.unlock();
        }
    }

    /** Closes the file; later lines are dropped. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                out.close();
            }
        } finally {
            lock.unlock();
        }
    }
}
