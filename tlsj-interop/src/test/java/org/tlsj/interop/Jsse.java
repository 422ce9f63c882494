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
import org.tlsj.pki.CertifiedKey;

/** The JDK's own TLS (SunJSSE) as a peer in the same JVM. */
final class Jsse {
    private static final char[] PASSWORD = "interop".toCharArray();

    private Jsse() {
    }

    /** A TLSv1.3 context trusting {@code trusted} and, for a server, presenting {@code key}. */
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

    /** Restricts {@code p} to TLS 1.3 and the case's suite and group. */
    static SSLParameters restrict(SSLParameters p, Case c) {
        p.setProtocols(new String[] {"TLSv1.3"});
        p.setCipherSuites(new String[] {c.suite().iana()});
        p.setNamedGroups(new String[] {c.group().jsse});
        return p;
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
