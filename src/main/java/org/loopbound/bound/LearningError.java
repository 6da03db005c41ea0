package org.loopbound.bound;

import java.math.BigInteger;
import org.checkerframework.checker.nullness.qual.Nullable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * A learning-error model (assumption G of theory.md §1): the ε(N) with which a learner given N samples of a target
 * q returns p̂ with TV(p̂, q) ≤ ε(N) (with probability ≥ 1 − δ where the model has a δ).
 */
public interface LearningError {

    /*@ public normal_behavior
      @ requires n.signum() > 0;
      @ ensures (* \result contains ε(n) *);
      @*/
    /** ε(N), exact or enclosed at the given precision. */
    Certified epsilon(BigInteger n, Precision p);

    /*@ public normal_behavior
      @ ensures \result.size() == schedule.generations() + 1;
      @ ensures (\forall int j; 0 <= j && j < \result.size(); \result.get(j).equals(epsilon(schedule.size(j), p)));
      @*/
    /**
     * ε_0..ε_g of a schedule, ε_j = ε(N_j), evaluated once per distinct size: ε depends on the generation only
     * through N_j, which most schedules hold constant, and an enclosure (EPS-EMP's square roots and logarithm) costs
     * far more than a step of the recursion it feeds.
     */
    default List<Certified> epsilons(Schedule schedule, Precision p) {
        Map<BigInteger, Certified> bySize = new HashMap<>();
        List<Certified> out = new ArrayList<>();
        for (int j = 0; j <= schedule.generations(); j++) {
            out.add(bySize.computeIfAbsent(schedule.size(j), n -> epsilon(n, p)));
        }
        return List.copyOf(out);
    }

    /** A one-line description for outputs, e.g. {@code ε = 1/10} or {@code ε(N) = 2·N^(-1/2)}. */
    String describe();

    /** @return the ε of a model whose ε does not depend on N (the R4 corollaries need one), else {@code null} */
    default @Nullable Rational constant() {
        return null;
    }

    /** The same ε for every N. */
    static LearningError constant(Rational eps) {
        if (eps.signum() < 0) {
            throw ParameterException.outside("ε", "≥ 0", eps);
        }
        return new LearningError() {
            @Override
            public Certified epsilon(BigInteger n, Precision p) {
                return Certified.exact(eps);
            }

            @Override
            public String describe() {
                return "eps = " + eps;
            }

            @Override
            public Rational constant() {
                return eps;
            }
        };
    }

    /** The rate model ε(N) = b·N^(−α) of theory.md §3, b &gt; 0, 0 &lt; α &lt; 1. */
    static LearningError rate(Rational b, Rational alpha) {
        if (b.signum() <= 0) {
            throw ParameterException.outside("b", "> 0", b);
        }
        if (alpha.signum() <= 0 || alpha.compareTo(Rational.ONE) >= 0) {
            throw ParameterException.outside("α", "in (0, 1)", alpha);
        }
        return new LearningError() {
            @Override
            public Certified epsilon(BigInteger n, Precision p) {
                Interval np = Interval.of(Rational.of(n, BigInteger.ONE), p);
                Interval power = np.pow(Interval.of(alpha.negate(), p), p);
                return Certified.enclosed(Interval.of(b, p).multiply(power, p));
            }

            @Override
            public String describe() {
                return "eps(N) = " + b + "*N^(-" + alpha + ")";
            }
        };
    }

    /** The empirical learner on k atoms with confidence δ (theory.md §6, {@link EmpiricalLearnerError}). */
    static LearningError empirical(int atoms, Rational delta) {
        EmpiricalLearnerError.checkDomain(atoms, delta);
        return new LearningError() {
            @Override
            public Certified epsilon(BigInteger n, Precision p) {
                return Certified.enclosed(EmpiricalLearnerError.epsilon(n, delta, atoms, p));
            }

            @Override
            public String describe() {
                return "eps(N) = (sqrt((k-1)/N) + sqrt(2 ln(1/delta)/N))/2, k = " + atoms + ", delta = " + delta;
            }
        };
    }
}
