package org.tlsj.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessLogEntryTest {
    @Test
    void timestampsReadAsInstantToStringTruncatedToMillis() {
        for (String text : new String[] {"2026-06-01T12:00:00Z", "2026-06-01T12:00:00.123456789Z",
                "2026-06-01T12:00:00.001Z", "2026-06-01T12:00:00.000999Z", "2026-06-01T12:00:00.5Z",
                "2026-06-01T12:00:01.010Z", "1969-12-31T23:59:59.999Z", "2026-06-01T12:00:00.999999Z"}) {
            Instant t = Instant.parse(text);
            StringBuilder b = new StringBuilder();
            Timestamps.append(b, t);
            assertThat(b).hasToString(t.truncatedTo(ChronoUnit.MILLIS).toString());
        }
    }

    @Test
    void aFailedConnectionIsOneLineWithDashesForWhatIsUnknown() {
        AccessLogEntry e = new AccessLogEntry(Instant.parse("2026-06-01T12:00:00.120Z"), 7, "127.0.0.1:50412",
                Optional.empty(), Optional.of(new HostPort("127.0.0.1", 8080)), 78, 1024, 12_450_000L, "closed");
        assertThat(e.line()).isEqualTo("2026-06-01T12:00:00.120Z #7 127.0.0.1:50412 sni=- tls=- client=- "
                + "upstream=127.0.0.1:8080 up=78B down=1024B 12.5ms closed");
        AccessLogEntry quick = new AccessLogEntry(Instant.parse("2026-06-01T12:00:01Z"), 8, "[::1]:1", Optional.empty(),
                Optional.empty(), 0, 0, 40_000L, "refused: x");
        assertThat(quick.line()).isEqualTo("2026-06-01T12:00:01Z #8 [::1]:1 sni=- tls=- client=- upstream=- up=0B "
                + "down=0B 0.0ms refused: x");
    }
}
