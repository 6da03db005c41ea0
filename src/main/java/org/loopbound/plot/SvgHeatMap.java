package org.loopbound.plot;

import java.util.List;
import java.util.Locale;

/**
 * A small, deterministic SVG heat map over two categorical axes (e.g. the values of two swept parameters): one
 * colored cell per (x, y) with its value printed when the map is small, empty cells for missing values (NaN), and a
 * color bar from the smallest to the largest value. Same input, same bytes.
 */
public final class SvgHeatMap {

    private static final int MIN_LEFT = 90;
    private static final int MIN_TOP = 40;
    private static final int BOTTOM = 56;
    private static final int BAR = 90;
    private static final int CELL_MAX = 56;
    private static final int PLOT = 480;
    /** Perceptually ordered color stops (viridis at 0, 1/4, 1/2, 3/4, 1). */
    private static final List<int[]> StopS = List.of(new int[] {68, 1, 84}, new int[] {59, 82, 139},
            new int[] {33, 145, 140}, new int[] {94, 201, 98}, new int[] {253, 231, 37});

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<String> xs;
    private final List<String> ys;
    private final List<Double> values;

    /**
     * A heat map with {@code values} in row-major order: the value at (xs[i], ys[j]) is {@code values[j·|xs| + i]};
     * NaN marks a missing value.
     *
     * @throws IllegalArgumentException when {@code values} does not have |xs|·|ys| entries or an axis is empty
     */
    public SvgHeatMap(String title, String xLabel, String yLabel, List<String> xs, List<String> ys,
                      List<Double> values) {
        if (xs.isEmpty() || ys.isEmpty() || values.size() != xs.size() * ys.size()) {
            throw new IllegalArgumentException("a heat map needs |xs|*|ys| values, got " + values.size() + " for "
                    + xs.size() + "x" + ys.size());
        }
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.xs = List.copyOf(xs);
        this.ys = List.copyOf(ys);
        this.values = List.copyOf(values);
    }

    /** The SVG document. */
    public String render() {
        int nx = xs.size();
        int ny = ys.size();
        double cw = Math.min(CELL_MAX, (double) PLOT / nx);
        double ch = Math.min(CELL_MAX, (double) PLOT / ny);
        double pw = cw * nx;
        double ph = ch * ny;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        // Margins from the conservative text widths, so that no label leaves the figure.
        double yTicks = TextWidth.widest(ys, 11);
        double barLabels = lo <= hi ? Math.max(TextWidth.of(SvgPlot.fmt(lo), 11), TextWidth.of(SvgPlot.fmt(hi), 11))
                : 0;
        List<String> yLabelLines = TextWidth.wrap(yLabel, 11, ph);
        double left = Math.ceil(Math.max(MIN_LEFT, 4 + 14 * yLabelLines.size() + 6 + yTicks + 6));
        int width = (int) Math.ceil(Math.max(Math.max(480, left + pw + BAR + 40), left + pw + 38 + barLabels + 10));
        List<String> titleLines = TextWidth.wrap(title, 14, width - 20);
        List<String> xLabelLines = TextWidth.wrap(xLabel, 11, width - 20);
        double top = MIN_TOP + 18 * (titleLines.size() - 1);
        int height = (int) Math.ceil(top + ph + BOTTOM + 15 * (xLabelLines.size() - 1));
        boolean labels = nx <= 12 && ny <= 12;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
                + " width=\"100%%\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"11\">%n", width,
                height));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int k = 0; k < titleLines.size(); k++) {
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"14\">"
                    + "%s</text>%n", width / 2, 20 + 18 * k, SvgPlot.esc(titleLines.get(k))));
        }
        for (int j = 0; j < ny; j++) {
            // y values grow upwards, as on a plot.
            double y = top + ph - (j + 1) * ch;
            for (int i = 0; i < nx; i++) {
                double v = values.get(j * nx + i);
                double x = left + i * cw;
                if (!Double.isFinite(v)) {
                    b.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\""
                            + " fill=\"#eee\"/>%n", x, y, cw, ch));
                    continue;
                }
                double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
                b.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\""
                        + " fill=\"%s\"><title>%s</title></rect>%n", x, y, cw, ch, color(t), SvgPlot.fmt(v)));
                if (labels) {
                    b.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\""
                            + " font-size=\"9\" fill=\"%s\">%s</text>%n", x + cw / 2, y + ch / 2 + 3,
                            t > 0.6 ? "black" : "white", SvgPlot.fmt(v)));
                }
            }
        }
        int step = Math.max(1, (int) Math.ceil(nx / 12.0));
        for (int i = 0; i < nx; i += step) {
            b.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">%s</text>%n",
                    left + (i + 0.5) * cw, top + ph + 14, SvgPlot.esc(xs.get(i))));
        }
        step = Math.max(1, (int) Math.ceil(ny / 16.0));
        for (int j = 0; j < ny; j += step) {
            b.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"end\">%s</text>%n",
                    left - 6, top + ph - (j + 0.5) * ch + 4, SvgPlot.esc(ys.get(j))));
        }
        for (int k = 0; k < xLabelLines.size(); k++) {
            b.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">%s</text>%n",
                    width / 2.0, top + ph + 36 + 15 * k, SvgPlot.esc(xLabelLines.get(k))));
        }
        for (int k = 0; k < yLabelLines.size(); k++) {
            b.append(String.format(Locale.ROOT, "<text transform=\"translate(%d,%.2f) rotate(-90)\""
                    + " text-anchor=\"middle\">%s</text>%n", 16 + 14 * k, top + ph / 2,
                    SvgPlot.esc(yLabelLines.get(k))));
        }
        double bx = left + pw + 20;
        int steps = 20;
        for (int s = 0; s < steps; s++) {
            double y = top + ph - (s + 1) * ph / steps;
            b.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"14\" height=\"%.2f\""
                    + " fill=\"%s\"/>%n", bx, y, ph / steps + 0.5, color((s + 0.5) / steps)));
        }
        if (lo <= hi) {
            b.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\">%s</text>%n", bx + 18, top + ph,
                    SvgPlot.fmt(lo)));
            b.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\">%s</text>%n", bx + 18, top + 10,
                    SvgPlot.fmt(hi)));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static String color(double t) {
        double u = Math.max(0, Math.min(1, t)) * (StopS.size() - 1);
        int i = Math.min(StopS.size() - 2, (int) Math.floor(u));
        double f = u - i;
        int[] a = StopS.get(i);
        int[] c = StopS.get(i + 1);
        StringBuilder b = new StringBuilder("#");
        for (int k = 0; k < 3 && k < a.length && k < c.length; k++) {
            b.append(String.format(Locale.ROOT, "%02x", (int) Math.round(a[k] + f * (c[k] - a[k]))));
        }
        return b.toString();
    }
}
