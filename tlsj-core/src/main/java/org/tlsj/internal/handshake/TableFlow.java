package org.tlsj.internal.handshake;

import org.tlsj.TlsFatalAlertException;
import org.tlsj.internal.message.PeerMessage;
import org.tlsj.Bytes;

/**
 * What the four handshake flows share: the current state of the flow's sealed state type, the effects it acts
 * through, and one step of its transition table per message. A flow states only its table and which state is the
 * connected one.
 *
 * @param <S> the flow's sealed state type
 */
public abstract class TableFlow<S> implements HandshakeMachine {
    /** One flow's transition table: the state after {@code message}, or unexpected_message. */
    @FunctionalInterface
    public interface Table<S> {
        S next(S state, PeerMessage message, Bytes raw, Effects out) throws TlsFatalAlertException;
    }

    /** What the flow acts through. */
    protected final Effects out;
    /** The current state (the table tests read it by this name). */
    protected S state;
    private final Class<? extends S> connected;
    private final Table<S> table;

    protected TableFlow(Effects out, S state, Class<? extends S> connected, Table<S> table) {
        this.out = out;
        this.state = state;
        this.connected = connected;
        this.table = table;
    }

    @Override
    public final HandshakeMachine onMessage(PeerMessage message, Bytes raw) throws TlsFatalAlertException {
        state = table.next(state, message, raw, out);
        return this;
    }

    @Override
    public final boolean isConnected() {
        return connected.isInstance(state);
    }

    /** A TLS 1.3 flow: once connected it can send a KeyUpdate (RFC 8446 section 4.6.3). */
    public abstract static class Tls13<S> extends TableFlow<S> {
        /** The connected state of a TLS 1.3 flow: its application secrets, replaceable after a KeyUpdate. */
        public interface Rekeyable<S> {
            AppSecrets secrets();

            S with(AppSecrets secrets);
        }

        protected Tls13(Effects out, S state, Class<? extends S> connected, Table<S> table) {
            super(out, state, connected, table);
        }

        @Override
        public final void sendKeyUpdate(boolean requestPeerUpdate) throws TlsFatalAlertException {
            if (!(state instanceof Rekeyable<?> c)) {
                throw new IllegalStateException("KeyUpdate before the handshake completed");
            }
            @SuppressWarnings("unchecked")
            Rekeyable<S> connectedState = (Rekeyable<S>) c;
            state = connectedState.with(c.secrets().sendKeyUpdate(requestPeerUpdate, out));
        }
    }
}
