package org.tlsj.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.tlsj.AlertDescription;
import org.tlsj.Reason;
import org.tlsj.SessionInfo;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.message.ChangeCipherSpec;
import org.tlsj.internal.message.HandshakeMessage;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.internal.record.RecordProtection;
import org.tlsj.Bytes;
import org.tlsj.trace.HandshakeEvent;

/**
 * Drives two handshake machines against each other without a record layer: what one side sends is decoded and fed
 * to the other one message at a time, as the engine does, and each step's state before and after is kept (read
 * from the flow's private {@code state} field), so table tests reach real states by honest handshakes.
 */
public final class FlowDriver {
    /** One message handed to one side: its state (or the hello stage) before, the message, and the state after. */
    public record Step(boolean toServer, Object before, PeerMessage message, Object after) {
    }

    private static final Bytes CCS = Bytes.of(new byte[] {1});

    private final Deque<Bytes> toServer = new ArrayDeque<>();
    private final Deque<Bytes> toClient = new ArrayDeque<>();
    public final List<Step> steps = new ArrayList<>();
    public HandshakeMachine client;
    public HandshakeMachine server;

    public FlowDriver(java.util.function.Function<Effects, HandshakeMachine> client,
            java.util.function.Function<Effects, HandshakeMachine> server) {
        this.client = client.apply(new Pipe(toServer));
        this.server = server.apply(new Pipe(toClient));
    }

    /** Delivers everything both sides send until both are silent. */
    public FlowDriver run() throws TlsFatalAlertException {
        while (!toServer.isEmpty() || !toClient.isEmpty()) {
            while (!toServer.isEmpty()) {
                server = deliver(true, server, toServer.poll());
            }
            while (!toClient.isEmpty()) {
                client = deliver(false, client, toClient.poll());
            }
        }
        return this;
    }

    private HandshakeMachine deliver(boolean toServer, HandshakeMachine m, Bytes raw) throws TlsFatalAlertException {
        PeerMessage message = raw == CCS ? ChangeCipherSpec.INSTANCE : m.decode(raw);
        Object before = stateOf(m);
        HandshakeMachine next = m.onMessage(message, raw == CCS ? Bytes.EMPTY : raw);
        steps.add(new Step(toServer, before, message, stateOf(next)));
        return next;
    }

    /** The flow's current state record, or the machine itself when it has none (a hello stage). */
    public static Object stateOf(HandshakeMachine m) {
        if (!(m instanceof TableFlow<?>)) {
            return m;
        }
        try {
            Field f = TableFlow.class.getDeclaredField("state");
            f.setAccessible(true);
            return f.get(m);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every state this driver saw, first instance per class, of the given sealed state type. */
    public <S> Map<Class<?>, S> statesOf(Class<S> type) {
        Map<Class<?>, S> seen = new LinkedHashMap<>();
        for (Step s : steps) {
            for (Object o : List.of(s.before(), s.after())) {
                if (type.isInstance(o)) {
                    seen.putIfAbsent(o.getClass(), type.cast(o));
                }
            }
        }
        return seen;
    }

    /**
     * One instance of every message type the tables match: the first of its type that {@code handshakes} sent, or
     * for a type they do not send, one built from empty fields (the refusing arm reads no field).
     */
    public static List<PeerMessage> everyMessageType(List<FlowDriver> handshakes) {
        Map<Class<?>, PeerMessage> seen = new LinkedHashMap<>();
        handshakes.forEach(d -> d.steps.forEach(s -> seen.putIfAbsent(s.message().getClass(), s.message())));
        List<PeerMessage> all = new ArrayList<>();
        for (Class<?> c : HandshakeMessage.class.getPermittedSubclasses()) {
            all.add(seen.containsKey(c) ? seen.get(c) : (PeerMessage) blank(c));
        }
        all.add(ChangeCipherSpec.INSTANCE);
        return all;
    }

    private static Object blank(Class<?> c) {
        try {
            assertThat(c.getRecordComponents()).as(c.getSimpleName() + " is sent by no test handshake").isEmpty();
            var ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + c.getSimpleName(), e);
        }
    }

    /** Asserts unexpected_message: UNEXPECTED_MESSAGE, or ILLEGAL_CHANGE_CIPHER_SPEC for a change_cipher_spec. */
    public static void assertUnexpected(String where, PeerMessage message, ThrowingCallable step) {
        Reason reason = message instanceof ChangeCipherSpec ? Reason.PeerMisbehaved.ILLEGAL_CHANGE_CIPHER_SPEC
                : Reason.PeerMisbehaved.UNEXPECTED_MESSAGE;
        assertThatThrownBy(step).as(where).isInstanceOfSatisfying(TlsFatalAlertException.class, e -> {
            assertThat(e.reason()).as(where).isEqualTo(reason);
            assertThat(e.sent()).as(where).isEqualTo(AlertDescription.UNEXPECTED_MESSAGE);
        });
    }

    /** Sends into a queue; protection changes are the record layer's and are not modelled. */
    private static final class Pipe implements Effects {
        private final Deque<Bytes> to;

        Pipe(Deque<Bytes> to) {
            this.to = to;
        }

        @Override
        public void sendHandshake(Bytes encoded) {
            to.add(encoded);
        }

        @Override
        public void sendCompatChangeCipherSpec() {
            to.add(CCS);
        }

        @Override
        public void sendChangeCipherSpec() {
            to.add(CCS);
        }

        @Override
        public void installReadProtection(RecordProtection protection) {
        }

        @Override
        public void installWriteProtection(RecordProtection protection) {
        }

        @Override
        public void recordSizeLimits(int peerLimit, int ownLimit) {
        }

        @Override
        public void skipEarlyData() {
        }

        @Override
        public void keyUpdateRequested() {
        }

        @Override
        public void complete(SessionInfo session, Exporter exporter) {
        }

        @Override
        public void trace(java.util.function.Supplier<HandshakeEvent> event) {
            event.get();
        }

        @Override
        public void keyLog(String label, Bytes clientRandom, Secret secret) {
        }
    }
}
