package org.loopbound.exact;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.Schedule;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.Learner;
import org.loopbound.sim.Mixing;
import org.loopbound.sim.SimulationConfig;

/**
 * The exact law of the discrete loop that {@code loopbound simulate} samples: the same scenario, schedule, p₀,
 * learner (empirical or add-β) and mixing (stratified or iid), evaluated by the finite Markov chain over count
 * vectors instead of by replicates.
 *
 * <p>The state of generation i is its count vector (C(N_i + k − 1, k − 1) states), which determines the model and
 * hence the next generation's law when every generation draws its synthetic data from the previous one only. That
 * holds for every scenario except {@code accumulate}, whose generations draw from all earlier models: there the
 * state would be the tuple of all earlier count vectors (Π_j C(N_j + k − 1, k − 1) states), and it is refused.
 *
 * <p>Limits: at most {@link #MAX_STATES} states per generation and {@link #MAX_PAIRS} (source, target) pairs per
 * transition under {@link Arithmetic#CERTIFIED}, at most {@link #MAX_EXACT_STATES} states under
 * {@link Arithmetic#EXACT}; beyond them a {@link StateSpaceTooLargeException} names the size and the limit.
 */
public final class ExactLoop {

    /** Most states (count vectors) of one generation under certified arithmetic. */
    public static final int MAX_STATES = 10_000;
    /** Most (source, target) state pairs of one transition under certified arithmetic (time and row memory). */
    public static final long MAX_PAIRS = 40_000_000L;
    /** Most states of one generation under exact arithmetic (its integers grow by N_i·log2 E bits a generation). */
    public static final int MAX_EXACT_STATES = 300;
    /**
     * Most bits of the exact common denominator Π_i E_i^{N_i} under exact arithmetic: every numerator has about
     * that many bits, and the cost of a generation grows with it (k = 2, N = 50, λ = 1/10 iid, 100 generations:
     * about 55 000 bits and a minute of CPU, so refused).
     */
    public static final long MAX_EXACT_BITS = 32_768;
    /** {@link #automaticArithmetic()} is exact up to this many states per generation (k = 2, N ≤ 50; k = 3, N ≤ 8). */
    public static final int AUTO_EXACT_STATES = 51;
    /** ... and up to this many bits of the common denominator (see {@link #MAX_EXACT_BITS}). */
    public static final long AUTO_EXACT_BITS = 8_192;

    private final Schedule schedule;
    private final AtomDistribution p0;
    private final Learner learner;
    private final List<Step> steps;
    private final long[] states;
    private final long denominatorBits;

    private ExactLoop(Schedule schedule, AtomDistribution p0, Learner learner, List<Step> steps, long[] states,
                      long denominatorBits) {
        this.schedule = schedule;
        this.p0 = p0;
        this.learner = learner;
        this.steps = steps;
        this.states = states;
        this.denominatorBits = denominatorBits;
    }

    /*@ public normal_behavior
      @ requires (* schedule is a previous-generation schedule, SimulationConfig.checkDraws accepts the rest, and
      @             every generation has at most MAX_STATES states and every transition at most MAX_PAIRS pairs *);
      @ ensures \result.generations() == schedule.generations();
      @ also public exceptional_behavior
      @ requires (* otherwise *);
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The exact chain of a loop configuration.
     *
     * @param scenario the scenario (for messages; its schedule is {@code schedule})
     * @param schedule N_i, λ_i and μ_{i,l}; every generation must draw its synthetic data from the previous one
     * @param p0 the real distribution on k atoms
     * @param learner the learner fitted at each generation
     * @param mixing stratified (exactly λ_i·N_i real draws, which must be whole) or iid (draws from the mixture)
     * @return the evaluator
     * @throws StateSpaceTooLargeException when a generation has more than {@link #MAX_STATES} count vectors or a
     *     transition more than {@link #MAX_PAIRS} state pairs
     * @throws IllegalArgumentException for accumulate-type schedules, and with {@code simulate}'s message for
     *     every combination {@code simulate} refuses (e.g. a λ_i·N_i that is not whole under stratified mixing)
     */
    public static ExactLoop of(Scenario scenario, Schedule schedule, AtomDistribution p0, Learner learner,
                               Mixing mixing) {
        if (!schedule.isPreviousGenerationOnly()) {
            throw new IllegalArgumentException("--scenario " + scenario.cliName() + ": generations draw from several"
                    + " earlier models, so the exact chain's state would be the tuple of all earlier count vectors;"
                    + " loopbound exact supports scenarios whose generations draw from the previous one only");
        }
        SimulationConfig.checkDraws(scenario, schedule, p0, learner, mixing);
        int k = p0.atoms();
        List<Step> steps = new ArrayList<>();
        long[] states = new long[Math.max(1, schedule.generations() + 1)];
        long previous = 1;
        long bits = 0;
        int dBits = p0.denominator().bitLength();
        for (int i = 0; i <= schedule.generations() && i < states.length; i++) {
            BigInteger nBig = schedule.size(i);
            if (nBig.compareTo(BigInteger.valueOf(MAX_STATES)) > 0) {
                throw new StateSpaceTooLargeException("--n: the exact chain needs N_" + i + " <= " + MAX_STATES
                        + " (every state space has at least N_i + 1 count vectors when k >= 2), got N_" + i + " = "
                        + nBig, nBig.bitLength() > 62 ? Long.MAX_VALUE : nBig.longValueExact(), MAX_STATES);
            }
            long count = Compositions.count(nBig.longValueExact(), k);
            if (count > MAX_STATES) {
                throw new StateSpaceTooLargeException("--n/--p0: the exact chain of generation " + i + " has "
                        + (count == Long.MAX_VALUE ? "more than 2^63 - 1" : Long.toString(count)) + " states (count"
                        + " vectors of N_" + i + " = " + nBig + " draws on k = " + k + " atoms), more than the limit"
                        + " of " + MAX_STATES, count, MAX_STATES);
            }
            Step step = new Step(i, nBig.intValueExact(), schedule.lambda(i), mixing);
            long drawn = Compositions.count(step.synthetic, k);
            long pairs = previous * drawn + drawn * Compositions.count(step.real, k);
            if (pairs > MAX_PAIRS) {
                throw new StateSpaceTooLargeException("--n/--p0: the exact transition into generation " + i + " has "
                        + pairs + " state pairs (" + previous + " x " + drawn + " count vectors on k = " + k
                        + " atoms), more than the limit of " + MAX_PAIRS, pairs, MAX_PAIRS);
            }
            if (step.synthetic > 0) {
                // E of the source-dependent draws: T_{i−1}, or d·D·T_{i−1} for the iid mixture with λ = ℓ/d.
                BigInteger t = BigInteger.valueOf(learner.total(schedule.size(i - 1).longValueExact(), k));
                BigInteger e = step.mixture ? step.lambda.denominator().multiply(p0.denominator()).multiply(t) : t;
                bits += (long) step.synthetic * e.bitLength();
            }
            bits += (long) step.real * dBits;
            states[i] = count;
            previous = count;
            steps.add(step);
        }
        return new ExactLoop(schedule, p0, learner, List.copyOf(steps), states, bits);
    }

    /** The last generation index g. */
    public int generations() {
        return schedule.generations();
    }

    /*@ public normal_behavior
      @ requires 0 <= i && i <= generations();
      @ ensures \result == (* C(N_i + k − 1, k − 1) *);
      @*/
    /**
     * @param i a generation in 0..g
     * @return the number of states (count vectors) of generation i
     */
    public long states(int i) {
        if (i < 0 || i >= states.length) {
            throw new IndexOutOfBoundsException("generation " + i + " of 0.." + generations());
        }
        return states[i];
    }

    /**
     * @return {@link Arithmetic#EXACT} when every generation has at most {@link #AUTO_EXACT_STATES} states and the
     *     exact common denominator at most {@link #AUTO_EXACT_BITS} bits, else {@link Arithmetic#CERTIFIED}
     */
    public Arithmetic automaticArithmetic() {
        if (denominatorBits > AUTO_EXACT_BITS) {
            return Arithmetic.CERTIFIED;
        }
        for (long s : states) {
            if (s > AUTO_EXACT_STATES) {
                return Arithmetic.CERTIFIED;
            }
        }
        return Arithmetic.EXACT;
    }

    /*@ public normal_behavior
      @ requires bounds == null || bounds.size() == generations() + 1;
      @ ensures \result.size() == generations() + 1 && (* \result.get(i).generation() == i *);
      @ ensures (* every value is exact (EXACT) or an enclosure of the exact value (CERTIFIED) *);
      @*/
    /**
     * Computes the law of every generation.
     *
     * @param arithmetic exact rationals or certified enclosures
     * @param bounds B_0..B_g to evaluate P(TV(p̂_i, p₀) &gt; B_i) against (e.g. {@code SimulationConfig.bounds()}),
     *     or null for none
     * @return one {@link GenerationLaw} per generation 0..g
     * @throws StateSpaceTooLargeException for {@link Arithmetic#EXACT} with more than {@link #MAX_EXACT_STATES}
     *     states in some generation or a common denominator of more than {@link #MAX_EXACT_BITS} bits
     * @throws IllegalArgumentException when bounds has the wrong length
     */
    public List<GenerationLaw> run(Arithmetic arithmetic, @Nullable List<Certified> bounds) {
        if (bounds != null && bounds.size() != generations() + 1) {
            throw new IllegalArgumentException("need B_0..B_" + generations() + ", got " + bounds.size()
                    + " bounds");
        }
        if (arithmetic == Arithmetic.EXACT) {
            if (denominatorBits > MAX_EXACT_BITS) {
                throw new StateSpaceTooLargeException("--arithmetic exact: the exact probabilities of generations 0.."
                        + generations() + " share a denominator of about " + denominatorBits + " bits, more than the"
                        + " limit of " + MAX_EXACT_BITS + " (use certified enclosures, or fewer generations)",
                        denominatorBits, MAX_EXACT_BITS);
            }
            for (int i = 0; i < states.length; i++) {
                if (states[i] > MAX_EXACT_STATES) {
                    throw new StateSpaceTooLargeException("--arithmetic exact: generation " + i + " has "
                            + states[i] + " states, more than the limit of " + MAX_EXACT_STATES + " for exact"
                            + " rationals (certified enclosures go to " + MAX_STATES + ")", states[i],
                            MAX_EXACT_STATES);
                }
            }
            return new RationalChain(p0, learner).run(steps, bounds);
        }
        return new CertifiedChain(p0, learner).run(steps, bounds);
    }

    /** λ_i, for callers that print the schedule next to the law. */
    public Rational lambda(int i) {
        return schedule.lambda(i);
    }
}
