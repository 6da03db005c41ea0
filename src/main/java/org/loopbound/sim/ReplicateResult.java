package org.loopbound.sim;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import org.checkerframework.checker.index.qual.NonNegative;

/**
 * What one replicate measured at each generation 0..g: the exact TV numerator (TV_i = numerator /
 * {@link SimulationConfig#tvDenominator}), Gini–Simpson diversity 1 − Σ p̂², entropy −Σ p̂ ln p̂ (nats, both in double
 * precision), the number of atoms of p₀ the model lost, and the atom p̂_i is a point mass on (−1 if none).
 *
 * <p>It is also the resume record: {@link #toJson}/{@link #fromJson} round-trip exactly (doubles are written with
 * {@link Double#toString}, which round-trips), so a resumed run prints the same bytes as an uninterrupted one.
 */
public final class ReplicateResult {

    private final int replicate;
    private final BigInteger[] tvNumerator;
    private final double[] giniSimpson;
    private final double[] entropy;
    private final int[] atomsLost;
    private final int[] fixedAtom;

    ReplicateResult(int replicate, BigInteger[] tvNumerator, double[] giniSimpson, double[] entropy, int[] atomsLost,
                    int[] fixedAtom) {
        int n = tvNumerator.length;
        if (giniSimpson.length != n || entropy.length != n || atomsLost.length != n || fixedAtom.length != n) {
            throw new IllegalArgumentException("every measure needs one value per generation");
        }
        this.replicate = replicate;
        this.tvNumerator = tvNumerator;
        this.giniSimpson = giniSimpson;
        this.entropy = entropy;
        this.atomsLost = atomsLost;
        this.fixedAtom = fixedAtom;
    }

    /** The replicate index j (its random stream is derived from (seed, j)). */
    public int replicate() {
        return replicate;
    }

    /** The number of generations measured, g + 1. */
    public @NonNegative int length() {
        return tvNumerator.length;
    }

    /*@ public normal_behavior
      @ requires 0 <= i && i < length();
      @ ensures (* TV(p̂_i, p₀) == \result / config.tvDenominator(i) *);
      @*/
    /** The exact TV numerator of generation i. */
    public BigInteger tvNumerator(int i) {
        if (i < 0 || i >= tvNumerator.length) {
            throw outOfRange(i);
        }
        return tvNumerator[i];
    }

    /** 1 − Σ_j p̂_{i,j}² of generation i, in double precision. */
    public double giniSimpson(int i) {
        if (i < 0 || i >= giniSimpson.length) {
            throw outOfRange(i);
        }
        return giniSimpson[i];
    }

    /** −Σ_j p̂_{i,j} ln p̂_{i,j} (nats) of generation i, in double precision. */
    public double entropy(int i) {
        if (i < 0 || i >= entropy.length) {
            throw outOfRange(i);
        }
        return entropy[i];
    }

    /** The number of atoms with p₀_j &gt; 0 and p̂_{i,j} = 0. */
    public int atomsLost(int i) {
        if (i < 0 || i >= atomsLost.length) {
            throw outOfRange(i);
        }
        return atomsLost[i];
    }

    /** The atom on which p̂_i is a point mass, or −1. */
    public int fixedAtom(int i) {
        if (i < 0 || i >= fixedAtom.length) {
            throw outOfRange(i);
        }
        return fixedAtom[i];
    }

    private IndexOutOfBoundsException outOfRange(int i) {
        return new IndexOutOfBoundsException("generation " + i + " of " + tvNumerator.length);
    }

    /*@ public normal_behavior
      @ ensures fromJson(\result).equals(this);
      @*/
    /** The resume record of this replicate. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("replicate", replicate);
        JsonArray tv = new JsonArray();
        JsonArray gs = new JsonArray();
        JsonArray en = new JsonArray();
        JsonArray lost = new JsonArray();
        JsonArray fixed = new JsonArray();
        for (int i = 0; i < tvNumerator.length && i < giniSimpson.length && i < entropy.length
                && i < atomsLost.length && i < fixedAtom.length; i++) {
            tv.add(tvNumerator[i].toString());
            gs.add(Double.toString(giniSimpson[i]));
            en.add(Double.toString(entropy[i]));
            lost.add(atomsLost[i]);
            fixed.add(fixedAtom[i]);
        }
        o.add("tv_numerator", tv);
        o.add("gini_simpson", gs);
        o.add("entropy", en);
        o.add("atoms_lost", lost);
        o.add("fixed_atom", fixed);
        return o;
    }

    /*@ public normal_behavior
      @ requires (* o was written by toJson *);
      @ ensures \result.toJson().equals(o);
      @ also public exceptional_behavior
      @ requires (* o is not such a record *);
      @ signals_only IllegalArgumentException;
      @*/
    /** Reads a resume record written by {@link #toJson}. */
    public static ReplicateResult fromJson(JsonObject o) {
        try {
            JsonArray tv = o.getAsJsonArray("tv_numerator");
            JsonArray gs = o.getAsJsonArray("gini_simpson");
            JsonArray en = o.getAsJsonArray("entropy");
            JsonArray lost = o.getAsJsonArray("atoms_lost");
            JsonArray fixed = o.getAsJsonArray("fixed_atom");
            int n = tv.size();
            if (n < 0) {
                throw new IllegalArgumentException("negative array size");
            }
            BigInteger[] t = new BigInteger[n];
            double[] g = new double[n];
            double[] e = new double[n];
            int[] l = new int[n];
            int[] f = new int[n];
            for (int i = 0; i < n; i++) {
                t[i] = new BigInteger(tv.get(i).getAsString());
                g[i] = Double.parseDouble(gs.get(i).getAsString());
                e[i] = Double.parseDouble(en.get(i).getAsString());
                l[i] = lost.get(i).getAsInt();
                f[i] = fixed.get(i).getAsInt();
            }
            return new ReplicateResult(o.get("replicate").getAsInt(), t, g, e, l, f);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a replicate record: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(@org.checkerframework.checker.nullness.qual.Nullable Object other) {
        return other instanceof ReplicateResult && toJson().equals(((ReplicateResult) other).toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }
}
