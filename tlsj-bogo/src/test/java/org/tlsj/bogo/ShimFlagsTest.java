package org.tlsj.bogo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShimFlagsTest {

    @Test
    void prefixedFlagsApplyOnlyToTheirConnection() throws Exception {
        ShimFlags flags = ShimFlags.parse(List.of("-expect-alpn", "foo", "-on-resume-expect-alpn", "bar",
                "-on-initial-expect-session-miss", "-server"));
        ShimFlags.View first = flags.forConnection(false);
        ShimFlags.View resume = flags.forConnection(true);
        assertThat(first.string("-expect-alpn")).contains("foo");
        assertThat(resume.string("-expect-alpn")).contains("bar");
        assertThat(first.has("-expect-session-miss")).isTrue();
        assertThat(resume.has("-expect-session-miss")).isFalse();
        assertThat(resume.has("-server")).isTrue();
    }

    @Test
    void listFlagsAccumulateAndScalarsKeepTheLastValue() throws Exception {
        ShimFlags.View f = ShimFlags.parse(List.of("-curves", "29", "-curves", "23", "-port", "1", "-port", "2"))
                .forConnection(false);
        assertThat(f.integers("-curves")).containsExactly(29, 23);
        assertThat(f.integer("-port", 0)).isEqualTo(2);
    }

    @Test
    void handshakerOnlyFlagsAreDroppedAndShimOnlyFlagsKept() throws Exception {
        ShimFlags.View f = ShimFlags.parse(List.of("-on-handshaker-max-version", "771", "-on-shim-min-version", "772"))
                .forConnection(false);
        assertThat(f.has("-max-version")).isFalse();
        assertThat(f.integer("-min-version", 0)).isEqualTo(772);
    }

    @Test
    void anUnknownFlagOrAMissingParameterIsUnimplemented() {
        assertThatThrownBy(() -> ShimFlags.parse(List.of("-no-such-flag")))
                .isInstanceOf(ShimFlags.Unimplemented.class).hasMessageContaining("-no-such-flag");
        assertThatThrownBy(() -> ShimFlags.parse(List.of("-port")))
                .isInstanceOf(ShimFlags.Unimplemented.class).hasMessageContaining("missing parameter");
    }

    @Test
    void aKnownButUnsupportedFlagIsNamed() throws Exception {
        ShimFlags flags = ShimFlags.parse(List.of("-port", "1", "-enable-early-data", "-implicit-handshake"));
        assertThat(ShimSupport.firstUnimplemented(flags)).contains("-enable-early-data");
    }
}
