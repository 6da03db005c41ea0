package org.loopbound.bound;

import java.math.BigInteger;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.index.qual.NonNegative;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;

/**
 * The training mixture of generations 0..i (theory.md §1): sample sizes N_j, real proportions λ_j and synthetic
 * weights μ_{j,l} (l &lt; j), with λ_j + Σ_l μ_{j,l} = 1. Generation 0 is real-only (λ_0 = 1).
 */
public final class Schedule {

    private final List<BigInteger> sizes;
    private final List<Rational> lambdas;
    /** μ_{j,·} per generation j; for previous-generation schedules each row is an O(1) view (see PreviousRow). */
    private final List<List<Rational>> weights;
    private final boolean previousOnly;

    private Schedule(List<BigInteger> sizes, List<Rational> lambdas, List<List<Rational>> weights,
                     boolean previousOnly) {
        this.sizes = sizes;
        this.lambdas = lambdas;
        this.weights = weights;
        this.previousOnly = previousOnly;
    }

    /*@ public normal_behavior
      @ requires sizes.size() == lambdas.size() && sizes.size() >= 1 && lambdas.get(0).equals(Rational.ONE);
      @ requires (* every N_j ≥ 1 and every λ_j ∈ [0, 1] *);
      @ ensures \result.generations() == sizes.size() - 1;
      @ ensures (* μ_{j,j−1} = 1 − λ_j and μ_{j,l} = 0 for l < j − 1 *);
      @*/
    /** The common case: all synthetic data of generation j comes from generation j − 1 (μ_{j,j−1} = 1 − λ_j). */
    public static Schedule previousGeneration(List<BigInteger> sizes, List<Rational> lambdas) {
        // Rows are views, not stored lists of j zeros: 10^5 generations would otherwise need 5·10^9 entries.
        List<List<Rational>> w = new ArrayList<>();
        for (int j = 0; j < lambdas.size(); j++) {
            w.add(new PreviousRow(j, j > 0 ? Rational.ONE.subtract(lambdas.get(j)) : Rational.ZERO));
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

    /*@ public normal_behavior
      @ requires sizes.size() == lambdas.size() && lambdas.size() == weights.size();
      @ requires (* λ_j + j·weights[j] = 1 for j ≥ 1 *);
      @ ensures (* \result.weights(j).get(l) == weights.get(j) for every l < j *);
      @*/
    /**
     * A schedule in which generation j draws the same weight μ_{j,l} = {@code weights.get(j)} from every earlier
     * generation l &lt; j (accumulate). Rows are views of one value each, so g generations take O(g) space, and
     * {@link #uniformWeight} lets the recursion run in O(g) with a running sum.
     *
     * @param sizes N_0..N_g
     * @param lambdas λ_0..λ_g (λ_0 = 1)
     * @param weights the common weight of each row (the entry of row 0 is ignored)
     * @return the schedule
     * @throws IllegalArgumentException when a size, proportion or row does not meet the schedule's requirements
     */
    public static Schedule uniformEarlier(List<BigInteger> sizes, List<Rational> lambdas, List<Rational> weights) {
        List<List<Rational>> w = new ArrayList<>();
        for (int j = 0; j < weights.size(); j++) {
            w.add(new UniformRow(j, j > 0 ? weights.get(j) : Rational.ZERO));
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
        boolean previousOnly = true;
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
            if (row instanceof PreviousRow) {
                total = total.add(((PreviousRow) row).last);
            } else if (row instanceof UniformRow) {
                Rational mu = ((UniformRow) row).value;
                if (mu.signum() < 0) {
                    throw new IllegalArgumentException("weights μ must be ≥ 0");
                }
                total = total.add(mu.multiply(Rational.of(j)));
                previousOnly &= j <= 1 || mu.signum() == 0;
            } else {
                for (int m = 0; m < row.size(); m++) {
                    Rational mu = row.get(m);
                    if (mu.signum() < 0) {
                        throw new IllegalArgumentException("weights μ must be ≥ 0");
                    }
                    total = total.add(mu);
                    previousOnly &= mu.signum() == 0 || m == j - 1;
                }
            }
            if (!total.equals(Rational.ONE)) {
                throw new IllegalArgumentException("λ_" + j + " + Σ μ_" + j + " must be 1, got " + total);
            }
        }
        return new Schedule(List.copyOf(sizes), List.copyOf(lambdas), List.copyOf(w), previousOnly);
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

    /**
     * @param j a generation ≥ 1
     * @return the weight μ_{j,l} shared by every earlier generation l &lt; j when the schedule was built by
     *     {@link #uniformEarlier}, else {@code null}
     */
    public @Nullable Rational uniformWeight(int j) {
        List<Rational> row = weights.get(j);
        return row instanceof UniformRow ? ((UniformRow) row).value : null;
    }

    /** Whether every generation draws its synthetic data from the previous one only. */
    public boolean isPreviousGenerationOnly() {
        return previousOnly;
    }

    /** μ_{j,0..j−1} of a previous-generation schedule: zeros and μ_{j,j−1} = 1 − λ_j last, in O(1) space. */
    private static final class PreviousRow extends AbstractList<Rational> {
        private final @NonNegative int size;
        private final Rational last;

        PreviousRow(@NonNegative int size, Rational last) {
            this.size = size;
            this.last = last;
        }

        @Override
        public Rational get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("weight " + index + " of " + size);
            }
            return index == size - 1 ? last : Rational.ZERO;
        }

        @Override
        public @NonNegative int size() {
            return size;
        }
    }

    /** μ_{j,0..j−1} all equal to one value, in O(1) space. */
    private static final class UniformRow extends AbstractList<Rational> {
        private final @NonNegative int size;
        private final Rational value;

        UniformRow(@NonNegative int size, Rational value) {
            this.size = size;
            this.value = value;
        }

        @Override
        public Rational get(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException("weight " + index + " of " + size);
            }
            return value;
        }

        @Override
        public @NonNegative int size() {
            return size;
        }
    }
}
