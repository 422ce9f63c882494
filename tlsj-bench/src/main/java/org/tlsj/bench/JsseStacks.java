package org.tlsj.bench;

import java.security.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jsse.provider.BouncyCastleJsseProvider;
import org.conscrypt.Conscrypt;
import org.tlsj.certs.KeyType;
import org.tlsj.jsse.TlsjProvider;

/**
 * The JSSE providers the jsse case compares, each as an {@code SSLContext} with the bench's P-256 certificate
 * from the JDK's key and trust manager factories (the default "SunX509" and "PKIX"), except where a provider
 * cannot work with them: BCJSSE takes its own key managers (it asks the JDK's for key type "EC/secp256r1",
 * which they do not know, and finds no certificate) and Conscrypt its own trust managers (it hands the JDK's
 * the TLS 1.3 auth type "GENERIC", which they refuse). The stacks: TLSJ on the JDK's crypto ({@code tlsj.crypto=jca}), TLSJ on
 * the fastest usable tlsj crypto provider (or the one {@code --crypto} names), SunJSSE, Conscrypt (BoringSSL
 * in the jar) and BCJSSE (Bouncy Castle's JSSE provider on Bouncy Castle's JCA provider, as its guide sets it
 * up; on the JDK's crypto alone it cannot start: it asks for a "DEFAULT" SecureRandom).
 */
final class JsseStacks {
    /** The name of SunJSSE's stack: the one the others are compared with. */
    static final String SUN = "SunJSSE";
    private static final Logger BC_LOG = Logger.getLogger("org.bouncycastle.jsse");

    /** One provider's context, named for the table. */
    record Stack(String name, SSLContext context) {
    }

    private JsseStacks() {
    }

    /**
     * The stacks that can run here, SunJSSE first; a provider that cannot (Conscrypt without its native
     * library for this platform, say) is left out with a line on standard output.
     *
     * @param fastCrypto the tlsj crypto provider name of the second TLSJ stack; none if it is {@code jca}
     */
    static List<Stack> all(Fixtures fixtures, String fastCrypto) {
        List<Stack> stacks = new ArrayList<>();
        stacks.add(new Stack(SUN, fixtures.jsse(KeyType.EC_P256)));
        stacks.add(new Stack("TLSJ, crypto jca", tlsj(fixtures, "jca")));
        if (!fastCrypto.equals("jca")) {
            stacks.add(new Stack("TLSJ, crypto " + fastCrypto, tlsj(fixtures, fastCrypto)));
        }
        try {
            if (Conscrypt.isAvailable()) {
                Conscrypt.Version v = Conscrypt.version();
                Provider conscrypt = Conscrypt.newProvider();
                stacks.add(new Stack("Conscrypt " + v.major() + "." + v.minor() + "." + v.patch(),
                        fixtures.jsse(KeyType.EC_P256, conscrypt, null, conscrypt)));
            } else {
                System.out.println("    Conscrypt left out: its native library does not load here");
            }
        } catch (LinkageError e) {
            System.out.println("    Conscrypt left out: " + e);
        }
        BC_LOG.setLevel(Level.SEVERE); // BCJSSE warns about every jdk.tls.disabledAlgorithms entry it skips
        BouncyCastleProvider bcprov = new BouncyCastleProvider();
        Provider bc = new BouncyCastleJsseProvider(bcprov);
        stacks.add(new Stack("BCJSSE (bctls " + bcprov.getVersionStr() + ")", fixtures.jsse(KeyType.EC_P256, bc, bc,
                null)));
        return stacks;
    }

    /** A TLSJ context initialized while the {@code tlsj.crypto} system property names {@code crypto}. */
    private static SSLContext tlsj(Fixtures fixtures, String crypto) {
        String before = System.getProperty("tlsj.crypto");
        System.setProperty("tlsj.crypto", crypto);
        try {
            return fixtures.jsse(KeyType.EC_P256, new TlsjProvider(), null, null);
        } finally {
            if (before == null) {
                System.clearProperty("tlsj.crypto");
            } else {
                System.setProperty("tlsj.crypto", before);
            }
        }
    }
}
