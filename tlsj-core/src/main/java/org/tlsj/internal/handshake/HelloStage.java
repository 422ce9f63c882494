package org.tlsj.internal.handshake;

/**
 * What both hello stages ({@code ClientHelloStage}, {@code ServerHelloStage}) answer the same way: they run before
 * the version is settled, so nothing is connected and there is no KeyUpdate yet.
 */
public interface HelloStage extends HandshakeMachine {
    @Override
    default void sendKeyUpdate(boolean requestPeerUpdate) {
        throw new IllegalStateException("KeyUpdate before the handshake completed");
    }

    @Override
    default boolean isConnected() {
        return false;
    }
}
