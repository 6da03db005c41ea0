package org.loopbound.sweep;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import org.loopbound.plot.SvgHeatMap;
import org.loopbound.plot.SvgPlot;
import org.loopbound.spec.ResultIndex;

/**
 * The summary of a sweep: the main metrics (mean TV, the bound's upper end hi(B_g), the violation rate) against
 * the swept axes. Line plots show a metric over one numeric axis, one line per value of a second, short axis;
 * heat maps show it over pairs of axes. Where a plot has fewer axes than the grid, each point is the mean over the
 * other axes, and the plot says so. Records are added one by one in grid order; the files are a function of them.
 */
final class SweepSummary {

    /** Metric column → its title in plots. */
    private static final Map<String, String> METRICS = metricTitles();
    private static final int MAX_SERIES = 6;
    private static final int MAX_HEAT_MAPS = 6;

    private final Grid grid;
    private final List<String> metrics = new ArrayList<>();
    private final List<String> swept = new ArrayList<>();
    private final List<String> numeric = new ArrayList<>();
    private final Map<String, Map<String, Integer>> positions = new HashMap<>();
    /** "plot|xIndex|yIndex|metric" → running sum and count. */
    private final Map<String, Mean> sums = new HashMap<>();
    private final List<Plot> plots = new ArrayList<>();
    private long records;

    /** A running mean. */
    private static final class Mean {
        private double sum;
        private long count;
    }

    /** One figure: metric(s) over axis x, split (line plot) or crossed (heat map) by axis y, if any. */
    private record Plot(String id, String x, @Nullable String y, boolean heat) {
    }

    SweepSummary(Grid grid) {
        this.grid = grid;
        for (String m : CellRecord.columns(grid)) {
            if (METRICS.containsKey(m)) {
                metrics.add(m);
            }
        }
        for (Map.Entry<String, List<String>> a : grid.axes().entrySet()) {
            List<String> values = a.getValue();
            if (values.size() < 2) {
                continue;
            }
            swept.add(a.getKey());
            Map<String, Integer> pos = new HashMap<>();
            boolean isNumeric = true;
            for (int i = 0; i < values.size(); i++) {
                pos.put(values.get(i), i);
                isNumeric &= number(values.get(i)) != null;
            }
            positions.put(a.getKey(), pos);
            if (isNumeric) {
                numeric.add(a.getKey());
            }
        }
        for (String x : numeric) {
            String y = null;
            for (String s : swept) {
                if (!s.equals(x) && grid.axes().getOrDefault(s, List.of()).size() <= MAX_SERIES) {
                    y = s;
                    break;
                }
            }
            plots.add(new Plot("line-" + x, x, y, false));
        }
        for (int i = 0; i < swept.size(); i++) {
            for (int j = i + 1; j < swept.size() && plots.size() < numeric.size() + MAX_HEAT_MAPS; j++) {
                plots.add(new Plot("heat-" + swept.get(i) + "-" + swept.get(j), swept.get(i), swept.get(j), true));
            }
        }
    }

    /** Adds one cell's record. */
    void add(JsonObject record) {
        records++;
        // Parsed once per record, not once per plot: mean TV is an exact fraction of many digits.
        double[] values = metrics.stream().mapToDouble(m -> CellRecord.number(record, m)).toArray();
        for (Plot p : plots) {
            Integer xi = position(p.x(), record);
            String y = p.y();
            Integer yi = y == null ? Integer.valueOf(0) : position(y, record);
            if (xi == null || yi == null) {
                continue;
            }
            for (int k = 0; k < values.length; k++) {
                double v = values[k];
                if (Double.isFinite(v)) {
                    Mean s = sums.computeIfAbsent(p.id() + "|" + xi + "|" + yi + "|" + metrics.get(k),
                            key -> new Mean());
                    s.sum += v;
                    s.count++;
                }
            }
        }
    }

    private @Nullable Integer position(String axis, JsonObject record) {
        Map<String, Integer> pos = positions.get(axis);
        return pos == null ? null : pos.get(CellRecord.field(record, axis));
    }

    private double mean(String plot, int xi, int yi, String metric) {
        Mean s = sums.get(plot + "|" + xi + "|" + yi + "|" + metric);
        return s == null || s.count == 0 ? Double.NaN : s.sum / s.count;
    }

    /** File name → content: one SVG per plot and metric group, and index.html linking them. */
    Map<String, String> files() {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder figures = new StringBuilder();
        for (Plot p : plots) {
            String others = others(p);
            if (p.heat()) {
                String y = p.y();
                if (y == null) {
                    continue;
                }
                List<String> xs = grid.axes().getOrDefault(p.x(), List.of());
                List<String> ys = grid.axes().getOrDefault(y, List.of());
                for (String m : metrics) {
                    List<Double> v = new ArrayList<>();
                    for (int j = 0; j < ys.size(); j++) {
                        for (int i = 0; i < xs.size(); i++) {
                            v.add(mean(p.id(), i, j, m));
                        }
                    }
                    String name = p.id() + "-" + m.replace('_', '-') + ".svg";
                    out.put(name, new SvgHeatMap(METRICS.getOrDefault(m, m) + others, p.x(), y, xs, ys, v).render());
                    figures.append(figure(name, METRICS.getOrDefault(m, m) + " over " + p.x() + " × " + y + others));
                }
            } else {
                for (List<String> group : List.of(List.of("mean_tv", "bound_hi"), List.of("violation_rate"))) {
                    String svg = linePlot(p, group, others);
                    if (svg != null) {
                        String name = p.id() + "-" + group.get(0).replace('_', '-') + ".svg";
                        out.put(name, svg);
                        figures.append(figure(name, String.join(" and ", group) + " over " + p.x() + others));
                    }
                }
            }
        }
        out.put("index.html", html(figures.toString()));
        return out;
    }

    private @Nullable String linePlot(Plot p, List<String> group, String others) {
        List<String> wanted = new ArrayList<>();
        for (String m : group) {
            if (metrics.contains(m)) {
                wanted.add(m);
            }
        }
        if (wanted.isEmpty()) {
            return null;
        }
        List<String> xs = grid.axes().getOrDefault(p.x(), List.of());
        double[] x = new double[xs.size()];
        for (int i = 0; i < x.length; i++) {
            Rational r = number(xs.get(i));
            x[i] = r == null ? Double.NaN : r.doubleValue();
        }
        String y = p.y();
        List<String> ys = y == null ? List.of("") : grid.axes().getOrDefault(y, List.of());
        SvgPlot plot = new SvgPlot(String.join(", ", wanted) + others, p.x(), String.join(" / ", wanted));
        for (String m : wanted) {
            for (int j = 0; j < ys.size(); j++) {
                double[] v = new double[x.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = mean(p.id(), i, j, m);
                }
                String name = METRICS.getOrDefault(m, m) + (y == null ? "" : " (" + y + "=" + ys.get(j) + ")");
                if (m.equals("bound_hi")) {
                    plot.dashed(name, x, v);
                } else {
                    plot.line(name, x, v);
                }
            }
        }
        return plot.render();
    }

    private String others(Plot p) {
        List<String> rest = new ArrayList<>();
        for (String s : swept) {
            if (!s.equals(p.x()) && !s.equals(p.y())) {
                rest.add(s);
            }
        }
        return rest.isEmpty() ? "" : " (mean over " + String.join(", ", rest) + ")";
    }

    private static String figure(String file, String caption) {
        return "<figure><img src=\"" + file + "\" alt=\"" + esc(caption) + "\"><figcaption>" + esc(caption)
                + "</figcaption></figure>\n";
    }

    private String html(String figures) {
        ResultIndex index = ResultIndex.bundled();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>loopbound sweep ")
                .append(esc(grid.source())).append("</title>\n<style>body{font-family:sans-serif;max-width:70em;"
                        + "margin:2em auto}figure{display:inline-block;margin:1em}</style></head><body>\n");
        b.append("<h1>Sweep ").append(esc(grid.source())).append("</h1>\n");
        b.append("<p>").append(records).append(" cells; ").append(grid.replicates()).append(" replicates per cell;"
                + " seed ").append(grid.seed()).append(". Metrics are those of the last generation g of each"
                + " cell. Rows: <a href=\"../results.csv\">results.csv</a>,"
                + " <a href=\"../results.jsonl\">results.jsonl</a>.</p>\n");
        b.append("<p>Bound: ").append(esc(index.get("R3").headline())).append(" with EPS-EMP ")
                .append(esc(index.get("EPS-EMP").label().tag())).append(" (McDiarmid's inequality [imported]):"
                        + " this project's reconstruction, not the paper's own theorem. hi(B_g) is the upper end of"
                        + " its certified enclosure. Mean TV: exact mean over replicates (plotted in double"
                        + " precision). Violation rate: fraction of replicates with TV &gt; hi(B_g).</p>\n");
        b.append("<p>Fixed: ").append(esc(grid.fixed().toString())).append("; swept: ")
                .append(esc(grid.axes().keySet().toString())).append(".</p>\n");
        b.append(figures.isEmpty() ? "<p>No plots: no axis has two or more values.</p>\n" : figures);
        b.append("</body></html>\n");
        return b.toString();
    }

    private static @Nullable Rational number(String text) {
        try {
            return Rational.parse(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, String> metricTitles() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mean_tv", "mean TV");
        m.put("bound_hi", "hi(B_g)");
        m.put("violation_rate", "violation rate");
        return m;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
