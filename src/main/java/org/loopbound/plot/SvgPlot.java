package org.loopbound.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small, deterministic SVG line plot: series with markers, shaded bands (confidence or enclosure bands),
 * vertical reference lines with labels, axes with ticks and labelled units, a legend. Same input, same bytes.
 */
public final class SvgPlot {

    private static final List<String> COLORS = List.of("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e",
            "#17becf", "#8c564b", "#e377c2");
    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int LEFT = 72;
    private static final int RIGHT = 170;
    private static final int TOP = 36;
    private static final int BOTTOM = 52;

    private record Series(String name, double[] x, double[] y, boolean dashed, boolean markers) {
    }

    private record Band(String name, double[] x, double[] lo, double[] hi) {
    }

    private record Marker(double x, String label) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
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
     * @return a plot with the chart's lines, bands, markers and x scale, in their order
     */
    public static SvgPlot of(Chart chart) {
        SvgPlot p = new SvgPlot(chart.title(), chart.xLabel(), chart.yLabel());
        for (Chart.Line l : chart.lines()) {
            p.series.add(new Series(l.name(), l.x(), l.y(), l.dashed(), !l.dashed()));
        }
        for (Chart.Band b : chart.bands()) {
            p.band(b.name(), b.x(), b.lo(), b.hi());
        }
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

    /** The SVG document. */
    public String render() {
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length && i < s.y().length; i++) {
                if (Double.isFinite(s.y()[i])) {
                    xmin = Math.min(xmin, tx(s.x()[i]));
                    xmax = Math.max(xmax, tx(s.x()[i]));
                    ymin = Math.min(ymin, s.y()[i]);
                    ymax = Math.max(ymax, s.y()[i]);
                }
            }
        }
        for (Band b : bands) {
            for (int i = 0; i < b.x().length && i < b.lo().length && i < b.hi().length; i++) {
                xmin = Math.min(xmin, tx(b.x()[i]));
                xmax = Math.max(xmax, tx(b.x()[i]));
                ymin = Math.min(ymin, b.lo()[i]);
                ymax = Math.max(ymax, b.hi()[i]);
            }
        }
        for (Marker m : markers) {
            xmin = Math.min(xmin, tx(m.x()));
            xmax = Math.max(xmax, tx(m.x()));
        }
        if (!(xmin < xmax)) {
            xmin = xmin - 1;
            xmax = xmin + 2;
        }
        if (!(ymin < ymax)) {
            ymin = ymin - 1;
            ymax = ymin + 2;
        }
        ymin = Math.min(ymin, 0);
        double pad = (ymax - ymin) * 0.05;
        ymax += pad;
        final double x0 = xmin;
        final double x1 = xmax;
        final double y0 = ymin;
        final double y1 = ymax;
        int pw = WIDTH - LEFT - RIGHT;
        int ph = HEIGHT - TOP - BOTTOM;
        java.util.function.DoubleUnaryOperator px = v -> LEFT + (tx(v) - x0) / (x1 - x0) * pw;
        java.util.function.DoubleUnaryOperator py = v -> TOP + ph - (v - y0) / (y1 - y0) * ph;

        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append("<text x=\"").append(WIDTH / 2).append("\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">")
                .append(esc(title)).append("</text>\n");
        // axes and ticks
        b.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(pw)
                .append("\" height=\"").append(ph).append("\" fill=\"none\" stroke=\"black\"/>\n");
        for (double t : ticks(y0, y1)) {
            double yy = py.applyAsDouble(t);
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.2f\" x2=\"%d\" y2=\"%.2f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.2f\" text-anchor=\"end\">%s</text>%n", LEFT, yy, LEFT + pw, yy,
                    LEFT - 6, yy + 4, fmt(t)));
        }
        for (double t : ticks(x0, x1)) {
            double v = logX ? Math.pow(10, t) : t;
            double xx = LEFT + (t - x0) / (x1 - x0) * pw;
            b.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"#ddd\"/>"
                    + "<text x=\"%.2f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", xx, TOP, xx, TOP + ph, xx,
                    TOP + ph + 16, fmt(v)));
        }
        b.append("<text x=\"").append(LEFT + pw / 2).append("\" y=\"").append(HEIGHT - 12)
                .append("\" text-anchor=\"middle\">").append(esc(xLabel)).append("</text>\n");
        b.append("<text transform=\"translate(16,").append(TOP + ph / 2).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(esc(yLabel)).append("</text>\n");
        int legendY = TOP + 8;
        int color = 0;
        for (Band band : bands) {
            String c = COLORS.get(color++ % COLORS.size());
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < band.x().length && i < band.hi().length; i++) {
                pts.append(String.format(Locale.ROOT, "%.2f,%.2f ", px.applyAsDouble(band.x()[i]),
                        py.applyAsDouble(band.hi()[i])));
            }
            for (int i = Math.min(band.x().length, band.lo().length) - 1; i >= 0; i--) {
                pts.append(String.format(Locale.ROOT, "%.2f,%.2f ", px.applyAsDouble(band.x()[i]),
                        py.applyAsDouble(band.lo()[i])));
            }
            b.append("<polygon points=\"").append(pts.toString().trim()).append("\" fill=\"").append(c)
                    .append("\" fill-opacity=\"0.2\" stroke=\"none\"/>\n");
            legendY = legend(b, legendY, c, band.name(), "band");
        }
        for (Series s : series) {
            String c = COLORS.get(color++ % COLORS.size());
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < s.x().length && i < s.y().length; i++) {
                if (Double.isFinite(s.y()[i])) {
                    pts.append(String.format(Locale.ROOT, "%.2f,%.2f ", px.applyAsDouble(s.x()[i]),
                            py.applyAsDouble(s.y()[i])));
                }
            }
            b.append("<polyline points=\"").append(pts.toString().trim()).append("\" fill=\"none\" stroke=\"")
                    .append(c).append("\" stroke-width=\"2\"").append(s.dashed() ? " stroke-dasharray=\"6,4\"" : "")
                    .append("/>\n");
            if (s.markers()) {
                for (int i = 0; i < s.x().length && i < s.y().length; i++) {
                    if (Double.isFinite(s.y()[i])) {
                        b.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"2.5\" fill=\"%s\"/>%n",
                                px.applyAsDouble(s.x()[i]), py.applyAsDouble(s.y()[i]), c));
                    }
                }
            }
            legendY = legend(b, legendY, c, s.name(), s.dashed() ? "dashed" : "line");
        }
        for (Marker m : markers) {
            double xx = px.applyAsDouble(m.x());
            b.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%d\" x2=\"%.2f\" y2=\"%d\" stroke=\"black\""
                    + " stroke-dasharray=\"2,3\"/><text x=\"%.2f\" y=\"%d\" font-size=\"10\">%s</text>%n",
                    xx, TOP, xx, TOP + ph, xx + 3, TOP + 12, esc(m.label())));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private int legend(StringBuilder b, int y, String color, String name, String kind) {
        int x = WIDTH - RIGHT + 10;
        if (kind.equals("band")) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"18\" height=\"10\" fill=\"%s\""
                    + " fill-opacity=\"0.3\"/>", x, y - 8, color));
        } else {
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"2\"%s/>", x, y - 3, x + 18, y - 3, color,
                    kind.equals("dashed") ? " stroke-dasharray=\"6,4\"" : ""));
        }
        b.append("<text x=\"").append(x + 24).append("\" y=\"").append(y + 1).append("\" font-size=\"11\">")
                .append(esc(name)).append("</text>\n");
        return y + 16;
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
