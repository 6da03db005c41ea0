package org.loopbound.bound;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.loopbound.arith.Rational;

/**
 * The training mixture of generations 0..i (theory.md §1): sample sizes N_j, real proportions λ_j and synthetic
 * weights μ_{j,l} (l &lt; j), with λ_j + Σ_l μ_{j,l} = 1. Generation 0 is real-only (λ_0 = 1).
 */
public final class Schedule {

    private final List<BigInteger> sizes;
    private final List<Rational> lambdas;
    private final List<List<Rational>> weights;

    private Schedule(List<BigInteger> sizes, List<Rational> lambdas, List<List<Rational>> weights) {
        this.sizes = sizes;
        this.lambdas = lambdas;
        this.weights = weights;
    }

    /*@ public normal_behavior
      @ requires sizes.size() == lambdas.size() && sizes.size() >= 1 && lambdas.get(0).equals(Rational.ONE);
      @ requires (* every N_j ≥ 1 and every λ_j ∈ [0, 1] *);
      @ ensures \result.generations() == sizes.size() - 1;
      @ ensures (* μ_{j,j−1} = 1 − λ_j and μ_{j,l} = 0 for l < j − 1 *);
      @*/
    /** The common case: all synthetic data of generation j comes from generation j − 1 (μ_{j,j−1} = 1 − λ_j). */
    public static Schedule previousGeneration(List<BigInteger> sizes, List<Rational> lambdas) {
        List<List<Rational>> w = new ArrayList<>();
        for (int j = 0; j < lambdas.size(); j++) {
            List<Rational> row = new ArrayList<>(Collections.nCopies(j, Rational.ZERO));
            if (j > 0) {
                row.set(j - 1, Rational.ONE.subtract(lambdas.get(j)));
            }
            w.add(Collections.unmodifiableList(row));
        }
        return validated(sizes, lambdas, w);
    }

    /*@ public normal_behavior
      @ requires weights.get(j).size() == j for every j, and λ_j + Σ_l μ_{j,l} = 1;
      @ ensures \result.weights(j).equals(weights.get(j));
      @*/
    /** General weights μ_{j,l} (R2 general form, R5 accumulate); λ_j + Σ_l μ_{j,l} must equal 1 exactly. */
    public static Schedule general(List<BigInteger> sizes, List<Rational> lambdas, List<List<Rational>> weights) {
        List<List<Rational>> w = new ArrayList<>();
        for (List<Rational> row : weights) {
            w.add(List.copyOf(row));
        }
        return validated(sizes, lambdas, w);
    }

    private static Schedule validated(List<BigInteger> sizes, List<Rational> lambdas, List<List<Rational>> w) {
        if (sizes.isEmpty() || sizes.size() != lambdas.size() || w.size() != sizes.size()) {
            throw new IllegalArgumentException("sizes, proportions and weights must cover the same generations");
        }
        if (!lambdas.get(0).equals(Rational.ONE)) {
            throw new IllegalArgumentException("generation 0 is trained on real data only (λ_0 = 1)");
        }
        for (int j = 0; j < sizes.size(); j++) {
            if (sizes.get(j).signum() <= 0) {
                throw new IllegalArgumentException("N_" + j + " must be ≥ 1");
            }
            Rational l = lambdas.get(j);
            if (l.signum() < 0 || l.compareTo(Rational.ONE) > 0) {
                throw new IllegalArgumentException("λ_" + j + " must be in [0, 1], got " + l);
            }
            List<Rational> row = w.get(j);
            if (row.size() != j) {
                throw new IllegalArgumentException("generation " + j + " needs " + j + " weights");
            }
            Rational total = l;
            for (Rational mu : row) {
                if (mu.signum() < 0) {
                    throw new IllegalArgumentException("weights μ must be ≥ 0");
                }
                total = total.add(mu);
            }
            if (!total.equals(Rational.ONE)) {
                throw new IllegalArgumentException("λ_" + j + " + Σ μ_" + j + " must be 1, got " + total);
            }
        }
        return new Schedule(List.copyOf(sizes), List.copyOf(lambdas), List.copyOf(w));
    }

    /** The last generation index i (generations 0..i). */
    public int generations() {
        return sizes.size() - 1;
    }

    /** N_j. */
    public BigInteger size(int j) {
        return sizes.get(j);
    }

    /** λ_j (λ_0 = 1). */
    public Rational lambda(int j) {
        return lambdas.get(j);
    }

    /** μ_{j,0..j−1}. */
    public List<Rational> weights(int j) {
        return weights.get(j);
    }

    /** Whether every generation draws its synthetic data from the previous one only. */
    public boolean isPreviousGenerationOnly() {
        for (int j = 0; j < weights.size(); j++) {
            List<Rational> row = weights.get(j);
            for (int l = 0; l + 1 < row.size(); l++) {
                if (row.get(l).signum() != 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
