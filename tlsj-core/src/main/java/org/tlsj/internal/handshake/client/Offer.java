package org.tlsj.internal.handshake.client;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tlsj.ClientConfig;
import org.tlsj.ResumableSession;
import org.tlsj.crypto.KeyShare;
import org.tlsj.internal.keyschedule.KeySchedule13;
import org.tlsj.internal.message.ExtensionType;
import org.tlsj.internal.message.HelloRetryRequest;
import org.tlsj.Bytes;

/**
 * What the client offered; fixed for the handshake except the shares and cookie after HRR. {@code early}
 * is the early secret of the {@code resumption} PSK, extracted once for the binder and kept for the key
 * schedule if the server accepts the PSK. {@code sent} are the extension types of the ClientHello being
 * answered: the server may answer only those (RFC 8446 section 4.2, RFC 5246 section 7.4.1.4). Made by the hello
 * stage ({@link ClientHelloStage}); both version flows read it.
 */
record Offer(ClientConfig config, Optional<String> sni, Optional<String> verifyName, Bytes random,
             Bytes sessionId, List<KeyShare> shares, Optional<HelloRetryRequest> retry,
             Optional<ResumableSession> resumption, Optional<ResumableSession> resume12,
             Optional<KeySchedule13.EarlySecret> early, Set<ExtensionType> sent) {
    @Override
    public String toString() {
        return "Offer[" + sni + ", shares=" + ClientHelloFactory.groupsOf(shares) + "]";
    }
}
