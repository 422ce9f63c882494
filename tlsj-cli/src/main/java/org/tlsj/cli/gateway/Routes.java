package org.tlsj.cli.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where each connection goes, by the SNI name the client sent: exact names first, then {@code *.example.com}
 * wildcards (one label, as in certificates: {@code a.example.com} but not {@code example.com} or
 * {@code a.b.example.com}), then the fallback upstream if there is one. Names compare case-insensitively.
 *
 * @param routes the {@code --route} entries, in the order given
 * @param fallback the {@code --upstream}, for unmatched or absent SNI
 */
public record Routes(List<Route> routes, Optional<HostPort> fallback) {
    /** Validates and copies. */
    public Routes {
        routes = List.copyOf(routes);
        Objects.requireNonNull(fallback);
        if (routes.isEmpty() && fallback.isEmpty()) {
            throw new IllegalArgumentException("there is nowhere to send connections: give --upstream or --route");
        }
    }

    /** Only a fallback: every connection goes to {@code upstream}. */
    public static Routes to(HostPort upstream) {
        return new Routes(List.of(), Optional.of(upstream));
    }

    /**
     * One {@code --route SNI=HOST:PORT}.
     *
     * @param pattern an exact name or {@code *.suffix}, lower case
     * @param upstream where matching connections go
     */
    public record Route(String pattern, HostPort upstream) {
        /** Validates and lower-cases the pattern. */
        public Route {
            pattern = pattern.trim().toLowerCase(Locale.ROOT);
            if (pattern.isEmpty() || pattern.indexOf('*', pattern.startsWith("*.") ? 1 : 0) >= 0
                    || pattern.equals("*.")) {
                throw new IllegalArgumentException("route name '" + pattern
                        + "' must be a host name or *.domain (the wildcard only as the whole first label)");
            }
            Objects.requireNonNull(upstream);
        }

        /**
         * Parses {@code SNI=HOST:PORT}.
         *
         * @param text what the user wrote
         * @return the route
         * @throws IllegalArgumentException with a plain message if it does not parse
         */
        public static Route parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("route '" + text + "' is not SNI=HOST:PORT");
            }
            return new Route(text.substring(0, eq), HostPort.parse(text.substring(eq + 1)));
        }

        boolean matches(String name) {
            if (pattern.startsWith("*.")) {
                String suffix = pattern.substring(1);
                return name.endsWith(suffix) && name.length() > suffix.length()
                        && name.lastIndexOf('.', name.length() - suffix.length() - 1) < 0;
            }
            return pattern.equals(name);
        }

        @Override
        public String toString() {
            return pattern + "=" + upstream;
        }
    }

    /**
     * The upstream for a connection.
     *
     * @param serverName the SNI name the client sent, if any
     * @return the upstream, or empty when nothing matches and there is no fallback
     */
    public Optional<HostPort> select(Optional<String> serverName) {
        if (serverName.isPresent()) {
            String name = serverName.get().toLowerCase(Locale.ROOT);
            for (Route r : routes) {
                if (!r.pattern().startsWith("*.") && r.matches(name)) {
                    return Optional.of(r.upstream());
                }
            }
            for (Route r : routes) {
                if (r.pattern().startsWith("*.") && r.matches(name)) {
                    return Optional.of(r.upstream());
                }
            }
        }
        return fallback;
    }
}
