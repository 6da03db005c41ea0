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
                List<Certified> mu = new ArrayList<>();
                for (Rational w : schedule.weights(i)) {
                    mu.add(Certified.exact(w));
                }
                b.add(R2OneStep.boundGeneral(eps.get(i), mu, b, p));
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
     * B_0..B_i by the closed form, evaluated independently of {@link #recursion} (each B_i from scratch); for exact
     * inputs the two agree exactly, which the tests check.
     */
    public static List<Certified> closedForm(Schedule schedule, List<Certified> eps, Precision p) {
        requireOneEpsilonPerGeneration(schedule, eps);
        if (!schedule.isPreviousGenerationOnly()) {
            throw new IllegalArgumentException("the closed form of R3 is for previous-generation schedules");
        }
        List<Certified> out = new ArrayList<>();
        for (int i = 0; i < eps.size(); i++) {
            Certified sum = Certified.exact(Rational.ZERO);
            for (int j = 0; j <= i; j++) {
                Rational product = Rational.ONE;
                for (int k = j + 1; k <= i; k++) {
                    product = product.multiply(Rational.ONE.subtract(schedule.lambda(k)));
                }
                sum = sum.add(Certified.exact(product).multiply(eps.get(j), p), p);
            }
            out.add(sum);
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
