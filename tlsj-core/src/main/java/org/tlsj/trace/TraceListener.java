package org.tlsj.trace;

/** Receives handshake events as they happen, on the thread driving the connection. */
@FunctionalInterface
public interface TraceListener {
    /** A listener that ignores everything. */
    TraceListener NONE = event -> { };

    /** Called for each event. */
    void onEvent(HandshakeEvent event);
}
