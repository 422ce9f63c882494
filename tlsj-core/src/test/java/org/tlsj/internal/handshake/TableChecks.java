package org.tlsj.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.internal.handshake.FlowDriver.assertUnexpected;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.Bytes;

/** What the four flows' table tests share: the states the handshakes reached, and the refusal of every other pair. */
public final class TableChecks {
    private TableChecks() {
    }

    /** One row of a transition table: in {@code state}, {@code message} leads to {@code next}. */
    public record Row(Class<?> state, Class<?> message, Class<?> next) {
    }

    /**
     * The rows the handshakes took on one side: steps into a state of {@code stateType}, a hello stage read as the
     * flow state DESIGN.md lists for it ({@code helloStageAs}, or the stage itself when null).
     */
    public static Set<Row> taken(List<FlowDriver> handshakes, boolean toServer, Class<?> stateType,
                                 Class<?> helloStage, Class<?> helloStageAs) {
        Set<Row> rows = new HashSet<>();
        for (FlowDriver d : handshakes) {
            for (FlowDriver.Step s : d.steps) {
                if (s.toServer() == toServer && stateType.isInstance(s.after())) {
                    Class<?> before = helloStageAs != null && helloStage.isInstance(s.before()) ? helloStageAs
                            : s.before().getClass();
                    rows.add(new Row(before, s.message().getClass(), s.after().getClass()));
                }
            }
        }
        return rows;
    }

    /** Whether {@code table} has a row for this (state, message). */
    public static boolean inTable(List<Row> table, Class<?> state, PeerMessage m) {
        return table.stream().anyMatch(r -> r.state() == state && r.message() == m.getClass());
    }

    /** A flow's transition function, {@code next(state, message, raw, effects)}. */
    @FunctionalInterface
    public interface Table<S> {
        /** One step of the table. */
        Object next(S state, PeerMessage message, Bytes raw, Effects out) throws TlsFatalAlertException;
    }

    /**
     * One real instance of every state of a flow, from the handshakes (after {@code given}, for states a test builds
     * itself); fails if a permitted state of the sealed type was reached by none.
     */
    public static <S> List<S> reached(List<FlowDriver> handshakes, Class<S> stateType, Map<Class<?>, S> given) {
        var seen = new LinkedHashMap<Class<?>, S>(given);
        handshakes.forEach(d -> d.statesOf(stateType).forEach(seen::putIfAbsent));
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(Arrays.asList(stateType.getPermittedSubclasses()));
        return List.copyOf(seen.values());
    }

    /**
     * Feeds every message the table does not accept to every state: each must end in unexpected_message (named
     * reason, no effects).
     *
     * @return how many (state, message) pairs were refused
     */
    public static <S> int refuseEveryOtherMessage(String flow, List<S> states, List<PeerMessage> messages,
                                                  BiPredicate<Class<?>, PeerMessage> accepts, Table<S> table) {
        int pairs = 0;
        for (S state : states) {
            for (PeerMessage m : messages) {
                if (!accepts.test(state.getClass(), m)) {
                    var out = new RecordingEffects();
                    assertUnexpected(flow + " " + state.getClass().getSimpleName() + " + " + m.getClass().getSimpleName(),
                            m, () -> table.next(state, m, Bytes.EMPTY, out));
                    assertThat(out.calls).isEmpty();
                    pairs++;
                }
            }
        }
        return pairs;
    }
}
