package org.loopbound.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * A small, deterministic SVG line plot: series with markers, shaded bands (confidence or enclosure bands), bounds on
 * a total variation (capped at 1, vacuous stretches shaded), vertical reference lines with labels, axes with ticks and
 * labelled units, and a legend below the plot. Same input, same bytes.
 *
 * <p>The layout is computed from {@link TextWidth}'s conservative text widths: titles, axis labels and legend
 * entries wrap instead of running off the figure, the margins fit the tick labels, and the figure grows downwards
 * to hold the legend. The document has a viewBox and width 100%, so it scales to the width of its container.
 */
public final class SvgPlot {

    private static final List<String> COLORS = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
            "#17becf", "#8c564b", "#e377c2");
    /** The shading of vacuous stretches of a bound: neutral, so that it reads as "no information here". */
    private static final String VACUOUS_FILL = "#b0b0b0";
    private static final int WIDTH = 760;
    private static final int PLOT_HEIGHT = 330;
    private static final int PAD = 10;
    private static final int TITLE_FONT = 15;
    private static final int AXIS_FONT = 13;
    private static final int TICK_FONT = 12;
    private static final int LEGEND_FONT = 12;
    private static final int MARKER_FONT = 11;
    private static final int SWATCH = 26;

    private record Series(String name, double[] x, double[] y, boolean dashed, boolean markers) {
    }

    private record Band(String name, double[] x, double[] lo, double[] hi) {
    }

    private record Marker(double x, String label) {
    }

    private record LegendEntry(String kind, String color, String name) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final List<Chart.TvBound> tvBounds = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private boolean logX;

    /** A plot with a title and axis labels (include units in the labels, e.g. "s / r (synthetic per real)"). */
    public SvgPlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /**
     * The plot of an audit's chart.
     *
     * @param chart the chart's data
     * @return a plot with the chart's lines, bands, bounds on TV, markers and x scale, in their order
     */
    public static SvgPlot of(Chart chart) {
        SvgPlot p = new SvgPlot(chart.title(), chart.xLabel(), chart.yLabel());
        for (Chart.Line l : chart.lines()) {
            p.series.add(new Series(l.name(), l.x(), l.y(), l.dashed(), !l.dashed()));
        }
        for (Chart.Band b : chart.bands()) {
            p.band(b.name(), b.x(), b.lo(), b.hi());
        }
        p.tvBounds.addAll(chart.tvBounds());
        for (Chart.Marker m : chart.markers()) {
            p.marker(m.x(), m.label());
        }
        p.logX = chart.isLogX();
        return p;
    }

    /** A solid line with markers. */
    public SvgPlot line(String name, double[] x, double[] y) {
        series.add(new Series(name, x.clone(), y.clone(), false, true));
        return this;
    }

    /** A dashed line without markers (for bounds and predictions). */
    public SvgPlot dashed(String name, double[] x, double[] y) {
        series.add(new Series(name, x.clone(), y.clone(), true, false));
        return this;
    }

    /** A shaded band between lo and hi (e.g. a 95% confidence band). */
    public SvgPlot band(String name, double[] x, double[] lo, double[] hi) {
        bands.add(new Band(name, x.clone(), lo.clone(), hi.clone()));
        return this;
    }

    /** A vertical reference line at x with a label (e.g. the certified s*). */
    public SvgPlot marker(double x, String label) {
        markers.add(new Marker(x, label));
        return this;
    }

    /** Logarithmic x axis (all x must be positive). */
    public SvgPlot logX() {
        this.logX = true;
        return this;
    }

    private double tx(double x) {
        return logX ? Math.log10(x) : x;
    }

    /** The data ranges, x on the axis' scale, with bounds on TV capped at 1. */
    private static final class Range {
        private double x0 = Double.POSITIVE_INFINITY;
        private double x1 = Double.NEGATIVE_INFINITY;
        private double y0 = Double.POSITIVE_INFINITY;
        private double y1 = Double.NEGATIVE_INFINITY;

        void include(double x, double y) {
            if (Double.isFinite(y) && Double.isFinite(x)) {
                includeX(x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
            }
        }

        void includeX(double x) {
            x0 = Math.min(x0, x);
            x1 = Math.max(x1, x);
        }
    }

    private Range ranges() {
        Range r = new Range();
        for (Series s : series) {
            double[] xs = s.x();
            double[] ys = s.y();
            for (int i = 0; i < xs.length && i < ys.length; i++) {
                r.include(tx(xs[i]), ys[i]);
            }
        }
        for (Band b : bands) {
            double[] xs = b.x();
            double[] lo = b.lo();
            double[] hi = b.hi();
            for (int i = 0; i < xs.length && i < lo.length && i < hi.length; i++) {
                r.include(tx(xs[i]), lo[i]);
                r.include(tx(xs[i]), hi[i]);
            }
        }
        for (Chart.TvBound t : tvBounds) {
            double[] xs = t.x();
            double[] up = t.upper();
            for (int i = 0; i < xs.length && i < up.length; i++) {
                r.include(tx(xs[i]), Math.min(up[i], 1));
            }
        }
        for (Marker m : markers) {
            r.includeX(tx(m.x()));
        }
        if (!(r.x0 < r.x1)) {
            r.x0 = Double.isFinite(r.x0) ? r.x0 - 1 : 0;
            r.x1 = r.x0 + 2;
        }
        if (!(r.y0 < r.y1)) {
            r.y0 = Double.isFinite(r.y0) ? r.y0 - 1 : 0;
            r.y1 = r.y0 + 2;
        }
        r.y0 = Math.min(r.y0, 0);
        r.y1 += (r.y1 - r.y0) * 0.05;
        return r;
    }

    /** The SVG document. */
    public String render() {
        Range range = ranges();
        final double x0 = range.x0;
        final double x1 = range.x1;
        final double y0 = range.y0;
        final double y1 = range.y1;
        List<Double> yTicks = ticks(y0, y1);
        List<Double> xTicks = logX && x1 - x0 >= 1 ? decades(x0, x1) : ticks(x0, x1);
        double yTickWidth = 0;
        for (double t : yTicks) {
            yTickWidth = Math.max(yTickWidth, TextWidth.of(fmt(t), TICK_FONT));
        }
        double xTickWidth = 0;
        for (double t : xTicks) {
            xTickWidth = Math.max(xTickWidth, TextWidth.of(xTick(t), TICK_FONT));
        }
        List<String> titleLines = TextWidth.wrap(title, TITLE_FONT, WIDTH - 2 * PAD);
        List<String> yLabelLines = TextWidth.wrap(yLabel, AXIS_FONT, PLOT_HEIGHT);
        double left = Math.ceil(Math.max(PAD + yLabelLines.size() * (AXIS_FONT + 3) + 6 + yTickWidth + 6,
                PAD + xTickWidth / 2));
        double right = Math.ceil(PAD + xTickWidth / 2);
        double pw = WIDTH - left - right;
        double top = PAD + titleLines.size() * (TITLE_FONT + 4) + 10;
        final double ph = PLOT_HEIGHT;
        DoubleUnaryOperator px = v -> left + (tx(v) - x0) / (x1 - x0) * pw;
        DoubleUnaryOperator py = v -> top + ph - (v - y0) / (y1 - y0) * ph;

        StringBuilder body = new StringBuilder();
        for (int k = 0; k < titleLines.size(); k++) {
            body.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\""
                    + " font-size=\"%d\">%s</text>%n", WIDTH / 2, PAD + (k + 1) * (TITLE_FONT + 4) - 4.0,
                    TITLE_FONT, esc(titleLines.get(k))));
        }
        List<LegendEntry> legend = new ArrayList<>();
        int color = 0;
        for (Chart.TvBound t : tvBounds) {
            shadeVacuous(body, t, px, left, left + pw, top, ph);
        }
        if (tvBounds.stream().anyMatch(t -> hasVacuous(t.vacuous()))) {
            legend.add(new LegendEntry("vacuous", VACUOUS_FILL, tvBounds.get(0).vacuousName()));
        }
        body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\""
                + " fill=\"none\" stroke=\"black\"/>%n", left, top, pw, ph));
        for (double t : yTicks) {
            double yy = py.applyAsDouble(t);
            body.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.2f\" x2=\"%.1f\" y2=\"%.2f\""
                    + " stroke=\"#ddd\"/><text x=\"%.1f\" y=\"%.2f\" text-anchor=\"end\" font-size=\"%d\">%s"
                    + "</text>%n", left, yy, left + pw, yy, left - 6, yy + 4, TICK_FONT, fmt(t)));
        }
        for (double t : xTicks) {
            double xx = left + (t - x0) / (x1 - x0) * pw;
            body.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\""
                    + " stroke=\"#ddd\"/><text x=\"%.2f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"%d\">"
                    + "%s</text>%n", xx, top, xx, top + ph, xx, top + ph + TICK_FONT + 5, TICK_FONT,
                    xTick(t)));
        }
        for (int k = 0; k < yLabelLines.size(); k++) {
            body.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%.1f) rotate(-90)\""
                    + " text-anchor=\"middle\" font-size=\"%d\">%s</text>%n", PAD + AXIS_FONT + k * (AXIS_FONT + 3),
                    top + ph / 2, AXIS_FONT, esc(yLabelLines.get(k))));
        }
        double y = top + ph + TICK_FONT + 5;
        for (String l : TextWidth.wrap(xLabel, AXIS_FONT, pw)) {
            y += AXIS_FONT + 5;
            body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\""
                    + " font-size=\"%d\">%s</text>%n", left + pw / 2, y, AXIS_FONT, esc(l)));
        }
        for (Band band : bands) {
            String c = COLORS.get(color++ % COLORS.size());
            double[] xs = band.x();
            double[] lo = band.lo();
            double[] hi = band.hi();
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < xs.length && i < hi.length; i++) {
                pts.append(String.format(Locale.ROOT, "%.2f,%.2f ", px.applyAsDouble(xs[i]),
                        py.applyAsDouble(hi[i])));
            }
            for (int i = Math.min(xs.length, lo.length) - 1; i >= 0; i--) {
                pts.append(String.format(Locale.ROOT, "%.2f,%.2f ", px.applyAsDouble(xs[i]),
                        py.applyAsDouble(lo[i])));
            }
            body.append("<polygon points=\"").append(pts.toString().trim()).append("\" fill=\"").append(c)
                    .append("\" fill-opacity=\"0.2\" stroke=\"none\"/>\n");
            legend.add(new LegendEntry("band", c, band.name()));
        }
        for (Series s : series) {
            String c = COLORS.get(color++ % COLORS.size());
            polyline(body, s.x(), s.y(), px, py, c, s.dashed());
            if (s.markers()) {
                double[] xs = s.x();
                double[] ys = s.y();
                for (int i = 0; i < xs.length && i < ys.length; i++) {
                    if (Double.isFinite(ys[i])) {
                        body.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"2.5\""
                                + " fill=\"%s\"/>%n", px.applyAsDouble(xs[i]), py.applyAsDouble(ys[i]), c));
                    }
                }
            }
            legend.add(new LegendEntry(s.dashed() ? "dashed" : "line", c, s.name()));
        }
        for (Chart.TvBound t : tvBounds) {
            String c = COLORS.get(color++ % COLORS.size());
            double[] capped = t.upper();
            for (int i = 0; i < capped.length; i++) {
                capped[i] = Math.min(capped[i], 1);
            }
            polyline(body, t.x(), capped, px, py, c, true);
            legend.add(new LegendEntry("dashed", c, t.name()));
        }
        markers(body, px, left, left + pw, top);
        double height = legend(body, legend, y + 10) + PAD;
        return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %.0f\""
                + " width=\"100%%\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"12\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", WIDTH, Math.ceil(height))
                + body + "</svg>\n";
    }

    private static boolean hasVacuous(boolean[] vacuous) {
        for (boolean v : vacuous) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    /**
     * Shades each run of vacuous points from half-way to its left neighbour to half-way to its right neighbour (at
     * the ends, as far again as the half gap inside), clipped to the plot area.
     */
    private static void shadeVacuous(StringBuilder b, Chart.TvBound t, DoubleUnaryOperator px, double left,
                                     double right, double top, double ph) {
        // Lists, not arrays, where indices are computed: the Index Checker need not trace them.
        double[] xs = t.x();
        boolean[] flags = t.vacuous();
        List<Double> at = new ArrayList<>();
        List<Boolean> v = new ArrayList<>();
        for (int i = 0; i < xs.length && i < flags.length; i++) {
            at.add(px.applyAsDouble(xs[i]));
            v.add(flags[i]);
        }
        int n = at.size();
        int i = 0;
        while (i < n) {
            if (!v.get(i)) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < n && v.get(j + 1)) {
                j++;
            }
            double a = at.get(i);
            double z = at.get(j);
            double from = i > 0 ? (at.get(i - 1) + a) / 2 : n > 1 ? a - (at.get(1) - a) / 2 : left;
            double to = j + 1 < n ? (z + at.get(j + 1)) / 2 : j > 0 ? z + (z - at.get(j - 1)) / 2 : right;
            from = Math.max(left, Math.min(from, to));
            to = Math.min(right, to);
            b.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\""
                    + " fill=\"%s\" fill-opacity=\"0.35\"/>%n", from, top, Math.max(0, to - from), ph,
                    VACUOUS_FILL));
            i = j + 1;
        }
    }

    private static void polyline(StringBuilder b, double[] xs, double[] ys, DoubleUnaryOperator px,
                                 DoubleUnaryOperator py, String color, boolean dashed) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < xs.length && i < ys.length; i++) {
            if (Double.isFinite(ys[i])) {
                pts.append(String.format(Locale.ROOT, "%.2f,%.2f ", px.applyAsDouble(xs[i]),
                        py.applyAsDouble(ys[i])));
            }
        }
        b.append("<polyline points=\"").append(pts.toString().trim()).append("\" fill=\"none\" stroke=\"")
                .append(color).append("\" stroke-width=\"2\"").append(dashed ? " stroke-dasharray=\"6,4\"" : "")
                .append("/>\n");
    }

    /**
     * The reference lines, with their labels in rows at the top of the plot: each label goes in the first row where
     * it does not overlap an earlier one, to the right of its line, or to the left when it would leave the plot.
     */
    private void markers(StringBuilder b, DoubleUnaryOperator px, double left, double right, double top) {
        List<Double> rowEnds = new ArrayList<>();
        for (Marker m : markers) {
            double xx = px.applyAsDouble(m.x());
            double w = TextWidth.of(m.label(), MARKER_FONT);
            double start = xx + 3 + w <= right - 2 ? xx + 3 : Math.max(left + 2, xx - 3 - w);
            int row = 0;
            while (row < rowEnds.size() && rowEnds.get(row) > start - 4) {
                row++;
            }
            if (row == rowEnds.size()) {
                rowEnds.add(start + w);
            } else {
                rowEnds.set(row, start + w);
            }
            b.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.1f\" x2=\"%.2f\" y2=\"%.1f\""
                    + " stroke=\"black\" stroke-dasharray=\"2,3\"/><text x=\"%.2f\" y=\"%.1f\""
                    + " font-size=\"%d\">%s</text>%n", xx, top, xx, top + PLOT_HEIGHT, start,
                    top + (row + 1) * (MARKER_FONT + 3), MARKER_FONT, esc(m.label())));
        }
    }

    /**
     * The legend below the plot, entries flowing left to right in rows; an entry wider than the figure wraps its
     * text. Returns the y coordinate below the last row.
     */
    private static double legend(StringBuilder b, List<LegendEntry> entries, double y) {
        double maxText = WIDTH - 2 * PAD - SWATCH - 8;
        double x = PAD;
        double rowHeight = 0;
        double lineHeight = LEGEND_FONT + 4;
        for (LegendEntry e : entries) {
            List<String> lines = TextWidth.wrap(e.name(), LEGEND_FONT, maxText);
            double w = SWATCH + 8 + TextWidth.widest(lines, LEGEND_FONT);
            if (x > PAD && x + w > WIDTH - PAD) {
                x = PAD;
                y += rowHeight + 6;
                rowHeight = 0;
            }
            double mid = y + lineHeight / 2;
            switch (e.kind()) {
                case "band", "vacuous" -> b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\""
                        + " width=\"%d\" height=\"10\" fill=\"%s\" fill-opacity=\"%s\"/>", x, mid - 5, SWATCH,
                        e.color(), e.kind().equals("band") ? "0.3" : "0.5"));
                default -> b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\""
                        + " y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"%s/>", x, mid, x + SWATCH, mid, e.color(),
                        e.kind().equals("dashed") ? " stroke-dasharray=\"6,4\"" : ""));
            }
            for (int k = 0; k < lines.size(); k++) {
                b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\">%s</text>",
                        x + SWATCH + 8, y + (k + 1) * lineHeight - 4, LEGEND_FONT, esc(lines.get(k))));
            }
            b.append('\n');
            rowHeight = Math.max(rowHeight, lines.size() * lineHeight);
            x += w + 18;
        }
        return y + rowHeight;
    }

    /** The label of an x tick at t on the axis' scale: a power of ten as 10 with a superscript on a log axis. */
    private String xTick(double t) {
        if (!logX) {
            return fmt(t);
        }
        if (t != Math.rint(t)) {
            return fmt(Math.pow(10, t));
        }
        String digits = Long.toString((long) t);
        String superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder b = new StringBuilder("10");
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            b.append(d >= 0 && d < superscripts.length() ? superscripts.charAt(d) : '⁻');
        }
        return b.toString();
    }

    /** The whole decades in [lo, hi] (on a log10 axis), thinned to at most about eight. */
    private static List<Double> decades(double lo, double hi) {
        double step = Math.max(1, Math.ceil((hi - lo) / 8));
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo); t <= hi + 1e-9 && out.size() < 20; t += step) {
            out.add(t);
        }
        return out;
    }

    /** About five "nice" ticks (1, 2 or 5 times a power of ten) covering [lo, hi]. */
    static List<Double> ticks(double lo, double hi) {
        double span = hi - lo;
        double raw = span / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9 && out.size() < 20; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return out;
    }

    /** A short tick or value label: plain with up to 4 decimals, scientific when very small or large. */
    static String fmt(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** XML text escaping. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
