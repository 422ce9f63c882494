package org.tlsj.bogo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the runner's {@code -json-output} file (the Chromium test-results format: one entry per test with
 * {@code actual} and {@code expected}) and prints the one-line summary {@code ./test} shows, then the names of
 * the failed tests. Exits 1 if any test failed, 2 if the file holds no test.
 */
public final class BogoResults {
    private static final Pattern ENTRY = Pattern.compile(
            "\"((?:[^\"\\\\]|\\\\.)*)\":\\s*\\{\\s*\"actual\":\\s*\"([A-Z]+)\",\\s*\"expected\":\\s*\"([A-Z]+)\"");

    private BogoResults() {
    }

    /** Counts by outcome, keyed PASS, FAIL, SKIP; with the failed names. */
    record Summary(Map<String, Integer> counts, List<String> failed) {
        int count(String outcome) {
            return counts.getOrDefault(outcome, 0);
        }

        String line() {
            return count("PASS") + " passed, " + count("FAIL") + " failed, " + count("SKIP") + " skipped";
        }
    }

    /** Parses the results file's text. */
    static Summary parse(String json) {
        Map<String, Integer> counts = new TreeMap<>();
        List<String> failed = new ArrayList<>();
        Matcher m = ENTRY.matcher(json);
        while (m.find()) {
            String actual = m.group(2);
            counts.merge(actual, 1, Integer::sum);
            if (actual.equals("FAIL")) {
                failed.add(m.group(1));
            }
        }
        return new Summary(counts, failed);
    }

    /**
     * Prints the summary of {@code args[0]}.
     *
     * @param args the results file
     */
    public static void main(String[] args) throws IOException {
        Summary s = parse(Files.readString(Path.of(args[0])));
        for (String name : s.failed()) {
            System.out.println("bogo: FAILED " + name);
        }
        System.out.println("bogo: " + s.line());
        System.exit(s.count("FAIL") > 0 ? 1 : s.counts().isEmpty() ? 2 : 0);
    }
}
