package org.loopbound.oracle;

import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.index.qual.NonNegative;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Another simulator's per-replicate results for generations 0..g of one loop configuration: every replicate's
 * TV(p̂_i, p₀), and optionally its Gini–Simpson diversity 1 − Σ_j p̂_{i,j}² and the counts of its training draws
 * (the empirical model being counts/N_i). Every replicate has every generation; replicates are independent.
 */
public final class Observations {

    private final List<double[]> tv;
    private final @Nullable List<double[]> giniSimpson;
    private final @Nullable List<long[][]> counts;
    private final @NonNegative int replicates;
    private final int atoms;

    private Observations(List<double[]> tv, @Nullable List<double[]> giniSimpson, @Nullable List<long[][]> counts,
                         @NonNegative int replicates, int atoms) {
        this.tv = tv;
        this.giniSimpson = giniSimpson;
        this.counts = counts;
        this.replicates = replicates;
        this.atoms = atoms;
    }

    /*@ public normal_behavior
      @ requires tv.size() >= 1 && (* every array has the same length R >= 2 *);
      @ requires giniSimpson == null || giniSimpson.size() == tv.size();
      @ requires counts == null || counts.size() == tv.size();
      @ ensures \result.generations() == tv.size() - 1 && \result.replicates() == R;
      @*/
    /**
     * The observations of generations 0..g, replicate r of generation i at index r of each generation's array.
     *
     * @param tv per generation, each replicate's TV(p̂_i, p₀)
     * @param giniSimpson per generation, each replicate's 1 − Σ p̂², or null when not given
     * @param counts per generation, each replicate's count vector (all of the same length k), or null when not given
     * @return the observations (the arrays are copied)
     * @throws IllegalArgumentException when there is no generation, fewer than 2 replicates, or the lists and arrays
     *     disagree in length
     */
    public static Observations of(List<double[]> tv, @Nullable List<double[]> giniSimpson,
                                  @Nullable List<long[][]> counts) {
        if (tv.isEmpty()) {
            throw new IllegalArgumentException("need at least generation 0");
        }
        int r = tv.get(0).length;
        if (r < 2) {
            throw new IllegalArgumentException("need at least 2 replicates, got " + r);
        }
        List<double[]> t = copy(tv, r);
        List<double[]> gs = giniSimpson == null ? null : copy(giniSimpson, r);
        List<long[][]> c = null;
        int k = 0;
        if (counts != null) {
            c = new ArrayList<>();
            k = counts.isEmpty() || counts.get(0).length == 0 ? 0 : counts.get(0)[0].length;
            for (long[][] g : counts) {
                if (g.length != r) {
                    throw new IllegalArgumentException("every generation needs " + r + " count vectors");
                }
                long[][] copy = new long[r][];
                for (int j = 0; j < r; j++) {
                    if (g[j].length != k) {
                        throw new IllegalArgumentException("every count vector needs " + k + " atoms");
                    }
                    copy[j] = g[j].clone();
                }
                c.add(copy);
            }
        }
        if ((gs != null && gs.size() != t.size()) || (c != null && c.size() != t.size())) {
            throw new IllegalArgumentException("every statistic needs the same generations as tv");
        }
        return new Observations(List.copyOf(t), gs == null ? null : List.copyOf(gs), c == null ? null
                : List.copyOf(c), r, k);
    }

    private static List<double[]> copy(List<double[]> in, int r) {
        List<double[]> out = new ArrayList<>();
        for (double[] x : in) {
            if (x.length != r) {
                throw new IllegalArgumentException("every generation needs " + r + " replicates, got " + x.length);
            }
            out.add(x.clone());
        }
        return out;
    }

    /** The last generation g. */
    public int generations() {
        return tv.size() - 1;
    }

    /** The number of replicates R (at least 2). */
    public @NonNegative int replicates() {
        return replicates;
    }

    /** Whether the Gini–Simpson diversities were given. */
    public boolean hasGiniSimpson() {
        return giniSimpson != null;
    }

    /** The number of atoms k of the count vectors, or 0 when no counts were given. */
    public int atoms() {
        return atoms;
    }

    /**
     * @param i a generation in 0..g
     * @return a copy of the replicates' TV(p̂_i, p₀)
     */
    public double[] tv(int i) {
        return tv.get(i).clone();
    }

    /**
     * @param i a generation in 0..g
     * @return a copy of the replicates' 1 − Σ p̂_{i,j}²
     * @throws IllegalStateException when they were not given
     */
    public double[] giniSimpson(int i) {
        List<double[]> g = giniSimpson;
        if (g == null) {
            throw new IllegalStateException("no gini_simpson column was given");
        }
        return g.get(i).clone();
    }

    /**
     * @param i a generation in 0..g
     * @param replicate a replicate in 0..R−1
     * @return a copy of that replicate's count vector of generation i
     * @throws IllegalStateException when no counts were given
     */
    public long[] counts(int i, int replicate) {
        List<long[][]> c = counts;
        if (c == null) {
            throw new IllegalStateException("no count columns were given");
        }
        long[][] g = c.get(i);
        if (replicate < 0 || replicate >= g.length) {
            throw new IndexOutOfBoundsException("replicate " + replicate + " of " + g.length);
        }
        return g[replicate].clone();
    }
}
