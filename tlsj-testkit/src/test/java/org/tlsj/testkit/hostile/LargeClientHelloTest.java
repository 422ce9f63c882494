package org.tlsj.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tlsj.testkit.hostile.Hostile.assertAborted;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tlsj.AlertDescription;
import org.tlsj.ClientConfig;
import org.tlsj.Reason.InvalidMessage;
import org.tlsj.ServerConfig;
import org.tlsj.SignatureScheme;
import org.tlsj.TlsException;
import org.tlsj.internal.message.ClientHello;
import org.tlsj.internal.message.Extension;
import org.tlsj.internal.message.ExtensionType;
import org.tlsj.internal.message.Extensions;
import org.tlsj.internal.message.HandshakeCodec;
import org.tlsj.internal.message.SignatureAlgorithmsExt;
import org.tlsj.internal.message.UnknownExt;
import org.tlsj.Bytes;
import org.tlsj.testkit.hostile.Stages.Version;

/**
 * Legal ClientHellos that are merely large: thousands of unknown extensions, a signature_algorithms list of
 * 32,000 schemes. The only bound is the handshake message size limit (64 KiB by default); within it they are
 * answered with a ServerHello, in TLS 1.3 and 1.2, and quickly.
 */
@Timeout(30)
class LargeClientHelloTest {
    private static final int SERVER_HELLO = 2;

    @ParameterizedTest
    @EnumSource(Version.class)
    void fifteenHundredUnknownExtensionsAreAnswered(Version v) throws Exception {
        ScriptedPeer p = sendHello(v, server(v), ch -> {
            List<Extension> all = new ArrayList<>();
            for (int i = 0; i < 1_500; i++) {
                all.add(new UnknownExt(new ExtensionType(0x7000 + i), Bytes.EMPTY));
            }
            all.addAll(ch.extensions().list());
            return ch.withExtensions(Extensions.of(all));
        });
        assertAnswered(p);
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void thirtyTwoThousandSignatureSchemesAreAnswered(Version v) throws Exception {
        ScriptedPeer p = sendHello(v, server(v), LargeClientHelloTest::withManySchemes);
        assertAnswered(p);
    }

    /** The message size limit is the bound: the same hello to a server that accepts only 16 KiB messages. */
    @Test
    void theHandshakeMessageLimitIsTheOnlyBound() throws Exception {
        ScriptedPeer p = sendHello(Version.TLS13, server(Version.TLS13).maxHandshakeMessageSize(16 * 1024),
                LargeClientHelloTest::withManySchemes);
        assertAborted(p, AlertDescription.DECODE_ERROR, InvalidMessage.MESSAGE_TOO_LARGE);
    }

    /** 32,000 schemes nobody implements, then the honest client's own (so the server must read to the end). */
    private static ClientHello withManySchemes(ClientHello ch) {
        List<SignatureScheme> schemes = new ArrayList<>();
        for (int i = 0; i < 32_000; i++) {
            schemes.add(new SignatureScheme(0x8000 + i));
        }
        schemes.addAll(ch.extensions().find(SignatureAlgorithmsExt.class).orElseThrow().schemes());
        return ch.withExtensions(ch.extensions().with(new SignatureAlgorithmsExt(schemes)));
    }

    private static void assertAnswered(ScriptedPeer p) {
        assertThat(p.failure()).as("the server accepts the hello").isEmpty();
        List<Records.Record> answer = p.response();
        assertThat(answer).isNotEmpty();
        assertThat(answer.getFirst().type()).isEqualTo(Records.HANDSHAKE);
        assertThat(answer.getFirst().body().get(0)).as("a ServerHello").isEqualTo(SERVER_HELLO);
    }

    private static ServerConfig.Builder server(Version v) {
        return v == Version.TLS13 ? Hostile.server() : Tls12.server(Tls12.SUITES.getFirst());
    }

    private static ClientConfig.Builder client(Version v) {
        return v == Version.TLS13 ? Hostile.client() : Tls12.client(Tls12.SUITES.getFirst());
    }

    /** An honest client's ClientHello, changed by {@code f}, fragmented into records as a real client would. */
    private static ScriptedPeer sendHello(Version v, ServerConfig.Builder server, UnaryOperator<ClientHello> f)
            throws TlsException {
        ScriptedPeer p = ScriptedPeer.againstServer(server).withHonestClient(client(v), "localhost");
        ClientHello ch = (ClientHello) HandshakeCodec.decode(Records.messages(
                ScriptedPeer.handshakeStream(p.takeFromHonest(), false)).getFirst());
        return p.send(Records.handshakeRecords(HandshakeCodec.encode(f.apply(ch)).toArray()));
    }
}
