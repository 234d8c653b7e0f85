package org.practicegraph.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

/**
 * Draws cost against corpus size from every {@code bench/results/size-N/summary.csv} as a PNG, with
 * plain Java2D (no charting library): left, load time of {@code practice-graph load} (into an empty
 * database: the bulk loader), of {@code load --no-bulk} (transactions) and of {@code tdb2.tdbloader}; right, canned-query p50 over HTTP (median and slowest query). Both axes
 * logarithmic. {@code Chart RESULTS_DIR OUT.png}
 */
public final class Chart {
    private static final int W = 1100, H = 460, PAD = 70;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd)};

    private Chart() {}

    record Series(String name, TreeMap<Double, Double> points) {}

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        Map<Integer, Map<String, String>> bySize = new TreeMap<>();
        try (Stream<Path> s = Files.list(results)) {
            for (Path d : s.filter(p -> p.getFileName().toString().startsWith("size-")).toList()) {
                Path csv = d.resolve("summary.csv");
                if (!Files.exists(csv)) continue;
                Map<String, String> m = new LinkedHashMap<>();
                for (String l : Files.readAllLines(csv)) { int c = l.indexOf(','); if (c > 0) m.put(l.substring(0, c), l.substring(c + 1)); }
                // several runs at one size (size-1000, size-1000-round5, …): the latest run stands for it
                m.put("run_date", runDate(d));
                bySize.merge(Integer.parseInt(m.get("size")), m, (a, b) -> a.get("run_date").compareTo(b.get("run_date")) >= 0 ? a : b);
            }
        }
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        panel(g, 0, "Load time (s) vs reports", bySize, List.of("load_s", "txnload_s", "tdbloader_s"),
                List.of("practice-graph load (bulk)", "load --no-bulk (transactions)", "tdb2.tdbloader"));
        panel(g, W / 2, "Canned query p50 over HTTP (ms) vs reports", bySize,
                List.of("http_p50_median_ms", "http_p50_max_ms"), List.of("median over the canned queries", "slowest query"));
        g.dispose();
        Files.createDirectories(Path.of(args[1]).toAbsolutePath().getParent());
        ImageIO.write(img, "png", Path.of(args[1]).toFile());
        System.out.println("wrote " + args[1] + " (" + bySize.keySet() + " reports)");
    }

    /** @return when the run started ({@code date} in its machine.csv, ISO 8601 UTC, so it sorts as text), or "" */
    private static String runDate(Path runDir) throws IOException {
        Path machine = runDir.resolve("machine.csv");
        if (!Files.exists(machine)) return "";
        return Files.readAllLines(machine).stream().filter(l -> l.startsWith("date,")).map(l -> l.substring(5)).findFirst().orElse("");
    }

    private static void panel(Graphics2D g, int x0, String title, Map<Integer, Map<String, String>> data, List<String> keys,
                              List<String> names) {
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            TreeMap<Double, Double> pts = new TreeMap<>();
            for (var e : data.entrySet()) {
                String v = e.getValue().get(keys.get(i));
                if (v != null && !v.equals("–") && !v.equals("NaN")) pts.put((double) e.getKey(), Double.parseDouble(v));
            }
            series.add(new Series(names.get(i), pts));
        }
        double xmin = Double.MAX_VALUE, xmax = 0, ymin = Double.MAX_VALUE, ymax = 0;
        for (Series s : series)
            for (var p : s.points().entrySet()) {
                xmin = Math.min(xmin, p.getKey()); xmax = Math.max(xmax, p.getKey());
                ymin = Math.min(ymin, p.getValue()); ymax = Math.max(ymax, p.getValue());
            }
        if (xmax == 0) return;
        double lx0 = Math.floor(Math.log10(xmin)), lx1 = Math.max(lx0 + 1, Math.ceil(Math.log10(xmax)));
        double ly0 = Math.floor(Math.log10(Math.max(ymin, 1e-3))), ly1 = Math.max(ly0 + 1, Math.ceil(Math.log10(ymax)));
        int left = x0 + PAD, right = x0 + W / 2 - 35, top = 50, bottom = H - 60;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, left, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawRect(left, top, right - left, bottom - top);
        for (double d = lx0; d <= lx1; d++) {
            int px = (int) (left + (d - lx0) / (lx1 - lx0) * (right - left));
            g.setColor(new Color(0xdddddd)); g.drawLine(px, top, px, bottom);
            g.setColor(Color.BLACK); String label = String.format(Locale.ROOT, "%,.0f", Math.pow(10, d));
            g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, bottom + 16);
        }
        for (double d = ly0; d <= ly1; d++) {
            int py = (int) (bottom - (d - ly0) / (ly1 - ly0) * (bottom - top));
            g.setColor(new Color(0xdddddd)); g.drawLine(left, py, right, py);
            g.setColor(Color.BLACK); g.drawString(fmt(Math.pow(10, d)), left - 45, py + 4);
        }
        g.drawString("reports (log scale)", (left + right) / 2 - 40, bottom + 34);
        int ly = top + 16;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            g.setColor(COLORS[i]);
            g.setStroke(new BasicStroke(2f));
            int[] prev = null;
            for (var p : s.points().entrySet()) {
                int px = (int) (left + (Math.log10(p.getKey()) - lx0) / (lx1 - lx0) * (right - left));
                int py = (int) (bottom - (Math.log10(p.getValue()) - ly0) / (ly1 - ly0) * (bottom - top));
                g.fillOval(px - 4, py - 4, 8, 8);
                String v = fmt(p.getValue());
                int vw = g.getFontMetrics().stringWidth(v);
                g.drawString(v, px + 6 + vw > right ? px - vw - 6 : px + 6, py - 6);
                if (prev != null) g.drawLine(prev[0], prev[1], px, py);
                prev = new int[] {px, py};
            }
            g.drawLine(left + 10, ly - 4, left + 30, ly - 4);
            g.drawString(s.name(), left + 36, ly);
            ly += 16;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static String fmt(double v) {
        return v >= 10 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2g", v);
    }
}
