package org.tlsj.cli.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.tlsj.TicketKeys;
import org.tlsj.cli.common.CliException;
import org.tlsj.cli.common.Failures;
import org.tlsj.crypto.Secret;

/**
 * {@code tlsj server --session-ticket-keys FILE}: the master secret of the session ticket keys, hex on the first
 * line that is not blank or a {@code #} comment. Servers given the same file resume each other's sessions.
 * A missing file is made with a fresh random secret, readable by its owner only.
 */
final class TicketKeyFile {
    /** The size of a new master secret, and the least accepted. */
    static final int SECRET_BYTES = 32;

    private TicketKeyFile() {
    }

    /**
     * Reads the file, or creates it first; {@code note} hears one line when it was created or is readable by others.
     *
     * @throws CliException if the file cannot be read or written, or holds no usable secret
     */
    static TicketKeys load(Path file, Duration rotation, Consumer<String> note) {
        try {
            if (!Files.exists(file)) {
                if (create(file)) {
                    note.accept("created session ticket key file " + file + " with a fresh random secret (mode 0600); "
                            + "give the same file to every server that should resume the others' sessions");
                }
            } else if (readableByOthers(file)) {
                note.accept("warning: " + file + " is readable by other users; anyone who reads it can decrypt "
                        + "session tickets (chmod 600 " + file + ")");
            }
            Secret secret = parse(Files.readAllLines(file, StandardCharsets.US_ASCII), file);
            return TicketKeys.fromSecret(secret, rotation);
        } catch (IOException e) {
            throw new CliException("--session-ticket-keys: cannot use " + file + ": " + Failures.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new CliException("--session-ticket-keys " + file + ": " + Failures.lowerFirst(e.getMessage()), e);
        }
    }

    /** The secret from the file's lines; the message never shows the secret. */
    static Secret parse(List<String> lines, Path file) {
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            byte[] bytes;
            try {
                bytes = HexFormat.of().parseHex(line);
            } catch (IllegalArgumentException e) {
                throw new CliException("--session-ticket-keys " + file + ": the first line that is not a comment must "
                        + "be the secret in hex (" + 2 * SECRET_BYTES + " or more hex digits), and is not hex");
            }
            if (bytes.length < SECRET_BYTES) {
                throw new CliException("--session-ticket-keys " + file + ": the secret has " + bytes.length
                        + " bytes; it needs at least " + SECRET_BYTES + " (" + 2 * SECRET_BYTES + " hex digits)");
            }
            return Secret.wrap(bytes);
        }
        throw new CliException("--session-ticket-keys " + file + ": the file holds no secret, only comments or blank "
                + "lines; delete it to have a new one made");
    }

    /**
     * Writes a fresh secret to a private temporary file and links it into place, so that a server started at the
     * same moment either makes the file or reads the whole of the other's; false if the other won.
     */
    private static boolean create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        String text = "# tlsj session ticket master secret: servers sharing this file resume each other's sessions.\n"
                + "# Keep it secret: it decrypts every session ticket these servers issue.\n"
                + HexFormat.of().formatHex(secret) + "\n";
        java.util.Arrays.fill(secret, (byte) 0);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path tmp = posix ? Files.createTempFile(dir, ".tlsj-ticket-keys", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, ".tlsj-ticket-keys", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException e) {
                Files.move(tmp, file);
            }
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean readableByOthers(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return false;
        }
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
        return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
    }
}
