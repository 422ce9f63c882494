package org.tlsj.internal.message;

/**
 * What the handshake transition tables match: a handshake message, or a change_cipher_spec. The latter is a record
 * of its own content type, not a handshake message, but RFC 5246 section 7.1 orders it among them (right before
 * the peer's Finished), so the TLS 1.2 tables take it like any message and refuse it anywhere else.
 */
public sealed interface PeerMessage permits HandshakeMessage, ChangeCipherSpec {
}
