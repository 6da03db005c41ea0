package org.loopbound.sweep;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Rational;
import org.loopbound.arith.Rounding;
import org.loopbound.sim.GenerationSummary;
import org.loopbound.sim.ReplicateResult;
import org.loopbound.sim.SimulationConfig;
import org.loopbound.sim.SimulationSummary;
import org.loopbound.sim.Simulator;
import org.loopbound.sim.Verdict;

/**
 * The result of one cell as one line of compact JSON: the cell key, its parameters, replicates and seed, then the
 * metrics of the last generation g. This line is the stored record, the JSON-lines row and the source of the CSV
 * row; it is computed by {@link #compute} alone, whichever engine calls it, so every engine writes the same bytes.
 *
 * <p>Exact values print as p/q; certified enclosures as decimal ends rounded outward (12 significant digits);
 * double-precision statistics (confidence intervals, diversity, p-values) as decimals with 10 significant digits,
 * interval ends rounded outward.
 */
public final class CellRecord {

    /** Significant digits of bound ends. */
    public static final int BOUND_DIGITS = 12;
    private static final int STAT_DIGITS = 10;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** The metric columns of each output, in row order. */
    private static final Map<Grid.Output, List<String>> COLUMNS = Map.of(
            Grid.Output.BOUND, List.of("bound_lo", "bound_hi"),
            Grid.Output.SIMULATION, List.of("mean_tv", "mean_tv_decimal", "tv_ci_lo", "tv_ci_hi", "tv_median",
                    "tv_p90", "tv_max", "gini_simpson", "atoms_lost"),
            Grid.Output.VERDICT, List.of("failure_probability", "violations", "violation_rate", "violation_ci_lo",
                    "violation_ci_hi", "p_value", "verdict", "failing_generations"));

    private CellRecord() {
    }

    /**
     * Computes the cell: the certified bound B_g and, when the grid asks for simulation or verdict output, the
     * replicates 0..R−1 one after the other (one thread; engines parallelise across cells) with the streams of
     * {@link Cell#cellSeed}, summarised by {@link SimulationSummary}.
     */
    public static String compute(Grid grid, Cell cell) {
        SimulationConfig c = cell.config(grid.seed(), grid.replicates());
        int g = c.generations();
        JsonObject o = new JsonObject();
        o.addProperty("key", cell.key());
        JsonObject params = new JsonObject();
        for (Map.Entry<String, String> e : cell.parameters().entrySet()) {
            params.addProperty(e.getKey(), e.getValue());
        }
        o.add("parameters", params);
        o.addProperty("replicates", grid.replicates());
        o.addProperty("seed", Long.toString(grid.seed()));
        List<Certified> bounds = c.bounds();
        Certified bound = bounds == null ? null : bounds.get(g);
        o.addProperty("bound_lo", bound == null ? "" : bound.enclosure().lo().toDecimalString(BOUND_DIGITS,
                Rounding.DOWN));
        o.addProperty("bound_hi", bound == null ? "" : bound.enclosure().hi().toDecimalString(BOUND_DIGITS,
                Rounding.UP));
        if (grid.simulates()) {
            Simulator sim = new Simulator(c);
            List<ReplicateResult> results = new ArrayList<>();
            for (int j = 0; j < c.replicates(); j++) {
                results.add(sim.runReplicate(j, null));
            }
            SimulationSummary summary = SimulationSummary.of(c, results);
            GenerationSummary s = summary.generation(g);
            if (s == null) {
                throw new IllegalStateException("no summary of generation " + g);
            }
            o.addProperty("mean_tv", s.meanTv().toString());
            o.addProperty("mean_tv_decimal", s.meanTv().toDecimal(BOUND_DIGITS, Rounding.DOWN).toString());
            o.addProperty("tv_ci_lo", decimal(s.tvCiLo(), RoundingMode.FLOOR));
            o.addProperty("tv_ci_hi", decimal(s.tvCiHi(), RoundingMode.CEILING));
            o.addProperty("tv_median", s.tvMedian().toString());
            o.addProperty("tv_p90", s.tvP90().toString());
            o.addProperty("tv_max", s.tvMax().toString());
            o.addProperty("gini_simpson", decimal(s.giniSimpson(), RoundingMode.HALF_EVEN));
            o.addProperty("atoms_lost", s.atomsLost().toString());
            o.addProperty("failure_probability", s.failureProbability().toString());
            o.addProperty("violations", s.violations());
            o.addProperty("violation_rate", s.violationRate().toString());
            o.addProperty("violation_ci_lo", decimal(s.violationCiLo(), RoundingMode.FLOOR));
            o.addProperty("violation_ci_hi", decimal(s.violationCiHi(), RoundingMode.CEILING));
            o.addProperty("p_value", decimal(s.pValue(), RoundingMode.HALF_EVEN));
            o.addProperty("verdict", s.verdict().text());
            int failing = 0;
            for (GenerationSummary x : summary.generations()) {
                failing += x.verdict() == Verdict.FAIL ? 1 : 0;
            }
            o.addProperty("failing_generations", failing);
        }
        return GSON.toJson(o);
    }

    /**
     * What determines a record besides the code: the cell key, replicates, seed and whether it simulates. The store
     * addresses records by a hash of this text, so a record is reused exactly when it would be recomputed the same.
     */
    public static String identity(Grid grid, Cell cell) {
        return cell.key() + "|replicates=" + grid.replicates() + "|seed=" + grid.seed() + "|simulate="
                + grid.simulates();
    }

    /** The key stored in a record line, or {@code null} when the line is not a record. */
    public static @Nullable String keyOf(String line) {
        try {
            JsonElement e = JsonParser.parseString(line);
            if (!e.isJsonObject()) {
                return null;
            }
            JsonElement k = e.getAsJsonObject().get("key");
            return k == null || !k.isJsonPrimitive() ? null : k.getAsString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The metric columns of the grid's outputs, in row order. */
    public static List<String> columns(Grid grid) {
        List<String> out = new ArrayList<>();
        for (Grid.Output o : Grid.Output.values()) {
            if (grid.outputs().contains(o)) {
                out.addAll(COLUMNS.getOrDefault(o, List.of()));
            }
        }
        return out;
    }

    /** The text of a metric or parameter of a record ("" when absent). */
    public static String field(JsonObject record, String name) {
        JsonElement e = record.get(name);
        if (e == null) {
            JsonElement p = record.get("parameters");
            e = p != null && p.isJsonObject() ? p.getAsJsonObject().get(name) : null;
        }
        return e == null || !e.isJsonPrimitive() ? "" : e.getAsString();
    }

    /** A metric as a double for plots: p/q and decimals exactly parsed, then rounded; NaN when absent. */
    public static double number(JsonObject record, String name) {
        String t = field(record, name);
        if (t.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Rational.parse(t).doubleValue();
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String decimal(double x, RoundingMode mode) {
        if (Double.isNaN(x)) {
            return "";
        }
        return x == 0 ? "0" : new BigDecimal(x).round(new MathContext(STAT_DIGITS, mode)).stripTrailingZeros()
                .toString();
    }
}
