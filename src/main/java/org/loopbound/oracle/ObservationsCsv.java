package org.loopbound.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import org.loopbound.io.CsvTable;
import org.loopbound.io.InputFileException;
import org.loopbound.param.ParameterException;

/**
 * Reads {@link Observations} from CSV (RFC 4180, parsed strictly by {@link CsvTable}) with a header line and the columns
 * {@code replicate,generation,tv}, optionally {@code gini_simpson} and {@code count_0,…,count_{k−1}} (all k atoms of
 * p₀), in any order and nothing else. One row per (replicate, generation); every replicate must have every
 * generation 0..g of the declared configuration; count vectors must sum to N_i. Numbers are decimals (0.25, 1e-3)
 * or fractions (1/3); replicates, generations and counts are whole. Every error names the line.
 */
public final class ObservationsCsv {

    /** The symbol under which bad input is reported: the file, with its line in the message. */
    public static final String SYMBOL = "CSV";

    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]{1,4})?");
    private static final Pattern FRACTION = Pattern.compile("[0-9]{1,30}/[0-9]{1,30}");

    private ObservationsCsv() {
    }

    /** One row: its line and values. */
    private record Row(long line, double tv, double giniSimpson, long @Nullable [] counts) {
    }

    /*@ public normal_behavior
      @ requires sizes.size() >= 1 && atoms >= 1;
      @ ensures \result.generations() == sizes.size() - 1;
      @ also public exceptional_behavior
      @ requires (* the text is not such a table *);
      @ signals_only ParameterException, InputFileException;
      @*/
    /**
     * Reads the results of generations 0..g.
     *
     * @param text the CSV text (as {@link org.loopbound.io.TextFile#read} gives it: UTF-8, no byte-order mark)
     * @param name the file's name, for messages
     * @param sizes N_0..N_g of the declared configuration (the last generation is g = sizes.size() − 1)
     * @param atoms k, the number of atoms of p₀
     * @return the observations, replicates in ascending order of their number
     * @throws InputFileException naming the file and line of a CSV syntax error ({@link CsvTable#parse}: quoting,
     *     a duplicated or empty header name, a row with another number of fields than the header)
     * @throws ParameterException (symbol {@value #SYMBOL}) naming the line and the field of the first error in the
     *     content: a missing or unknown column, a malformed or out-of-range number, a generation outside 0..g, a
     *     duplicated (replicate, generation), a count vector whose sum is not N_i, a replicate without every
     *     generation, fewer than 2 replicates
     */
    public static Observations read(String text, String name, List<Long> sizes, int atoms) {
        if (sizes.isEmpty() || atoms < 1) {
            throw new IllegalArgumentException("need N_0 and k >= 1 atoms");
        }
        int g = sizes.size() - 1;
        CsvTable table = CsvTable.parse(name, text);
        List<String> header = table.header();
        checkHeader(header, name, atoms);
        boolean gini = header.contains("gini_simpson");
        boolean counts = header.contains("count_0");
        int[] countColumn = new int[atoms];
        for (int j = 0; j < atoms; j++) {
            countColumn[j] = header.indexOf("count_" + j);
        }
        int repColumn = header.indexOf("replicate");
        int genColumn = header.indexOf("generation");
        int tvColumn = header.indexOf("tv");
        int giniColumn = header.indexOf("gini_simpson");
        Map<Long, Row[]> byReplicate = new TreeMap<>();
        for (CsvTable.Row rec : table.rows()) {
            long line = rec.line();
            List<String> cells = rec.cells();
            long replicate = whole(cells.get(repColumn), "replicate", name, line);
            long gen = whole(cells.get(genColumn), "generation", name, line);
            if (gen > g) {
                throw error(name, line, "generation " + gen + " is beyond the declared last generation i = " + g);
            }
            int i = (int) gen;
            double tv = unit(cells.get(tvColumn), "tv", name, line);
            double gs = gini ? unit(cells.get(giniColumn), "gini_simpson", name, line) : Double.NaN;
            long[] c = null;
            if (counts) {
                c = new long[atoms];
                long sum = 0;
                for (int j = 0; j < atoms && j < countColumn.length; j++) {
                    c[j] = whole(cells.get(countColumn[j]), "count_" + j, name, line);
                    sum += c[j];
                }
                if (sum != sizes.get(i)) {
                    throw error(name, line, "count_0..count_" + (atoms - 1) + " sum to " + sum + ", but the"
                            + " declared configuration has N_" + i + " = " + sizes.get(i));
                }
            }
            Row[] rows = byReplicate.computeIfAbsent(replicate, x -> new Row[g + 1]);
            if (i >= 0 && i < rows.length) {
                Row before = rows[i];
                if (before != null) {
                    throw error(name, line, "replicate " + replicate + " already has generation " + i + " (line "
                            + before.line() + ")");
                }
                rows[i] = new Row(line, tv, gs, c);
            }
        }
        if (byReplicate.size() < 2) {
            throw ParameterException.violates(SYMBOL, name + ": needs at least 2 replicates, got "
                    + byReplicate.size());
        }
        return assemble(byReplicate, g, gini, counts, name);
    }

    private static void checkHeader(List<String> header, String name, int atoms) {
        for (String required : List.of("replicate", "generation", "tv")) {
            if (!header.contains(required)) {
                throw error(name, 1, "has no column '" + required + "' (header: " + String.join(",", header) + ")");
            }
        }
        int countColumns = 0;
        for (String h : header) {
            if (h.equals("replicate") || h.equals("generation") || h.equals("tv") || h.equals("gini_simpson")) {
                continue;
            }
            if (h.matches("count_(0|[1-9][0-9]{0,8})") && Long.parseLong(h.replace("count_", "")) < atoms) {
                countColumns++;
                continue;
            }
            throw error(name, 1, "unknown column '" + ParameterException.cut(h) + "' (allowed: replicate,"
                    + " generation, tv, gini_simpson and count_0..count_" + (atoms - 1) + " for the k = " + atoms
                    + " atoms of p0)");
        }
        if (countColumns != 0 && countColumns != atoms) {
            throw error(name, 1, "has " + countColumns + " count columns; give all of count_0..count_" + (atoms - 1)
                    + " (k = " + atoms + " atoms of p0) or none");
        }
    }

    private static Observations assemble(Map<Long, Row[]> byReplicate, int g, boolean gini, boolean counts,
                                         String name) {
        int r = byReplicate.size();
        List<double[]> tv = new ArrayList<>();
        List<double[]> gs = new ArrayList<>();
        List<long[][]> cs = new ArrayList<>();
        for (int i = 0; i <= g; i++) {
            tv.add(new double[r]);
            gs.add(new double[r]);
            cs.add(new long[r][]);
        }
        int j = 0;
        for (Map.Entry<Long, Row[]> e : byReplicate.entrySet()) {
            Row[] rows = e.getValue();
            for (int i = 0; i < rows.length; i++) {
                Row row = rows[i];
                if (row == null) {
                    throw ParameterException.violates(SYMBOL, name + ": replicate " + e.getKey() + " has no row for"
                            + " generation " + i + " (every replicate needs generations 0.." + g + ")");
                }
                double[] t = tv.get(i);
                double[] s = gs.get(i);
                long[][] n = cs.get(i);
                long[] c = row.counts();
                if (j < t.length && j < s.length && j < n.length) {
                    t[j] = row.tv();
                    s[j] = row.giniSimpson();
                    n[j] = c == null ? new long[0] : c;
                }
            }
            j++;
        }
        return Observations.of(tv, gini ? gs : null, counts ? cs : null);
    }

    private static long whole(String text, String column, String name, long line) {
        if (!WHOLE.matcher(text).matches()) {
            throw error(name, line, column + " must be a whole number >= 0, got '" + ParameterException.cut(text)
                    + "'");
        }
        return Long.parseLong(text);
    }

    /** A number in [0, 1]: a decimal or a fraction p/q. */
    private static double unit(String text, String column, String name, long line) {
        double v;
        if (FRACTION.matcher(text).matches()) {
            try {
                v = Rational.parse(text).doubleValue();
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw error(name, line, column + " must be a number in [0, 1], got '" + text + "'");
            }
        } else if (DECIMAL.matcher(text).matches()) {
            v = Double.parseDouble(text);
        } else {
            throw error(name, line, column + " must be a number in [0, 1] (e.g. 0.25, 1e-3, 1/3), got '"
                    + ParameterException.cut(text) + "'");
        }
        if (!(v >= 0 && v <= 1)) {
            throw error(name, line, column + " must be in [0, 1], got " + ParameterException.cut(text));
        }
        return v;
    }

    private static ParameterException error(String name, long line, String message) {
        return ParameterException.violates(SYMBOL, name + " line " + line + ": " + message);
    }
}
