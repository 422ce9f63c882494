package org.tlsj.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutesTest {
    private static final HostPort API = new HostPort("10.0.0.1", 8080);
    private static final HostPort APPS = new HostPort("10.0.0.2", 8080);
    private static final HostPort REST = new HostPort("10.0.0.3", 80);

    private final Routes routes = new Routes(List.of(Routes.Route.parse("*.example.com=10.0.0.2:8080"),
            Routes.Route.parse("API.example.com=10.0.0.1:8080")), Optional.of(REST));

    @Test
    void exactNamesWinOverWildcardsWhateverTheOrderAndCase() {
        assertThat(routes.select(Optional.of("api.EXAMPLE.com"))).contains(API);
        assertThat(routes.select(Optional.of("web.example.com"))).contains(APPS);
    }

    @Test
    void aWildcardCoversExactlyOneLabel() {
        assertThat(routes.select(Optional.of("a.b.example.com"))).contains(REST);
        assertThat(routes.select(Optional.of("example.com"))).contains(REST);
    }

    @Test
    void noSniOrNoMatchGoesToTheFallbackOrNowhere() {
        assertThat(routes.select(Optional.empty())).contains(REST);
        Routes strict = new Routes(List.of(new Routes.Route("api.example.com", API)), Optional.empty());
        assertThat(strict.select(Optional.of("other.example.com"))).isEmpty();
        assertThat(strict.select(Optional.empty())).isEmpty();
    }

    @Test
    void rejectsRoutesThatCannotMatchAndATableWithNowhereToGo() {
        assertThatThrownBy(() -> Routes.Route.parse("api.*.com=h:1")).hasMessageContaining("wildcard only as");
        assertThatThrownBy(() -> Routes.Route.parse("nohost")).hasMessage("route 'nohost' is not SNI=HOST:PORT");
        assertThatThrownBy(() -> new Routes(List.of(), Optional.empty())).hasMessageContaining("give --upstream or --route");
    }

    @Test
    void parsesHostPortIncludingBracketedIpv6() {
        assertThat(HostPort.parse("[::1]:8080")).isEqualTo(new HostPort("::1", 8080));
        assertThat(HostPort.parse("[::1]:8080")).hasToString("[::1]:8080");
        assertThat(HostPort.parse("backend:443")).isEqualTo(new HostPort("backend", 443));
        assertThatThrownBy(() -> HostPort.parse("::1:80")).hasMessageContaining("in brackets");
        assertThatThrownBy(() -> HostPort.parse("backend:http")).hasMessageContaining("no numeric port");
        assertThatThrownBy(() -> HostPort.parse("backend:70000")).hasMessageContaining("not between 1 and 65535");
    }
}
