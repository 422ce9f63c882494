package org.tlsj.jsse;

import java.util.List;
import java.util.function.Function;

/**
 * The names of the last list asked about, kept: every engine of a context asks for the names of the same
 * suites, groups and schemes (for {@code getSSLParameters}, the trust manager's algorithm constraints), and
 * building them takes a stream and an array per name list. Thread-safe; callers get their own array.
 *
 * @param <T> the element type
 */
final class NameMemo<T> {
    private record Entry<T>(List<T> list, String[] names) {
    }

    private final Function<List<T>, String[]> names;
    private volatile Entry<T> last;

    NameMemo(Function<List<T>, String[]> names) {
        this.names = names;
    }

    /** The names of {@code list}, as the function gives them. */
    String[] of(List<T> list) {
        Entry<T> e = last;
        if (e == null || !e.list().equals(list)) {
            e = new Entry<>(List.copyOf(list), names.apply(list));
            last = e;
        }
        return e.names().clone();
    }
}
