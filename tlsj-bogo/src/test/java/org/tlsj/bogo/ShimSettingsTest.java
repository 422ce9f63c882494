package org.tlsj.bogo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tlsj.CipherSuite;
import org.tlsj.ProtocolVersion;

class ShimSettingsTest {

    private static ShimFlags.View view(String... args) throws ShimFlags.Unimplemented {
        return ShimFlags.parse(List.of(args)).forConnection(false);
    }

    @Test
    void versionsFollowMinMaxAndNoFlags() throws Exception {
        assertThat(ShimSettings.versions(view())).containsExactly(ProtocolVersion.TLS13, ProtocolVersion.TLS12);
        assertThat(ShimSettings.versions(view("-max-version", "771"))).containsExactly(ProtocolVersion.TLS12);
        assertThat(ShimSettings.versions(view("-no-tls12"))).containsExactly(ProtocolVersion.TLS13);
    }

    @Test
    void onlyTls10Or11IsUnimplementedButAnEmptyRangeIsAnError() {
        assertThatThrownBy(() -> ShimSettings.versions(view("-max-version", "770")))
                .isInstanceOf(ShimFlags.Unimplemented.class);
        assertThatThrownBy(() -> ShimSettings.versions(view("-min-version", "772", "-max-version", "771")))
                .isInstanceOf(ShimSettings.Invalid.class).hasMessageContaining(":NO_SUPPORTED_VERSIONS_ENABLED:");
    }

    @Test
    void cipherStringsTakeNamesAndEqualPreferenceGroups() throws Exception {
        List<CipherSuite> s = ShimSettings.suites(view("-cipher",
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:[TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384|TLS_RSA_WITH_AES_128_GCM_SHA256]"));
        assertThat(s).containsSubsequence(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256);
        assertThat(s).doesNotContain(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256);
        assertThatThrownBy(() -> ShimSettings.suites(view("-cipher", "TLS_RSA_WITH_AES_128_CBC_SHA")))
                .isInstanceOf(ShimFlags.Unimplemented.class);
    }

    @Test
    void alpnListsAreReadFromTheirWireForm() {
        assertThat(ShimSettings.alpnList("\u0003foo\u0002h2")).containsExactly("foo", "h2");
        assertThat(ShimSettings.alpnList("")).isEmpty();
    }
}
