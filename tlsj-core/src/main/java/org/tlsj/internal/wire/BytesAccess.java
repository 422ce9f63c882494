package org.tlsj.internal.wire;

import java.util.Objects;
import java.util.function.Function;
import org.tlsj.Bytes;

/**
 * The wire code's copy-free view of the array inside a {@link Bytes}, which lives in the public package: readers,
 * writers and constant-time comparison use the array in place (as the JDK's SharedSecrets do). {@code Bytes}
 * installs the view once, when its class is initialised; no array handed out here is ever modified.
 */
public final class BytesAccess {
    private static Function<Bytes, byte[]> installed;

    private BytesAccess() {
    }

    /** Called once by {@code Bytes}' static initialiser; a second call fails. */
    public static synchronized void install(Function<Bytes, byte[]> arrayOf) {
        if (installed != null) {
            throw new IllegalStateException("the Bytes view is installed once");
        }
        installed = arrayOf;
    }

    /** The array behind {@code b}, not a copy: read it, never write it. */
    static byte[] array(Bytes b) {
        return View.OF.apply(b);
    }

    /** Read once, after {@code Bytes} is initialised; a constant from then on, seen by every thread. */
    private static final class View {
        static final Function<Bytes, byte[]> OF = installedView();

        private static Function<Bytes, byte[]> installedView() {
            Objects.requireNonNull(Bytes.EMPTY); // initialises Bytes (outside our lock), which installs the view
            synchronized (BytesAccess.class) {
                return Objects.requireNonNull(installed);
            }
        }
    }
}
