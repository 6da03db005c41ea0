package org.loopbound.bound;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * D1, error propagation through a loop of diffusion models (theory.md §4, bearing on claim C4), derived from the
 * imported theorem D0 (Li, Li, Zhang, Bian, NeurIPS 2023, Theorem 1). D0 bounds, for generation j trained on N_j
 * samples of its target q_j with a width-m score network stopped at time τ_j ≥ 1,
 * KL(q_j ‖ p̂_j) ≤ C·(τ_j⁴/(m·N_j) + τ_j³/m² + 1/τ_j + 1/m + E_j) with a constant C that D0 hides and E_j ≥ 0 its
 * remaining terms (approximation losses, KL(p_T ‖ π)). Pinsker's inequality TV ≤ √(KL/2) turns this into the
 * learning error ε_j = √(C/2)·√(τ_j⁴/(m·N_j) + τ_j³/m² + 1/τ_j + 1/m + E_j) of assumption G, and R3 propagates it:
 * TV(p̂_i, p₀) ≤ √(C/2)·Σ_j (Π_{k&gt;j} (1−λ_k))·√(…_j).
 *
 * <p>Every value computed here omits the factor √(C/2): it is a bound <b>up to the hidden constant C of D0</b>, and
 * every output must say so. Its probability is that of D0's event in every generation (union bound, as in R3).
 */
public final class D1DiffusionPropagation {

    private static final int GUARD_BITS = 32;

    private D1DiffusionPropagation() {
    }

    /*@ public normal_behavior
      @ requires m >= 1 && taus.size() == schedule.generations() + 1 && extras.size() == schedule.generations() + 1;
      @ requires (* every τ_j ≥ 1 certainly and every E_j ≥ 0 *);
      @ ensures \result.size() == schedule.generations() + 1;
      @ ensures (* \result[i] contains Σ_{j≤i} (Π_{k=j+1}^{i} (1−λ_k))·ε_j with ε_j = generationError(m, N_j, τ_j, E_j),
      @            or with general weights the R3/R5 recursion ε_i + Σ_{j<i} μ_{i,j}·\result[j] *);
      @ also public exceptional_behavior
      @ requires (* a size mismatch, m < 1, some τ_j not certainly ≥ 1, or some E_j < 0 *);
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The D1 bound B_0..B_i (up to the factor √(C/2) of D0's hidden constant C): the per-generation errors of
     * {@link #generationErrors} propagated by {@link R3UnrolledBound#recursion}.
     */
    public static List<Certified> bound(Schedule schedule, BigInteger m, List<Certified> taus, List<Rational> extras,
                                        Precision p) {
        return R3UnrolledBound.recursion(schedule, generationErrors(schedule, m, taus, extras, p), p);
    }

    /*@ public normal_behavior
      @ requires m >= 1 && taus.size() == schedule.generations() + 1 && extras.size() == schedule.generations() + 1;
      @ ensures \result.size() == schedule.generations() + 1;
      @ ensures (* \result[j] == generationError(m, N_j, taus[j], extras[j], p) *);
      @ also public exceptional_behavior
      @ requires (* a size mismatch, m < 1, some τ_j not certainly ≥ 1, or some E_j < 0 *);
      @ signals_only IllegalArgumentException;
      @*/
    /** ε_0..ε_i of {@link #generationError} for the sizes N_j of the schedule. */
    public static List<Certified> generationErrors(Schedule schedule, BigInteger m, List<Certified> taus,
                                                   List<Rational> extras, Precision p) {
        int count = schedule.generations() + 1;
        if (taus.size() != count || extras.size() != count) {
            throw new IllegalArgumentException("need one tau and one E per generation 0.." + schedule.generations());
        }
        List<Certified> eps = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            eps.add(generationError(m, schedule.size(j), taus.get(j), extras.get(j), p));
        }
        return List.copyOf(eps);
    }

    /*@ public normal_behavior
      @ requires m >= 1 && n >= 1 && extra >= 0 && (* tau ≥ 1 certainly *);
      @ ensures (* \result contains √(τ⁴/(m·n) + τ³/m² + 1/τ + 1/m + extra) for every τ in tau;
      @            exact when tau is exact and the radicand is the square of a rational *);
      @ also public exceptional_behavior
      @ requires m < 1 || n < 1 || extra < 0 || !(* tau ≥ 1 certainly *);
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * One generation's learning error up to √(C/2): √(τ⁴/(m·N) + τ³/m² + 1/τ + 1/m + E), Pinsker applied to D0's
     * KL bound. D0 assumes τ ≥ 1, so τ must be certainly ≥ 1.
     */
    public static Certified generationError(BigInteger m, BigInteger n, Certified tau, Rational extra, Precision p) {
        if (m.signum() <= 0) {
            throw ParameterException.outside("m", "≥ 1", m);
        }
        if (n.signum() <= 0) {
            throw ParameterException.outside("N", "≥ 1", n);
        }
        if (extra.signum() < 0) {
            throw ParameterException.outside("E", "≥ 0", extra);
        }
        if (!Certified.exact(Rational.ONE).lessOrEqual(tau).isTrue()) {
            throw ParameterException.outside("τ", "≥ 1 (the domain of D0)", tau);
        }
        Precision w = p.plus(GUARD_BITS);
        Certified mc = Certified.exact(Rational.of(m, BigInteger.ONE));
        Certified nc = Certified.exact(Rational.of(n, BigInteger.ONE));
        Certified tau2 = tau.multiply(tau, w);
        Certified tau3 = tau2.multiply(tau, w);
        Certified radicand = tau3.multiply(tau, w).divide(mc.multiply(nc, w), w)
                .add(tau3.divide(mc.multiply(mc, w), w), w)
                .add(Certified.exact(Rational.ONE).divide(tau, w), w)
                .add(Certified.exact(Rational.ONE).divide(mc, w), w)
                .add(Certified.exact(extra), w);
        return P1PhaseTransition.rounded(squareRoot(radicand, w), p);
    }

    /*@ public normal_behavior
      @ requires tau >= 1;
      @ ensures \result.size() == schedule.generations() + 1 && (* every element is exactly tau *);
      @ also public exceptional_behavior
      @ requires tau < 1;
      @ signals_only IllegalArgumentException;
      @*/
    /** The same stopping time τ ≥ 1 in every generation. */
    public static List<Certified> fixedStoppingTimes(Schedule schedule, Rational tau) {
        if (tau.compareTo(Rational.ONE) < 0) {
            throw ParameterException.outside("τ", "≥ 1 (the domain of D0)", tau);
        }
        List<Certified> out = new ArrayList<>();
        for (int j = 0; j <= schedule.generations(); j++) {
            out.add(Certified.exact(tau));
        }
        return List.copyOf(out);
    }

    /*@ public normal_behavior
      @ requires m >= 1 && (* m·N_j ≥ 4 for every j *);
      @ ensures \result.size() == schedule.generations() + 1;
      @ ensures (* \result[j] == D2EarlyStopping.optimalStoppingTime(m, N_j, p) *);
      @ also public exceptional_behavior
      @ requires m < 1 || (* m·N_j < 4 for some j *);
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The D2 rule per generation, τ_j = (m·N_j/4)^(1/5), the minimizer of the dominant τ-terms for that generation's
     * size. It is ≥ 1, as D0 requires, iff m·N_j ≥ 4; smaller products are refused.
     */
    public static List<Certified> d2StoppingTimes(Schedule schedule, BigInteger m, Precision p) {
        List<Certified> out = new ArrayList<>();
        for (int j = 0; j <= schedule.generations(); j++) {
            BigInteger n = schedule.size(j);
            if (m.multiply(n).compareTo(BigInteger.valueOf(4)) < 0) {
                throw ParameterException.violates("m", "must make m·N_j ≥ 4: the D2 rule gives τ_j < 1, outside D0's"
                        + " τ ≥ 1, for m·N_" + j + " = " + m.multiply(n));
            }
            out.add(D2EarlyStopping.optimalStoppingTime(m, n, p));
        }
        return List.copyOf(out);
    }

    /** √v for v ≥ 0: exact when v is the square of a rational, otherwise an enclosure. */
    private static Certified squareRoot(Certified v, Precision w) {
        if (v.isExact()) {
            Rational q = v.exact();
            Rational root = P1PhaseTransition.exactPower(q, Rational.of(1, 2), P1PhaseTransition.EXACT_POWER_MAX_BITS);
            if (root != null) {
                return Certified.exact(root);
            }
        }
        Interval x = v.enclosure(w);
        return Certified.enclosed(x.sqrt(w));
    }
}
