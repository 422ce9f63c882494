package org.tlsj.internal.message;

/**
 * A change_cipher_spec record (RFC 5246 section 7.1), which the record layer accepts only as the single byte 0x01.
 * TLS 1.2: the peer's next records are protected. TLS 1.3: the middlebox-compatibility record (RFC 8446 section 5
 * and appendix D.4), dropped by the TLS 1.3 tables before the peer's Finished.
 */
public record ChangeCipherSpec() implements PeerMessage {
    public static final ChangeCipherSpec INSTANCE = new ChangeCipherSpec();

    @Override
    public String toString() {
        return "ChangeCipherSpec";
    }
}
