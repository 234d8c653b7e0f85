package org.practicegraph.explore;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A stated figure as a person reads it: {@code 89%}, {@code 40% → 89%} when the report gives a
 * baseline, {@code 89% vs 80% expected} when it gives a comparator, {@code £1,200}.
 */
public final class MetricText {
    private MetricText() {}

    /**
     * @param value      the figure
     * @param unit       the unit notation ({@code percent}, {@code GBP}, {@code count}, {@code days}…), or null
     * @param baseline   the earlier figure it changed from, or null
     * @param comparator the figure it is compared with (expected, national, similar authorities), or null
     * @return the figure, with baseline and comparator
     */
    public static String format(BigDecimal value, String unit, BigDecimal baseline, BigDecimal comparator) {
        String text = amount(value, unit);
        if (baseline != null) text = amount(baseline, unit) + " → " + text;
        if (comparator != null) text = text + " vs " + amount(comparator, unit) + " expected";
        return text;
    }

    /** @return one amount in its unit: {@code 89%}, {@code £1,200}, {@code 3 days}, {@code 1,200} */
    public static String amount(BigDecimal value, String unit) {
        String n = number(value);
        if (unit == null) return n;
        return switch (unit) {
            case "percent" -> n + "%";
            case "GBP" -> "£" + n;
            case "count", "" -> n;
            default -> n + " " + (value.compareTo(BigDecimal.ONE) == 0 && unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit);
        };
    }

    private static String number(BigDecimal v) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.UK);
        f.setMaximumFractionDigits(2);
        return f.format(v.stripTrailingZeros());
    }
}
