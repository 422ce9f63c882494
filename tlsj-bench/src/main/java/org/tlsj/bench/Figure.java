package org.tlsj.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * One figure measured over several rounds: its minimum, median and maximum.
 *
 * @param values one value per round, in round order
 */
public record Figure(double[] values) {
    /** Copies the values. */
    public Figure {
        values = values.clone();
    }

    /** The smallest value. */
    public double min() {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    /** The largest value. */
    public double max() {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** The median (the mean of the two middle values for an even count). */
    public double median() {
        double[] v = values.clone();
        Arrays.sort(v);
        if (v.length == 0) {
            return Double.NaN;
        }
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    /** "min / median / max" with a precision that suits the size of the numbers. */
    public String format() {
        return num(min()) + " / " + num(median()) + " / " + num(max());
    }

    /** A number with three significant digits or so. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        String pattern = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, v);
    }

    /** The {@code p}-th percentile (0..100) of sorted nanosecond samples, in milliseconds. */
    public static double percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
