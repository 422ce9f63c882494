package org.tlsj.jsse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyManagementException;
import java.security.Security;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provider's crypto choice through {@code SSLContext.init}: the fastest usable factory by default (here the
 * test-only "probe", ranked above all), the one the {@code tlsj.crypto} system or security property names, and a
 * clear refusal of an unknown or unusable name.
 */
class CryptoChoiceTest {
    private final JssePki pki = new JssePki();

    @AfterEach
    void clear() {
        System.clearProperty(CryptoChoice.PROPERTY);
        Security.setProperty(CryptoChoice.PROPERTY, "");
    }

    /** How many providers the probe factory made while a TLSJ client and server context were set up and used. */
    private int probesMadeByAHandshake() throws Exception {
        int before = ProbeCryptoFactories.Probe.CREATED.get();
        EnginePair.connect(pki.tlsjClient("TLS", false), pki.tlsjServer("TLS"), "TLSv1.3", s -> { });
        return ProbeCryptoFactories.Probe.CREATED.get() - before;
    }

    @Test
    void byDefaultTheFastestUsableProviderServesBothContexts() throws Exception {
        assertThat(probesMadeByAHandshake()).isEqualTo(2);
    }

    @Test
    void autoIsTheDefaultSpelledOut() throws Exception {
        System.setProperty(CryptoChoice.PROPERTY, " AUTO ");
        assertThat(probesMadeByAHandshake()).isEqualTo(2);
    }

    @Test
    void theSystemPropertyNamesAnotherProvider() throws Exception {
        System.setProperty(CryptoChoice.PROPERTY, "jca");
        assertThat(probesMadeByAHandshake()).isZero();
    }

    @Test
    void theSecurityPropertyServesWhenNoSystemPropertyIsSet() throws Exception {
        Security.setProperty(CryptoChoice.PROPERTY, "JCA");
        assertThat(probesMadeByAHandshake()).isZero();
        System.setProperty(CryptoChoice.PROPERTY, "probe");
        assertThat(probesMadeByAHandshake()).as("the system property wins").isEqualTo(2);
    }

    /** Checks that {@code init} of a new TLSJ context is refused with exactly this message and no cause. */
    private void initRefused(String message) throws Exception {
        SSLContext c = SSLContext.getInstance("TLS", JssePki.TLSJ);
        assertThatThrownBy(() -> c.init(null, pki.trust().getTrustManagers(), null))
                .isInstanceOf(KeyManagementException.class).hasMessage(message).hasNoCause();
    }

    @Test
    void anUnknownNameIsRefusedByInitWithTheNamesThatExist() throws Exception {
        System.setProperty(CryptoChoice.PROPERTY, "quantum");
        initRefused("tlsj.crypto=quantum: no such tlsj crypto provider on the class path; known: auto, probe, "
                + "unusable, jca");
    }

    @Test
    void anUnusableProviderIsRefusedWithItsReason() throws Exception {
        Security.setProperty(CryptoChoice.PROPERTY, "unusable");
        initRefused("tlsj.crypto=unusable: the provider cannot be used here: its accelerator card is missing");
    }
}
