package org.loopbound.exact;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Dyadic;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.arith.Rounding;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.ExactTv;

/**
 * The per-state quantities of one generation's state space and how a law over the states turns into a
 * {@link GenerationLaw}: TV(w/T, p₀) = L/(2TD) by {@link ExactTv} (the simulator's own exact distance), grouped by
 * value, and the Gini–Simpson numerator T² − Σ w_j² over T².
 */
final class Measures {

    /** Endpoint precision of the enclosures reported under certified arithmetic. */
    static final Precision OUTPUT = Precision.bits(128);

    private final int generation;
    private final long size;
    private final int states;
    private final BigInteger tvDenominator;
    private final BigInteger giniDenominator;
    /** Distinct TV numerators, ascending. */
    private final BigInteger[] tv;
    /** State → index into {@link #tv}. */
    private final int[] group;
    /** State → T² − Σ w_j². */
    private final BigInteger[] gini;
    private final BigInteger giniMax;
    private final BigInteger tvMax;

    Measures(int generation, int[][] stateVectors, long[][] models, long total, AtomDistribution p0) {
        this.generation = generation;
        this.size = stateVectors.length == 0 ? 0 : Arrays.stream(stateVectors[0]).asLongStream().sum();
        this.states = stateVectors.length;
        this.tvDenominator = ExactTv.denominator(total, p0);
        this.giniDenominator = BigInteger.valueOf(total).multiply(BigInteger.valueOf(total));
        BigInteger[] perState = new BigInteger[states];
        this.gini = new BigInteger[states];
        BigInteger gm = BigInteger.ZERO;
        BigInteger tm = BigInteger.ZERO;
        for (int s = 0; s < perState.length && s < models.length && s < gini.length; s++) {
            perState[s] = ExactTv.numerator(models[s], total, p0);
            BigInteger squares = BigInteger.ZERO;
            for (long w : models[s]) {
                squares = squares.add(BigInteger.valueOf(w).multiply(BigInteger.valueOf(w)));
            }
            gini[s] = giniDenominator.subtract(squares);
            gm = gm.max(gini[s]);
            tm = tm.max(perState[s]);
        }
        this.giniMax = gm;
        this.tvMax = tm;
        BigInteger[] distinct = Arrays.stream(perState).distinct().sorted().toArray(BigInteger[]::new);
        this.tv = distinct;
        this.group = new int[states];
        for (int s = 0; s < group.length && s < perState.length; s++) {
            group[s] = Arrays.binarySearch(distinct, perState[s]);
        }
    }

    /** The number of distinct TV values. */
    int groups() {
        return tv.length;
    }

    /** The TV group of state s. */
    int group(int s) {
        if (s < 0 || s >= group.length) {
            throw new IndexOutOfBoundsException("state " + s + " of " + group.length);
        }
        return group[s];
    }

    /** The Gini–Simpson numerator of state s (over T²). */
    BigInteger gini(int s) {
        if (s < 0 || s >= gini.length) {
            throw new IndexOutOfBoundsException("state " + s + " of " + gini.length);
        }
        return gini[s];
    }

    /**
     * The law of a generation from exact masses: state s (group g) has probability mass/Q, where groupMass[g] sums
     * the masses of group g and giniMass = Σ_s mass(s)·gini(s).
     */
    GenerationLaw exact(BigInteger[] groupMass, BigInteger giniMass, BigInteger q, @Nullable Certified bound) {
        BigInteger tvSum = BigInteger.ZERO;
        List<TvAtom> atoms = new ArrayList<>();
        for (int g = 0; g < tv.length && g < groupMass.length; g++) {
            tvSum = tvSum.add(groupMass[g].multiply(tv[g]));
            atoms.add(new TvAtom(value(g), Certified.exact(Rational.of(groupMass[g], q))));
        }
        Certified expectedTv = Certified.exact(Rational.of(tvSum, q.multiply(tvDenominator)));
        Certified expectedGini = Certified.exact(Rational.of(giniMass, q.multiply(giniDenominator)));
        Certified violation = null;
        if (bound != null) {
            Rational above = Rational.of(massAbove(groupMass, upper(bound)), q);
            Rational aboveLo = Rational.of(massAbove(groupMass, lower(bound)), q);
            violation = above.equals(aboveLo) ? Certified.exact(above)
                    : Certified.enclosed(Interval.of(above, OUTPUT).hull(Interval.of(aboveLo, OUTPUT)));
        }
        return new GenerationLaw(generation, size, states, expectedTv, expectedGini, atoms, bound, violation,
                Rational.ZERO);
    }

    /**
     * The law of a generation from lower bounds: state s (group g) has probability at least unit·mass(s); the
     * masses sum to at most 1/unit, and the deficit Δ = 1 − unit·Σ mass (exact) is the probability not attributed
     * to any state, so each probability lies in [unit·mass, unit·mass + Δ] and an expectation of f ∈ [0, F] in
     * [unit·Σ mass·f, unit·Σ mass·f + Δ·F].
     */
    GenerationLaw certified(BigInteger[] groupMass, BigInteger giniMass, Dyadic unit, @Nullable Certified bound) {
        BigInteger total = BigInteger.ZERO;
        BigInteger tvSum = BigInteger.ZERO;
        for (int g = 0; g < tv.length && g < groupMass.length; g++) {
            total = total.add(groupMass[g]);
            tvSum = tvSum.add(groupMass[g].multiply(tv[g]));
        }
        Dyadic deficit = Dyadic.ONE.subtract(unit.multiply(Dyadic.of(total, 0)));
        if (deficit.signum() < 0) {
            throw new IllegalStateException("generation " + generation + ": the certified lower bounds sum to more"
                    + " than 1 (an error in the rounding analysis)");
        }
        List<TvAtom> atoms = new ArrayList<>();
        for (int g = 0; g < tv.length && g < groupMass.length; g++) {
            atoms.add(new TvAtom(value(g), probability(unit.multiply(Dyadic.of(groupMass[g], 0)), deficit)));
        }
        Certified expectedTv = expectation(unit.multiply(Dyadic.of(tvSum, 0)), deficit, tvMax,
                tvDenominator);
        Certified expectedGini = expectation(unit.multiply(Dyadic.of(giniMass, 0)), deficit, giniMax,
                giniDenominator);
        Certified violation = null;
        if (bound != null) {
            Dyadic lo = unit.multiply(Dyadic.of(massAbove(groupMass, upper(bound)),
                    0));
            Dyadic hi = unit.multiply(Dyadic.of(massAbove(groupMass, lower(bound)),
                    0));
            violation = probability(lo, hi.subtract(lo).add(deficit));
        }
        return new GenerationLaw(generation, size, states, expectedTv, expectedGini, atoms, bound, violation,
                deficit.toRational());
    }

    private Rational value(int g) {
        if (g < 0 || g >= tv.length) {
            throw new IndexOutOfBoundsException("TV value " + g + " of " + tv.length);
        }
        return Rational.of(tv[g], tvDenominator);
    }

    private static Rational upper(Certified b) {
        return b.isExact() ? b.exact() : b.enclosure().hi().toRational();
    }

    private static Rational lower(Certified b) {
        return b.isExact() ? b.exact() : b.enclosure().lo().toRational();
    }

    /** Σ of the masses of the groups with TV &gt; b. */
    private BigInteger massAbove(BigInteger[] groupMass, Rational b) {
        BigInteger sum = BigInteger.ZERO;
        for (int g = 0; g < tv.length && g < groupMass.length; g++) {
            if (value(g).compareTo(b) > 0) {
                sum = sum.add(groupMass[g]);
            }
        }
        return sum;
    }

    /** [lo, min(1, lo + slack)], rounded outward. */
    private static Certified probability(Dyadic lo, Dyadic slack) {
        Dyadic hi = lo.add(slack).min(Dyadic.ONE);
        return Certified.enclosed(Interval.of(lo.round(OUTPUT, Rounding.DOWN), hi.round(OUTPUT, Rounding.UP)));
    }

    /** [lo/den, (lo + Δ·max)/den], rounded outward. */
    private static Certified expectation(Dyadic lo, Dyadic deficit, BigInteger max, BigInteger den) {
        Dyadic d = Dyadic.of(den, 0);
        Dyadic hi = lo.add(deficit.multiply(Dyadic.of(max, 0)));
        return Certified.enclosed(Interval.of(lo.divide(d, OUTPUT, Rounding.DOWN), hi.divide(d, OUTPUT, Rounding.UP)));
    }
}
