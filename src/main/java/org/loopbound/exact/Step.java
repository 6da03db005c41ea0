package org.loopbound.exact;

import java.math.BigInteger;
import org.loopbound.arith.Rational;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.Learner;
import org.loopbound.sim.Mixing;

/**
 * How the count vector of generation i arises from that of generation i − 1 in a previous-generation schedule,
 * exactly as {@code org.loopbound.sim.Simulator} draws it:
 * <ul>
 *   <li>generation 0: N_0 draws from p₀;</li>
 *   <li>stratified: R = λ_i·N_i draws from p₀ plus, independently, N_i − R draws from the model w/T of generation
 *       i − 1 (both whole numbers, as the simulator requires);</li>
 *   <li>iid: N_i draws from the mixture q = λ_i·p₀ + (1 − λ_i)·w/T.</li>
 * </ul>
 * Every law drawn from is a multinomial with integer weights e_j over a common denominator E (Σ_j e_j = E).
 */
final class Step {

    /** i. */
    final int generation;
    /** N_i. */
    final int size;
    /** Draws from p₀ that are added to the source-dependent part (stratified and generation 0), else 0. */
    final int real;
    /** Draws of the source-dependent multinomial: N_i − R (stratified), N_i (iid), 0 for generation 0. */
    final int synthetic;
    /** Whether the source-dependent draws come from the mixture (iid) rather than from the model alone. */
    final boolean mixture;
    /** λ_i. */
    final Rational lambda;

    Step(int generation, int size, Rational lambda, Mixing mixing) {
        this.generation = generation;
        this.size = size;
        this.lambda = lambda;
        if (generation == 0) {
            this.real = size;
            this.synthetic = 0;
            this.mixture = false;
        } else if (mixing == Mixing.IID) {
            this.real = 0;
            this.synthetic = size;
            this.mixture = true;
        } else {
            // SimulationConfig.checkDraws has established that λ_i·N_i is whole.
            this.real = lambda.multiply(Rational.of(size)).numerator().intValueExact();
            this.synthetic = size - real;
            this.mixture = false;
        }
    }

    /** Whether this step has the same transition as {@code other} (same sizes, mixing and λ). */
    boolean sameTransition(Step other) {
        return generation > 0 && other.generation > 0 && size == other.size && real == other.real
                && synthetic == other.synthetic && mixture == other.mixture && lambda.equals(other.lambda);
    }

    /*@ requires model.length == p0.atoms() && (* Σ model == total *);
      @ ensures \result.length == p0.atoms() + 1 && (* Σ_{j<k} \result[j] == \result[k] *);
      @*/
    /**
     * The weights e_0..e_{k−1} and their sum E (last entry) of the law the source-dependent draws come from, for a
     * source model with integer weights w and total T: w itself (stratified), or for λ = ℓ/d the mixture
     * e_j = ℓ·a_j·T + (d − ℓ)·D·w_j over E = d·D·T (iid).
     */
    BigInteger[] weights(long[] model, long total, AtomDistribution p0) {
        int k = model.length;
        BigInteger[] e = new BigInteger[k + 1];
        if (!mixture) {
            for (int j = 0; j < k; j++) {
                e[j] = BigInteger.valueOf(model[j]);
            }
            e[k] = BigInteger.valueOf(total);
            return e;
        }
        BigInteger l = lambda.numerator();
        BigInteger d = lambda.denominator();
        BigInteger t = BigInteger.valueOf(total);
        BigInteger dd = p0.denominator();
        BigInteger realFactor = l.multiply(t);
        BigInteger modelFactor = d.subtract(l).multiply(dd);
        for (int j = 0; j < k; j++) {
            e[j] = realFactor.multiply(p0.numerator(j)).add(modelFactor.multiply(BigInteger.valueOf(model[j])));
        }
        e[k] = d.multiply(dd).multiply(t);
        return e;
    }

    /** The weights a_0..a_{k−1} of p₀ and their sum D (last entry), the law of the real draws. */
    static BigInteger[] realWeights(AtomDistribution p0) {
        BigInteger[] e = new BigInteger[Math.max(1, p0.atoms() + 1)];
        int last = e.length - 1;
        for (int j = 0; j < last; j++) {
            e[j] = p0.numerator(j);
        }
        if (last >= 0) {
            e[last] = p0.denominator();
        }
        return e;
    }

    /** The model weights w = fit(c) of every count vector of a space (rank order) and their common total T. */
    static long[][] models(int[][] states, Learner learner) {
        long[][] out = new long[states.length][];
        long[] counts = new long[states.length == 0 ? 0 : states[0].length];
        for (int s = 0; s < states.length; s++) {
            for (int j = 0; j < counts.length && j < states[s].length; j++) {
                counts[j] = states[s][j];
            }
            long[] w = new long[counts.length];
            learner.fit(counts, w);
            out[s] = w;
        }
        return out;
    }
}
