/**
 * The "TLSJ" JSSE provider: tlsj behind {@code javax.net.ssl}, so {@code java.net.http.HttpClient},
 * {@code HttpsURLConnection}, {@code com.sun.net.httpserver.HttpsServer} and other JSSE users run on it.
 *
 * <p>{@link org.tlsj.jsse.TlsjProvider} registers {@code SSLContext} "TLS", "TLSv1.3", "TLSv1.2" and
 * "Default". A context adapts its {@code X509TrustManager} into tlsj certificate verifiers (the JDK's
 * {@code X509ExtendedTrustManager} gets the engine or socket, with a handshake session) and its
 * {@code X509KeyManager} into {@code CertifiedKey}s, one per key type. {@link org.tlsj.jsse.TlsjSSLEngine}
 * follows the {@code SSLEngine} javadoc for wrap/unwrap statuses and buffer sizes; sockets are layered over
 * plain sockets and drive an engine.
 *
 * <p>Handshake records are processed in delegated tasks (NEED_TASK), see {@link org.tlsj.jsse.TlsjSSLEngine}.
 *
 * <p>Known limits: the server ALPN selector and SNI matchers
 * are stored but not consulted (tlsj picks ALPN from the configured list and certificates by their names);
 * key managers choose before the peer's hello is seen; a resumed connection shows the original session's
 * id on the client side only; the maximum packet size is reported but not enforced.
 */
package org.tlsj.jsse;
