package org.tlsj.interop;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.tlsj.interop.Matrix.Case;
import org.tlsj.interop.Matrix.Case12;
import org.tlsj.pki.CertifiedKey;

/** The JDK's own TLS (SunJSSE) as a peer in the same JVM. */
final class Jsse {
    private static final char[] PASSWORD = "interop".toCharArray();

    private Jsse() {
    }

    /** A context (TLS 1.3 and 1.2, as the socket's parameters allow) trusting {@code trusted} and, for a server, presenting {@code key}. */
    static SSLContext context(Optional<CertifiedKey> key, X509Certificate trusted) throws GeneralSecurityException {
        try {
            KeyManager[] keyManagers = null;
            if (key.isPresent()) {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("server", key.get().privateKey(), PASSWORD,
                        key.get().chain().toArray(X509Certificate[]::new));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
                kmf.init(ks, PASSWORD);
                keyManagers = kmf.getKeyManagers();
            }
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("ca", trusted);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLSv1.3");
            ctx.init(keyManagers, tmf.getTrustManagers(), null);
            return ctx;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("cannot set up an in-memory key store", e);
        }
    }

    /**
     * What a JSSE socket is limited to: one protocol version, one suite and one group, by their JSSE names.
     *
     * @param protocol "TLSv1.3" or "TLSv1.2"
     * @param suite the IANA suite name
     * @param group the JSSE group name
     */
    record Restriction(String protocol, String suite, String group) {
        /** A TLS 1.3 case's restriction. */
        static Restriction of(Case c) {
            return new Restriction("TLSv1.3", c.suite().iana(), c.group().jsse);
        }

        /** A TLS 1.2 case's restriction. */
        static Restriction of(Case12 c) {
            return new Restriction("TLSv1.2", c.suite().iana(), c.group().jsse);
        }

        /** Restricts {@code p} and returns it. */
        SSLParameters applyTo(SSLParameters p) {
            p.setProtocols(new String[] {protocol});
            p.setCipherSuites(new String[] {suite});
            p.setNamedGroups(new String[] {group});
            return p;
        }
    }

    /** Runs {@code task} in a virtual thread; {@link Background#get()} waits for it, bounded. */
    static <T> Background<T> background(Callable<T> task) {
        FutureTask<T> f = new FutureTask<>(task);
        Thread.ofVirtual().name("jsse-peer").start(f);
        return new Background<>(f);
    }

    /** A task running in the background. */
    record Background<T>(FutureTask<T> task) {
        /** Its result, waiting at most 20 s; its exception is rethrown as is. */
        T get() throws Exception {
            try {
                return task.get(20, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception ex) {
                    throw ex;
                }
                throw e;
            } catch (TimeoutException e) {
                task.cancel(true);
                throw e;
            }
        }
    }
}
