package org.tlsj.certs;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes key and certificate files so that a key is never readable by others, not even for a moment. */
public final class SecureFiles {
    private SecureFiles() {
    }

    /**
     * Writes through a temporary file created owner-only, then sets the final mode (0600 for a secret, 0644
     * otherwise; POSIX only) and moves it in place atomically.
     *
     * @param replace whether an existing file is replaced; without it, an existing file is an error
     * @throws FileAlreadyExistsException if {@code replace} is false and {@code file} exists
     */
    public static void write(Path file, String content, boolean secret, boolean replace) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", ownerOnly);
        try {
            Files.writeString(tmp, content);
            if (posix) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
            }
            if (replace) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                try {
                    Files.createLink(file, tmp);
                } catch (UnsupportedOperationException e) {
                    Files.move(tmp, file);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
