package org.tlsj.bogo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BogoResultsTest {

    @Test
    void countsEachOutcomeAndNamesTheFailures() {
        String json = """
                {"version": 3, "tests": {
                  "Basic-Client": {"actual": "PASS", "expected": "PASS", "is_unexpected": false},
                  "Alert-\\"Quoted\\"": {"actual": "FAIL", "expected": "PASS", "is_unexpected": true},
                  "DTLS-Thing": {"actual": "SKIP", "expected": "SKIP", "is_unexpected": false},
                  "Basic-Server": {"actual": "PASS", "expected": "PASS", "is_unexpected": false}}}
                """;
        BogoResults.Summary s = BogoResults.parse(json);
        assertThat(s.line()).isEqualTo("2 passed, 1 failed, 1 skipped");
        assertThat(s.failed()).containsExactly("Alert-\\\"Quoted\\\"");
    }
}
