/** The "bc" crypto provider: key exchange and signatures on Bouncy Castle's lightweight API. */
module org.tlsj.crypto.bc {
    requires transitive org.tlsj.core;
    requires org.bouncycastle.provider;

    exports org.tlsj.crypto.bc;

    provides org.tlsj.crypto.CryptoProviderFactory with org.tlsj.crypto.bc.BcCryptoProviderFactory;
}
