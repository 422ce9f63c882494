package org.tlsj.crypto.openssl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tlsj.crypto.CryptoProviderFactory;
import org.tlsj.crypto.CryptoProviders;
import org.tlsj.testkit.ScriptedRandom;

/** Registration through ServiceLoader, and the clean fallback when libcrypto cannot be used. */
class FactoryTest {
    @Test
    void isRegisteredAndUsableOnThisMachine() {
        RequireLibcrypto.check();
        CryptoProviderFactory factory = CryptoProviders.named("openssl").orElseThrow();

        assertThat(factory).isInstanceOf(OpenSslCryptoProviderFactory.class);
        assertThat(factory.unavailableReason()).isEmpty();
        assertThat(factory.rank()).isEqualTo(20);
        assertThat(CryptoProviders.available()).extracting(CryptoProviderFactory::name).contains("openssl");
        assertThat(factory.create(new ScriptedRandom(1))).isInstanceOf(OpenSslCryptoProvider.class)
                .hasToString("OpenSslCryptoProvider[OpenSSL " + LibCrypto.describeVersion(
                        LibCrypto.load(OpenSslCryptoProviderFactory.DEFAULT_LIBRARY).library().orElseThrow().version())
                        + "]");
    }

    @Test
    void missingLibraryIsReportedUnavailableWithoutThrowing() {
        OpenSslCryptoProviderFactory factory = new OpenSslCryptoProviderFactory("/nonexistent/libcrypto.so.3");

        assertThat(factory.unavailableReason()).hasValueSatisfying(
                r -> assertThat(r).contains("/nonexistent/libcrypto.so.3 not found"));
        assertThatThrownBy(() -> factory.create(new ScriptedRandom(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not found");
    }

    @Test
    void libraryThatIsNotLibcryptoIsReportedUnavailable() {
        OpenSslCryptoProviderFactory factory = new OpenSslCryptoProviderFactory("libc.so.6");

        assertThat(factory.unavailableReason()).hasValueSatisfying(
                r -> assertThat(r).contains("is not OpenSSL 3 libcrypto").contains("OpenSSL_version_num"));
    }

    @Test
    void cryptoProvidersSkipsItWhenTheLibraryIsMissing() {
        String before = System.getProperty(OpenSslCryptoProviderFactory.LIBRARY_PROPERTY);
        System.setProperty(OpenSslCryptoProviderFactory.LIBRARY_PROPERTY, "/nonexistent/libcrypto.so.3");
        try {
            assertThat(CryptoProviders.named("openssl").orElseThrow().unavailableReason()).isPresent();
            assertThat(CryptoProviders.available()).extracting(CryptoProviderFactory::name).doesNotContain("openssl")
                    .contains("jca");
            assertThat(CryptoProviders.fastest().name()).isNotEqualTo("openssl");
        } finally {
            if (before == null) {
                System.clearProperty(OpenSslCryptoProviderFactory.LIBRARY_PROPERTY);
            } else {
                System.setProperty(OpenSslCryptoProviderFactory.LIBRARY_PROPERTY, before);
            }
        }
    }

    @Test
    void versionNumbersReadAsOpenSslWritesThem() {
        assertThat(LibCrypto.describeVersion(0x30000130L)).isEqualTo("3.0.19");
        assertThat(LibCrypto.describeVersion(0x30500010L)).isEqualTo("3.5.1");
        assertThat(LibCrypto.describeVersion(0x1010117fL)).isEqualTo("1.1.1w");
    }
}
