package org.loopbound.bound;

import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;

/**
 * R3, the unrolled bound (theory.md §2): on the event that every generation j ≤ i met its ε_j (probability
 * ≥ 1 − (i+1)δ by the union bound), TV(p̂_i, p₀) ≤ B_i with
 * B_i = Σ_{j=0}^{i} (Π_{k=j+1}^{i} (1−λ_k))·ε_j, equivalently B_0 = ε_0, B_i = (1−λ_i)·B_{i−1} + ε_i.
 * With general weights (R5, accumulate) B_i = ε_i + Σ_{j&lt;i} μ_{i,j}·B_j.
 */
public final class R3UnrolledBound {

    /** Up to this many generations {@link #closedForm} stays exact when every ε is. */
    public static final int EXACT_CLOSED_FORM_GENERATIONS = 1000;

    private R3UnrolledBound() {
    }

    /*@ public normal_behavior
      @ requires eps.size() == schedule.generations() + 1;
      @ ensures \result.size() == eps.size();
      @ ensures (* \result[0] == eps[0]; \result[i] == eps[i] + Σ_{j<i} μ_{i,j}·\result[j] *);
      @*/
    /**
     * B_0..B_i by the recursion. For a previous-generation schedule each step is
     * (1−λ_i)·B_{i−1} + ε_i through the KeY-verified kernel when exact; otherwise the general-weights form.
     */
    public static List<Certified> recursion(Schedule schedule, List<Certified> eps, Precision p) {
        requireOneEpsilonPerGeneration(schedule, eps);
        boolean chain = schedule.isPreviousGenerationOnly();
        List<Certified> b = new ArrayList<>();
        b.add(eps.get(0));
        // Inexact steps work on the intervals themselves, with the enclosure of 1 − λ formed once per distinct λ: a
        // rational-to-interval conversion costs two long divisions, more than the rest of a step, and the
        // Certified wrappers re-rounded every operand (profiled; 10^5 generations at 200 bits went 4× faster).
        // Steps from an exact B_{i−1} keep the general path (exact through the verified kernel).
        @Nullable Rational factorOf = null;
        Interval factor = Interval.of(0);
        // Σ_{j<i} B_j, for rows whose weights are all equal: then Σ_j μ_{i,j} B_j = μ_i·Σ_j B_j, O(1) per step.
        Certified earlier = eps.get(0);
        for (int i = 1; i < eps.size(); i++) {
            if (chain) {
                Rational lambda = schedule.lambda(i);
                Certified previous = b.get(i - 1);
                Certified e = eps.get(i);
                if (previous.isExact()) {
                    b.add(R2OneStep.bound(e, Certified.exact(lambda), previous, p));
                    continue;
                }
                if (lambda != factorOf && !lambda.equals(factorOf)) {
                    factorOf = lambda;
                    factor = Interval.of(Rational.ONE.subtract(lambda), p);
                }
                b.add(Certified.enclosed(R2OneStep.boundWithFactor(e.enclosure(p), factor, previous.enclosure(p),
                        p)));
            } else {
                Rational uniform = schedule.uniformWeight(i);
                Certified bi;
                if (uniform != null) {
                    bi = R2OneStep.boundGeneral(eps.get(i), List.of(Certified.exact(uniform)), List.of(earlier), p);
                } else {
                    List<Certified> mu = new ArrayList<>();
                    for (Rational w : schedule.weights(i)) {
                        mu.add(Certified.exact(w));
                    }
                    bi = R2OneStep.boundGeneral(eps.get(i), mu, b, p);
                }
                b.add(bi);
                earlier = earlier.add(bi, p);
            }
        }
        return List.copyOf(b);
    }

    /*@ public normal_behavior
      @ requires eps.size() == schedule.generations() + 1 && schedule.isPreviousGenerationOnly();
      @ ensures \result.size() == eps.size();
      @ ensures (* \result[i] == Σ_{j≤i} (Π_{k=j+1}^{i} (1−λ_k))·eps[j] *);
      @*/
    /**
     * B_0..B_i by the closed form, evaluated independently of {@link #recursion}: B_i = P_i·Σ_{j=s}^{i} ε_j/P_j with
     * the prefix products P_j = Π_{k=s+1}^{j} (1−λ_k), where s is the last generation ≤ i with λ_s = 1 (λ_0 = 1):
     * its factor 1 − λ_s = 0 removes every earlier term, and after it every factor is positive, so P_j &gt; 0. One
     * pass of O(g) operations (the term-by-term sum of the formula is O(g²) products, hours at g = 10^3 in exact
     * rationals). With every ε exact and g ≤ {@value #EXACT_CLOSED_FORM_GENERATIONS} the result is exact and equals
     * the recursion's; otherwise the products are enclosed at {@code p} bits (exact rationals would carry O(g)
     * digits through four normalising gcds per generation, minutes at g = 5000), and since every term is
     * non-negative the relative width grows only linearly in g.
     */
    public static List<Certified> closedForm(Schedule schedule, List<Certified> eps, Precision p) {
        requireOneEpsilonPerGeneration(schedule, eps);
        if (!schedule.isPreviousGenerationOnly()) {
            throw new IllegalArgumentException("the closed form of R3 is for previous-generation schedules");
        }
        boolean exact = eps.size() <= EXACT_CLOSED_FORM_GENERATIONS + 1;
        for (Certified e : eps) {
            exact &= e.isExact();
        }
        List<Certified> out = new ArrayList<>();
        Certified product = Certified.exact(Rational.ONE);
        Certified sum = Certified.exact(Rational.ZERO);
        @Nullable Rational factorOf = null;
        Certified factor = product;
        for (int i = 0; i < eps.size(); i++) {
            Rational lambda = schedule.lambda(i);
            if (lambda.equals(Rational.ONE)) {
                product = Certified.exact(Rational.ONE);
                sum = Certified.exact(Rational.ZERO);
            } else {
                if (!lambda.equals(factorOf)) {
                    // Inexact inputs: an enclosed factor keeps P_j an interval instead of a rational whose digits
                    // grow with j.
                    factorOf = lambda;
                    Rational f = Rational.ONE.subtract(lambda);
                    factor = exact ? Certified.exact(f) : Certified.enclosed(Interval.of(f, p));
                }
                product = product.multiply(factor, p);
            }
            sum = sum.add(eps.get(i).divide(product, p), p);
            out.add(product.multiply(sum, p));
        }
        return List.copyOf(out);
    }

    /*@ public normal_behavior
      @ requires i >= 0 && 0 < delta && delta < 1;
      @ ensures \result.equals(Rational.of(i + 1).multiply(delta));
      @*/
    /** The union-bound failure probability (i+1)·δ of B_i (vacuous when ≥ 1). */
    public static Rational failureProbability(int i, Rational delta) {
        return Rational.of(i + 1L).multiply(delta);
    }

    private static void requireOneEpsilonPerGeneration(Schedule schedule, List<Certified> eps) {
        if (eps.size() != schedule.generations() + 1) {
            throw new IllegalArgumentException("need ε_0..ε_" + schedule.generations() + ", got " + eps.size());
        }
    }
}
