package org.tlsj.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.tlsj.interop.Peer.Result;
import org.tlsj.jsse.TlsjProvider;
import org.tlsj.pki.CertifiedKey;

/**
 * What the tests of Java ecosystem servers and clients on the TLSJ provider share: the registered provider,
 * key stores and contexts of either provider from an {@link InteropPki}, the page every server serves, and the
 * two clients that fetch it (curl and {@code java.net.http.HttpClient}).
 */
final class Ecosystem {
    /** The page every server under test serves. */
    static final String BODY = "Hello TLS-secured world!";
    /** The path at which every server under test serves {@link #BULK}. */
    static final String BULK_PATH = "/bulk";
    /** The path at which every server under test answers a POST with the request body. */
    static final String ECHO_PATH = "/echo";
    /** About 1 MiB of numbered lines: many full TLS records in a row, in either direction. */
    static final String BULK = bulk();
    /** The response header in which a server names the protocol and suite its own SSLSession saw. */
    static final String TLS_HEADER = "x-tls";
    /** The password of the in-memory key stores (they never leave the JVM). */
    static final char[] PASSWORD = "ecosystem".toCharArray();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Ecosystem() {
    }

    private static String bulk() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 1024 * 1024; i++) {
            b.append(String.format("tlsj bulk line %06d: the quick brown fox jumps over the lazy dog%n", i));
        }
        return b.toString();
    }

    /**
     * The TLSJ provider, registered with {@code Security.addProvider} (last, so SunJSSE stays the default for
     * every other test in this JVM) so that servers that take a provider name (Jetty) find it.
     */
    static synchronized Provider tlsj() {
        Provider p = Security.getProvider(TlsjProvider.NAME);
        if (p == null) {
            p = new TlsjProvider();
            Security.addProvider(p);
        }
        return p;
    }

    /** A PKCS12 key store holding each key and its chain, under the aliases "key0", "key1", ... */
    static KeyStore keyStore(CertifiedKey... keys) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (int i = 0; i < keys.length; i++) {
                ks.setKeyEntry("key" + i, keys[i].privateKey(), PASSWORD,
                        keys[i].chain().toArray(X509Certificate[]::new));
            }
            return ks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up an in-memory key store", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up an in-memory key store", e);
        }
    }

    /** A PKCS12 trust store holding the PKI's CA. */
    static KeyStore trustStore(InteropPki pki) {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("ca", pki.caCertificate());
            return ts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up an in-memory trust store", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up an in-memory trust store", e);
        }
    }

    /**
     * An initialised context of the named provider ("TLSJ" or "SunJSSE") trusting the PKI's CA and presenting
     * {@code key} if it is not null.
     */
    static SSLContext context(String provider, InteropPki pki, CertifiedKey key) throws GeneralSecurityException {
        KeyManager[] keyManagers = null;
        if (key != null) {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(keyStore(key), PASSWORD);
            keyManagers = kmf.getKeyManagers();
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trustStore(pki));
        SSLContext c = provider.equals(TlsjProvider.NAME) ? SSLContext.getInstance("TLS", tlsj())
                : SSLContext.getInstance("TLS", provider);
        c.init(keyManagers, tmf.getTrustManagers(), null);
        return c;
    }

    /** SSLParameters limiting a client to one protocol ("TLSv1.3" or "TLSv1.2"). */
    static SSLParameters only(String protocol) {
        SSLParameters p = new SSLParameters();
        p.setProtocols(new String[] {protocol});
        return p;
    }

    /** An HttpClient on {@code context}, limited to {@code protocol}, asking for {@code version}. */
    static HttpClient httpClient(SSLContext context, String protocol, HttpClient.Version version) {
        return HttpClient.newBuilder().sslContext(context).sslParameters(only(protocol)).version(version)
                .connectTimeout(TIMEOUT).build();
    }

    /** GETs https://localhost:port/path with {@code client}. */
    static HttpResponse<String> get(HttpClient client, int port, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path)).timeout(TIMEOUT)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs {@code body} to https://localhost:port{@value #ECHO_PATH} with {@code client}. */
    static HttpResponse<String> post(HttpClient client, int port, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + ECHO_PATH)).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Runs curl -v for https://localhost:port/path (localhost pinned to 127.0.0.1, trusting the PKI's CA),
     * printing the body, a newline and the HTTP version it used; {@code options} come before the URL.
     */
    static Result curl(Path dir, InteropPki pki, int port, String path, String... options) {
        return curl(dir, pki, "localhost", port, path, options);
    }

    /** {@link #curl(Path, InteropPki, int, String, String...)} for another host name, also pinned to 127.0.0.1. */
    static Result curl(Path dir, InteropPki pki, String host, int port, String path, String... options) {
        List<String> cmd = new ArrayList<>(List.of("curl", "--verbose", "--silent", "--show-error", "--fail",
                "--max-time", "20", "--cacert", pki.caFile().toString(),
                "--resolve", host + ":" + port + ":127.0.0.1", "--write-out", "\\n%{http_version}"));
        cmd.addAll(List.of(options));
        cmd.add("https://" + host + ":" + port + path);
        return Peer.run(dir, "", cmd);
    }
}
