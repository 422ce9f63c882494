/**
 * Jetty 12 integration for the TLSJ JSSE provider: {@link org.tlsj.jetty.TlsjJettyAlpnProcessor}, found by
 * Jetty through {@code ServiceLoader}, lets ALPN (and so HTTP/2) work on TLSJ engines.
 */
package org.tlsj.jetty;
