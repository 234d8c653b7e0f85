package org.practicegraph.explore;

import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Entities;

/**
 * Charts drawn on the server as inline SVG, so they show without JavaScript; each chart's numbers
 * are also in a table next to it for screen readers and copying.
 */
public final class Charts {
    private Charts() {}

    /** One bar: its label, value and (optionally) the page it links to. */
    public record Bar(String label, double value, String href) {}

    /**
     * @param title what the chart shows, read out by screen readers
     * @param bars  the bars, top to bottom
     * @return a horizontal bar chart as an {@code <svg>} element
     */
    public static String bars(String title, List<Bar> bars) {
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        if (max <= 0) max = 1;
        int row = 26, labelWidth = 220, barWidth = 360, height = Math.max(row, bars.size() * row);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg class=\"chart\" role=\"img\" aria-label=\"%s\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">",
                Entities.escape(title), labelWidth + barWidth + 60, height, labelWidth + barWidth + 60, height));
        s.append("<title>").append(Entities.escape(title)).append("</title>");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = i * row;
            double w = barWidth * b.value() / max;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelWidth - 8, y + 17, Entities.escape(b.label())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" class=\"bar\"></rect>", labelWidth, y + 4, w, row - 8));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", labelWidth + w + 6, y + 17, number(b.value())));
        }
        return s.append("</svg>").toString();
    }

    /**
     * The shade of a heat-map cell.
     *
     * @return 0 for none, else 1–5 in proportion to {@code count / max}
     */
    public static int level(long count, long max) {
        if (count <= 0 || max <= 0) return 0;
        return (int) Math.max(1, Math.min(5, Math.ceil(5.0 * count / max)));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
