package io.duecall.bench;

import java.util.Locale;

/**
 * One measured figure printed beside its target or limit; {@code met} is empty for figures reported without one.
 *
 * @param limit what the figure is judged against, in words ("target >= 300/s")
 */
public record Figure(String name, double value, String unit, String limit, Met met) {
    public enum Met { YES, NO, NONE }

    public static Figure atLeast(String name, double value, String unit, double target, String limitText) {
        return new Figure(name, value, unit, limitText, value >= target ? Met.YES : Met.NO);
    }

    public static Figure atMost(String name, double value, String unit, double target, String limitText) {
        return new Figure(name, value, unit, limitText, value <= target ? Met.YES : Met.NO);
    }

    public static Figure report(String name, double value, String unit, String context) {
        return new Figure(name, value, unit, context, Met.NONE);
    }

    /** One aligned line: name, value with unit, the limit, and whether it was met. */
    public String line() {
        var verdict = switch (met) {
            case YES -> "  met";
            case NO -> "  NOT MET";
            case NONE -> "";
        };
        return String.format(Locale.ROOT, "  %-46s %14s %-12s %s%s", name, format(value), unit, limit, verdict);
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
