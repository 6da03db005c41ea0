package org.loopbound.sweep;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import org.loopbound.io.StrictJson;
import org.loopbound.param.Domain;
import org.loopbound.param.ParameterException;
import org.loopbound.run.Workers;
import org.loopbound.sim.SimulationConfig;

/**
 * A parsed and validated sweep grid (schema in spec/sweep.md): fixed parameters, swept axes (lists or exact
 * ranges), replicates, seed and the outputs wanted. Every value is checked against its parameter's domain while
 * parsing; an error names the file, the line and the field ({@code grid.json:7: axes.lambda[2]: lambda must be in
 * [0, 1], got 3/2}). {@link #validateCells} then checks every combination.
 *
 * <p>Cells are enumerated in a fixed order, axes by name with the last one varying fastest; {@link #cell} decodes a
 * position directly, so engines can ship positions instead of cells.
 */
public final class Grid {

    /** Most cells a grid may have. */
    public static final long MAX_CELLS = 10_000_000L;
    /** Most values one axis may have. */
    public static final int MAX_AXIS_VALUES = 1_000_000;

    private static final Pattern LINE = Pattern.compile(" at line (\\d+) ");
    private static final Pattern OPTION = Pattern.compile("--([a-z])");

    private final String source;
    private final String text;
    private final SortedMap<String, String> fixed;
    private final SortedMap<String, List<String>> axes;
    private final Map<String, Integer> lines;
    private final int replicates;
    private final long seed;
    private final Set<Output> outputs;
    private final long cellCount;

    private Grid(String source, String text, SortedMap<String, String> fixed, SortedMap<String, List<String>> axes,
                 Map<String, Integer> lines, int replicates, long seed, Set<Output> outputs, long cellCount) {
        this.source = source;
        this.text = text;
        this.fixed = Collections.unmodifiableSortedMap(fixed);
        this.axes = Collections.unmodifiableSortedMap(axes);
        this.lines = Collections.unmodifiableMap(lines);
        this.replicates = replicates;
        this.seed = seed;
        this.outputs = Collections.unmodifiableSet(outputs);
        this.cellCount = cellCount;
    }

    /** What a sweep reports per cell. */
    public enum Output {
        /** The certified R3 bound B_g of the last generation (no simulation needed). */
        BOUND("bound"),
        /** Monte Carlo summary of the last generation: mean TV and its interval, quantiles, diversity. */
        SIMULATION("simulation"),
        /** The violation count, rate and binomial-test verdict of the last generation and all generations. */
        VERDICT("verdict");

        private final String key;

        Output(String key) {
            this.key = key;
        }

        /** The name in grid files. */
        public String key() {
            return key;
        }
    }

    /**
     * Parses and checks a grid file's text. {@code source} is the name used in error messages.
     *
     * @throws IllegalArgumentException {@code source:line: field: message} for malformed JSON, unknown or duplicate
     *     fields, values outside their domain, a parameter both fixed and swept, empty axes, too many cells
     */
    public static Grid parse(String text, String source) {
        JsonReader r = new JsonReader(new StringReader(text));
        r.setStrictness(Strictness.STRICT);
        Parser p = new Parser(r, source);
        try {
            return p.grid(text);
        } catch (IOException | IllegalStateException e) {
            // MalformedJsonException is an IOException; gson reports some structural errors as IllegalStateException.
            // Both are described as every strict JSON reader of loopbound describes them.
            throw p.error("json", StrictJson.describe(e));
        }
    }

    /** The file name given to {@link #parse}. */
    public String source() {
        return source;
    }

    /** The grid file's text as parsed (engines that run elsewhere re-parse it). */
    public String text() {
        return text;
    }

    /** Fixed parameters, canonical texts, by name (defaults not included). */
    public SortedMap<String, String> fixed() {
        return fixed;
    }

    /** Swept axes: name → canonical values in the file's order. */
    public SortedMap<String, List<String>> axes() {
        return axes;
    }

    /** Replicates per cell. */
    public int replicates() {
        return replicates;
    }

    /** The sweep seed; each cell derives its own from it and its key. */
    public long seed() {
        return seed;
    }

    /** The outputs wanted. */
    public Set<Output> outputs() {
        return outputs;
    }

    /** Whether the cells need the Monte Carlo simulation (simulation or verdict output). */
    public boolean simulates() {
        return outputs.contains(Output.SIMULATION) || outputs.contains(Output.VERDICT);
    }

    /** The number of cells, the product of the axis lengths. */
    public long cellCount() {
        return cellCount;
    }

    /** The cell at position {@code index} (mixed radix over the axes in name order, the last one fastest). */
    public Cell cell(long index) {
        if (index < 0 || index >= cellCount) {
            throw new IndexOutOfBoundsException("cell " + index + " of " + cellCount);
        }
        Map<String, String> values = new HashMap<>();
        for (SweepParameter p : SweepParameter.values()) {
            String d = p.defaultValue();
            if (d != null) {
                values.put(p.key(), d);
            }
        }
        values.putAll(fixed);
        List<String> names = new ArrayList<>(axes.keySet());
        long rest = index;
        for (int a = names.size() - 1; a >= 0; a--) {
            String name = names.get(a);
            List<String> v = axes.getOrDefault(name, List.of());
            int size = v.size();
            values.put(name, v.get((int) (rest % size)));
            rest /= size;
        }
        return Cell.of(index, values);
    }

    /**
     * Checks that every cell is a valid simulation (the combination of its values: required parameters present,
     * stratified draws whole, sizes within bounds). Runs before any cell is computed, on {@code threads} workers;
     * the cell reported is the first bad one in grid order, whatever the thread count.
     *
     * @param threads the number of workers, in [1, {@value Workers#MAX_THREADS}]
     * @throws IllegalArgumentException naming the file, the lines of the fields involved, the first bad cell and
     *     the reason
     * @throws InterruptedException when interrupted
     */
    public void validateCells(int threads) throws InterruptedException {
        // Cells after one already found bad are skipped, every cell before it is checked: so the lowest bad index
        // is the same with any number of workers. Its message is made by checking that cell once more.
        AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        Workers.forEach(Math.toIntExact(cellCount), threads, "validate", i -> {
            if (i < first.get() && problem(i) != null) {
                first.accumulateAndGet(i, Math::min);
            }
        });
        long bad = first.get();
        if (bad != Long.MAX_VALUE) {
            RuntimeException e = problem(bad);
            Cell c = cell(bad);
            throw new IllegalArgumentException(source + ":" + linesOf(c) + ": cell " + bad + " {" + c.key()
                    + "}: " + unflag(e == null ? null : e.getMessage()), e);
        }
    }

    /** Why cell {@code i} is invalid, or {@code null} when it is valid. */
    private @Nullable RuntimeException problem(long i) {
        try {
            cell(i).check();
            return null;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return e;
        }
    }

    private String linesOf(Cell c) {
        SortedSet<Integer> found = new TreeSet<>();
        for (String name : c.parameters().keySet()) {
            Integer l = lines.get(name);
            if (l != null && axes.containsKey(name)) {
                found.add(l);
            }
        }
        if (found.isEmpty()) {
            found.add(lines.getOrDefault("parameters", 1));
        }
        StringBuilder b = new StringBuilder();
        for (int l : found) {
            b.append(b.length() == 0 ? "" : ",").append(l);
        }
        return b.toString();
    }

    /** Messages of the shared validation name command-line options; in a grid the same names have no dashes. */
    static String unflag(@Nullable String message) {
        return message == null ? "invalid" : OPTION.matcher(message).replaceAll("$1");
    }

    /** The streaming parser; it keeps the reader to report the line of every error. */
    private static final class Parser {
        private final JsonReader r;
        private final String source;
        private final Map<String, Integer> lines = new HashMap<>();

        Parser(JsonReader r, String source) {
            this.r = r;
            this.source = source;
        }

        int line() {
            Matcher m = LINE.matcher(r.toString());
            if (!m.find()) {
                return 0;
            }
            String g = m.group(1);
            return g == null ? 0 : Integer.parseInt(g);
        }

        IllegalArgumentException error(String field, @Nullable String message) {
            return new IllegalArgumentException(source + ":" + line() + ": " + field + ": " + unflag(message));
        }

        Grid grid(String text) throws IOException {
            SortedMap<String, String> fixed = new TreeMap<>();
            SortedMap<String, List<String>> axes = new TreeMap<>();
            int replicates = 100;
            long seed = 1;
            Set<Output> outputs = EnumSet.allOf(Output.class);
            Set<String> seen = new HashSet<>();
            if (r.peek() != JsonToken.BEGIN_OBJECT) {
                throw error("grid", "the file must be one JSON object with parameters, axes, replicates, seed,"
                        + " outputs");
            }
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                if (!seen.add(name)) {
                    throw error(name, "duplicate field");
                }
                switch (name) {
                    case "parameters":
                        lines.put("parameters", line());
                        parameters(fixed);
                        break;
                    case "axes":
                        axes(axes);
                        break;
                    case "replicates": {
                        String v = scalar(name);
                        replicates = integer(name, v, 1, SimulationConfig.MAX_REPLICATES);
                        break;
                    }
                    case "seed": {
                        String v = scalar(name);
                        try {
                            seed = Domain.parse(Domain.LONGS, true).parse(name, v).numerator().longValueExact();
                        } catch (ParameterException e) {
                            throw error(name, e.getMessage());
                        }
                        break;
                    }
                    case "outputs":
                        outputs = outputs();
                        break;
                    default:
                        throw error(name, "unknown field (allowed: parameters, axes, replicates, seed, outputs)");
                }
            }
            r.endObject();
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw error("grid", "text after the grid object");
            }
            for (String a : axes.keySet()) {
                if (fixed.containsKey(a)) {
                    throw new IllegalArgumentException(source + ":" + lines.getOrDefault(a, 0) + ": axes." + a
                            + ": " + a + " is also a fixed parameter; give it in one place only");
                }
            }
            long cells = 1;
            for (List<String> v : axes.values()) {
                cells *= v.size();
                if (cells > MAX_CELLS) {
                    throw new IllegalArgumentException(source + ":" + lines.getOrDefault("axes", 0)
                            + ": axes: the grid has more than " + MAX_CELLS + " cells");
                }
            }
            return new Grid(source, text, fixed, axes, lines, replicates, seed, outputs, cells);
        }

        void parameters(Map<String, String> fixed) throws IOException {
            expect(JsonToken.BEGIN_OBJECT, "parameters", "an object of name: value");
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                String field = "parameters." + name;
                SweepParameter p = known(name, field);
                if (fixed.containsKey(name)) {
                    throw error(field, "duplicate field");
                }
                String raw = scalar(field);
                lines.putIfAbsent(name, line());
                fixed.put(name, canonical(p, raw, field));
            }
            r.endObject();
        }

        void axes(Map<String, List<String>> axes) throws IOException {
            lines.put("axes", line());
            expect(JsonToken.BEGIN_OBJECT, "axes", "an object of name: [values] or name: {from, to, step}");
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                String field = "axes." + name;
                SweepParameter p = known(name, field);
                if (axes.containsKey(name)) {
                    throw error(field, "duplicate field");
                }
                lines.put(name, line());
                List<String> values = r.peek() == JsonToken.BEGIN_ARRAY ? list(p, field) : range(p, field);
                if (values.isEmpty()) {
                    throw error(field, "an axis needs at least one value");
                }
                if (new HashSet<>(values).size() != values.size()) {
                    throw error(field, "an axis must not repeat a value (canonical values: " + values + ")");
                }
                axes.put(name, List.copyOf(values));
            }
            r.endObject();
        }

        List<String> list(SweepParameter p, String field) throws IOException {
            r.beginArray();
            List<String> out = new ArrayList<>();
            for (int i = 0; r.hasNext(); i++) {
                String f = field + "[" + i + "]";
                if (i >= MAX_AXIS_VALUES) {
                    throw error(f, "an axis has at most " + MAX_AXIS_VALUES + " values");
                }
                out.add(canonical(p, scalar(f), f));
            }
            r.endArray();
            return out;
        }

        List<String> range(SweepParameter p, String field) throws IOException {
            expect(JsonToken.BEGIN_OBJECT, field, "a list of values or {\"from\": a, \"to\": b, \"step\": s}");
            Map<String, Rational> ends = new LinkedHashMap<>();
            r.beginObject();
            while (r.hasNext()) {
                String k = r.nextName();
                String f = field + "." + k;
                if (!k.equals("from") && !k.equals("to") && !k.equals("step")) {
                    throw error(f, "unknown field (a range has from, to, step)");
                }
                String v = scalar(f);
                try {
                    ends.put(k, Rational.parse(v));
                } catch (NumberFormatException e) {
                    throw error(f, e.getMessage());
                }
            }
            r.endObject();
            Rational from = ends.get("from");
            Rational to = ends.get("to");
            Rational step = ends.get("step");
            if (from == null || to == null || step == null) {
                throw error(field, "a range needs from, to and step");
            }
            if (step.signum() <= 0) {
                throw error(field + ".step", "step must be > 0, got " + step);
            }
            if (to.compareTo(from) < 0) {
                throw error(field + ".to", "to must be >= from, got " + to + " < " + from);
            }
            Rational count = to.subtract(from).divide(step);
            if (count.compareTo(Rational.of(MAX_AXIS_VALUES)) >= 0) {
                throw error(field, "a range has at most " + MAX_AXIS_VALUES + " values");
            }
            List<String> out = new ArrayList<>();
            for (Rational x = from; x.compareTo(to) <= 0; x = x.add(step)) {
                out.add(canonical(p, x.toString(), field));
            }
            return out;
        }

        List<Output> outputList() throws IOException {
            expect(JsonToken.BEGIN_ARRAY, "outputs", "a list of bound, simulation, verdict");
            r.beginArray();
            List<Output> out = new ArrayList<>();
            for (int i = 0; r.hasNext(); i++) {
                String f = "outputs[" + i + "]";
                String v = scalar(f).strip().toLowerCase(Locale.ROOT);
                Output o = null;
                for (Output x : Output.values()) {
                    if (x.key().equals(v)) {
                        o = x;
                    }
                }
                if (o == null) {
                    throw error(f, "outputs must be among bound, simulation, verdict, got '" + v + "'");
                }
                out.add(o);
            }
            r.endArray();
            return out;
        }

        Set<Output> outputs() throws IOException {
            List<Output> list = outputList();
            if (list.isEmpty()) {
                throw error("outputs", "at least one of bound, simulation, verdict");
            }
            return EnumSet.copyOf(list);
        }

        SweepParameter known(String name, String field) {
            SweepParameter p = SweepParameter.byKey(name);
            if (p == null) {
                throw error(field, "unknown parameter (known: " + SweepParameter.keys() + ")");
            }
            return p;
        }

        String canonical(SweepParameter p, String raw, String field) {
            try {
                return p.canonical(raw);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw error(field, e.getMessage());
            }
        }

        int integer(String field, String raw, int min, int max) {
            try {
                return Domain.whole(min, max).parse(field, raw).numerator().intValueExact();
            } catch (ParameterException e) {
                throw error(field, e.getMessage());
            }
        }

        /** A string or number; numbers are kept as their literal text, so 0.1 stays exactly 1/10. */
        String scalar(String field) throws IOException {
            JsonToken t = r.peek();
            if (t == JsonToken.STRING || t == JsonToken.NUMBER) {
                return r.nextString();
            }
            throw error(field, "expected a number or a string, got " + switch (t) {
                case BEGIN_OBJECT -> "an object";
                case BEGIN_ARRAY -> "an array";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
                default -> "the end of " + (t == JsonToken.END_DOCUMENT ? "the file" : "an object or array");
            });
        }

        void expect(JsonToken token, String field, String what) throws IOException {
            if (r.peek() != token) {
                throw error(field, "expected " + what);
            }
        }
    }
}
