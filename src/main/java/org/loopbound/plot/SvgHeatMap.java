package org.loopbound.plot;

import java.util.List;
import java.util.Locale;

/**
 * A small, deterministic SVG heat map over two categorical axes (e.g. the values of two swept parameters): one
 * colored cell per (x, y) with its value printed when the map is small, empty cells for missing values (NaN), and a
 * color bar from the smallest to the largest value. Same input, same bytes.
 */
public final class SvgHeatMap {

    private static final int LEFT = 90;
    private static final int TOP = 40;
    private static final int BOTTOM = 56;
    private static final int BAR = 90;
    private static final int CELL_MAX = 56;
    private static final int PLOT = 480;
    /** Perceptually ordered color stops (viridis at 0, 1/4, 1/2, 3/4, 1). */
    private static final List<int[]> STOPS = List.of(new int[] {68, 1, 84}, new int[] {59, 82, 139},
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
        int width = Math.max(480, (int) Math.ceil(LEFT + pw + BAR + 40));
        int height = (int) Math.ceil(TOP + ph + BOTTOM);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        boolean labels = nx <= 12 && ny <= 12;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width,
                height));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">%s"
                + "</text>%n", width / 2, SvgPlot.esc(title)));
        for (int j = 0; j < ny; j++) {
            // y values grow upwards, as on a plot.
            double y = TOP + ph - (j + 1) * ch;
            for (int i = 0; i < nx; i++) {
                double v = values.get(j * nx + i);
                double x = LEFT + i * cw;
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
                    LEFT + (i + 0.5) * cw, TOP + ph + 14, SvgPlot.esc(xs.get(i))));
        }
        step = Math.max(1, (int) Math.ceil(ny / 16.0));
        for (int j = 0; j < ny; j += step) {
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.2f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, TOP + ph - (j + 0.5) * ch + 4, SvgPlot.esc(ys.get(j))));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">%s</text>%n",
                LEFT + pw / 2, TOP + ph + 36, SvgPlot.esc(xLabel)));
        b.append(String.format(Locale.ROOT, "<text transform=\"translate(16,%.2f) rotate(-90)\""
                + " text-anchor=\"middle\">%s</text>%n", TOP + ph / 2, SvgPlot.esc(yLabel)));
        double bx = LEFT + pw + 20;
        int steps = 20;
        for (int s = 0; s < steps; s++) {
            double y = TOP + ph - (s + 1) * ph / steps;
            b.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"14\" height=\"%.2f\""
                    + " fill=\"%s\"/>%n", bx, y, ph / steps + 0.5, color((s + 0.5) / steps)));
        }
        if (lo <= hi) {
            b.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\">%s</text>%n", bx + 18, TOP + ph,
                    SvgPlot.fmt(lo)));
            b.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\">%s</text>%n", bx + 18, TOP + 10,
                    SvgPlot.fmt(hi)));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static String color(double t) {
        double u = Math.max(0, Math.min(1, t)) * (STOPS.size() - 1);
        int i = Math.min(STOPS.size() - 2, (int) Math.floor(u));
        double f = u - i;
        int[] a = STOPS.get(i);
        int[] c = STOPS.get(i + 1);
        StringBuilder b = new StringBuilder("#");
        for (int k = 0; k < 3 && k < a.length && k < c.length; k++) {
            b.append(String.format(Locale.ROOT, "%02x", (int) Math.round(a[k] + f * (c[k] - a[k]))));
        }
        return b.toString();
    }
}
