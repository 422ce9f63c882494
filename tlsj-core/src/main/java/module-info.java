/**
 * tlsj's protocol core: the sans-IO engine behind {@code org.tlsj}, the crypto SPI, certificate checks, the socket
 * adapter and tracing. Only those five packages are API; {@code org.tlsj.internal.*} is exported to the test
 * library and the benchmarks alone, which drive the engine's parts directly.
 */
// tlsj-testkit and tlsj-bench depend on this module, so they are never observable while it compiles: "module not
// found" for them is expected.
@SuppressWarnings("module")
module org.tlsj.core {
    exports org.tlsj;
    exports org.tlsj.crypto;
    exports org.tlsj.io;
    exports org.tlsj.pki;
    exports org.tlsj.trace;

    exports org.tlsj.internal.engine to org.tlsj.testkit;
    exports org.tlsj.internal.handshake to org.tlsj.testkit, org.tlsj.bench;
    exports org.tlsj.internal.keyschedule to org.tlsj.testkit, org.tlsj.bench;
    exports org.tlsj.internal.message to org.tlsj.testkit;
    exports org.tlsj.internal.record to org.tlsj.testkit, org.tlsj.bench;
    exports org.tlsj.internal.wire to org.tlsj.testkit, org.tlsj.bench;

    uses org.tlsj.crypto.CryptoProviderFactory;
    provides org.tlsj.crypto.CryptoProviderFactory with org.tlsj.crypto.JcaCryptoProviderFactory;
}
