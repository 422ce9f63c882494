package org.tlsj.internal.record;

import org.tlsj.TlsFatalAlertException;

/** TLS 1.2 AEAD record protection (RFC 5246 section 6.2.3.3, RFC 5288, RFC 7905): lands with issue 3. */
public final class RecordProtection12 implements RecordProtection {
    private RecordProtection12() {
    }

    @Override public long sequence() { return 0; }
    @Override public int contentOffset() { return 8; }
    @Override public int overhead() { return 8 + 16; }
    @Override public int seal(int contentType, byte[] buf, int at, int len) throws TlsFatalAlertException {
        throw new IllegalStateException("TLS 1.2 record protection lands with issue 3");
    }
    @Override public int open(byte[] buf, int bodyLength) throws TlsFatalAlertException {
        throw new IllegalStateException("TLS 1.2 record protection lands with issue 3");
    }
}
