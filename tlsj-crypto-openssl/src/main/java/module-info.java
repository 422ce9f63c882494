/**
 * The "openssl" crypto provider: key exchange and signatures in OpenSSL 3's libcrypto through FFM downcalls. On the
 * module path, run with {@code --enable-native-access=org.tlsj.crypto.openssl}.
 */
module org.tlsj.crypto.openssl {
    requires transitive org.tlsj.core;

    exports org.tlsj.crypto.openssl;

    provides org.tlsj.crypto.CryptoProviderFactory with org.tlsj.crypto.openssl.OpenSslCryptoProviderFactory;
}
