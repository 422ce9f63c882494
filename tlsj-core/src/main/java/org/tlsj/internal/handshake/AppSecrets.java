package org.tlsj.internal.handshake;

import java.util.List;
import org.tlsj.CipherSuite;
import org.tlsj.TlsFatalAlertException;
import org.tlsj.crypto.CryptoProvider;
import org.tlsj.crypto.Secret;
import org.tlsj.internal.keyschedule.KeySchedule13;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.KeyUpdate;
import org.tlsj.Bytes;
import org.tlsj.trace.HandshakeEvent;
import org.tlsj.trace.HandshakeEvent.Detail;
import org.tlsj.trace.Role;

/**
 * The application traffic secrets of an established TLS 1.3 connection, and the KeyUpdate steps that
 * replace them (RFC 8446 section 4.6.3 and 7.2).
 *
 * @param self which side we are
 * @param crypto the provider
 * @param suite the negotiated suite
 * @param client client_application_traffic_secret_N
 * @param server server_application_traffic_secret_N
 */
public record AppSecrets(Role self, CryptoProvider crypto, CipherSuite suite, Secret client, Secret server) {

    private Secret own() {
        return self == Role.CLIENT ? client : server;
    }

    private Secret peer() {
        return self == Role.CLIENT ? server : client;
    }

    private AppSecrets with(Secret newOwn, Secret newPeer) {
        return self == Role.CLIENT ? new AppSecrets(self, crypto, suite, newOwn, newPeer)
                : new AppSecrets(self, crypto, suite, newPeer, newOwn);
    }

    /**
     * RFC 8446 section 4.6.3: switch the read key; update_requested is answered by our own KeyUpdate before our
     * next application data (the engine sends it then, once however many requests came meanwhile).
     */
    public AppSecrets onKeyUpdate(KeyUpdate m, Effects out) throws TlsFatalAlertException {
        out.trace(() -> new HandshakeEvent(HandshakeEvent.Kind.MESSAGE, self.peer(), "KeyUpdate",
                List.of(new Detail("update_requested", String.valueOf(m.updateRequested()))), 0));
        Secret newPeer = KeySchedule13.nextTrafficSecret(crypto, suite.hash(), peer());
        out.installReadProtection(KeySchedule13.recordProtection(crypto, suite, newPeer));
        if (m.updateRequested()) {
            out.keyUpdateRequested();
        }
        return with(own(), newPeer);
    }

    /** Sends a KeyUpdate under the current key, then switches the write key. */
    public AppSecrets sendKeyUpdate(boolean requestPeer, Effects out) throws TlsFatalAlertException {
        Bytes encoded = HandshakeCodec.encode(new KeyUpdate(requestPeer));
        out.sendHandshake(encoded);
        out.trace(() -> new HandshakeEvent(HandshakeEvent.Kind.MESSAGE, self, "KeyUpdate",
                List.of(new Detail("update_requested", String.valueOf(requestPeer))), 0));
        Secret newOwn = KeySchedule13.nextTrafficSecret(crypto, suite.hash(), own());
        out.installWriteProtection(KeySchedule13.recordProtection(crypto, suite, newOwn));
        return with(newOwn, peer());
    }

    @Override
    public String toString() {
        return "AppSecrets[" + self + ", " + suite + "]";
    }
}
