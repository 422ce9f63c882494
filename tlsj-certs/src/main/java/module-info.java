/** Minting certificates for a local CA and for tests, on Bouncy Castle. */
module org.tlsj.certs {
    requires transitive org.tlsj.core;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;

    exports org.tlsj.certs;
}
