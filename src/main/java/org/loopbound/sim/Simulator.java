package org.loopbound.sim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.checkerframework.checker.index.qual.SameLen;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs the loop: per replicate, generation 0 fits N_0 real draws; generation i ≥ 1 fits its planned draws from p₀
 * and from the earlier models (stratified: exactly the planned numbers; iid: component sizes drawn from the
 * multinomial of the mixture weights, which makes the N_i draws i.i.d. from q_i); each fit is measured against p₀.
 *
 * <p>Replicates run on a fixed thread pool; each uses only its own stream ({@link ReplicateStreams}) and its own
 * primitive arrays, and results are gathered in replicate order, so every output is independent of the thread count.
 * Memory per worker is O(k), or O(k·generations) for accumulate, whose generations draw from every earlier model.
 */
public final class Simulator {

    /** The largest T with T² &lt; 2^63, below which Σ w_j² (≤ T² when Σ w_j = T, w_j ≥ 0) cannot overflow a long. */
    private static final long EXACT_SQUARES = 3_037_000_499L;

    private final SimulationConfig config;

    /** A simulator for this configuration. */
    public Simulator(SimulationConfig config) {
        this.config = config;
    }

    /*@ public normal_behavior
      @ requires 0 <= replicate && replicate < config.replicates();
      @ requires lastModel == null || lastModel.length == config.p0().atoms();
      @ ensures \result.replicate() == replicate && \result.length() == config.generations() + 1;
      @ ensures (* \result depends only on (config, replicate); lastModel, if given, holds the weights of p̂_g *);
      @*/
    /**
     * Runs one replicate. If {@code lastModel} is given, the integer weights of the last generation's model are
     * copied into it (their total is {@code config.learner().total(N_g, k)}).
     */
    public ReplicateResult runReplicate(int replicate, long @Nullable [] lastModel) {
        int k = config.p0().atoms();
        int g = config.generations();
        if (k < 1 || g < 0) {
            throw new IllegalStateException("a configuration has k >= 1 atoms and g >= 0");
        }
        UniformRandomProvider rng = ReplicateStreams.forReplicate(config.seed(), replicate);
        List<SimulationConfig.GenerationPlan> plans = config.plansInternal();
        boolean keepAll = !config.schedule().isPreviousGenerationOnly();
        double[] p0Conditional = config.p0().conditional();
        long[] counts = new long[k];
        long[] model = new long[k];
        long[] previous = new long[k];
        long previousTotal = 0;
        List<long[]> history = new ArrayList<>();
        List<Long> historyTotals = new ArrayList<>();
        BigInteger[] tv = new BigInteger[g + 1];
        double[] gini = new double[g + 1];
        double[] entropy = new double[g + 1];
        int[] lost = new int[g + 1];
        int[] fixed = new int[g + 1];
        long[] components = new long[1];
        for (int i = 0; i <= g && i < tv.length && i < gini.length && i < entropy.length && i < lost.length
                && i < fixed.length; i++) {
            SimulationConfig.GenerationPlan plan = plans.get(i);
            Arrays.fill(counts, 0);
            int[] sources = plan.sources;
            if (components.length != sources.length + 1) {
                components = new long[sources.length + 1];
            }
            // components: [real draws, draws from each source model], fixed (stratified) or multinomial (iid).
            long realDraws;
            if (config.mixing() == Mixing.IID) {
                Arrays.fill(components, 0);
                double[] cc = plan.componentConditional;
                if (cc.length != components.length) {
                    throw new IllegalStateException("iid plan of generation " + i + " has the wrong component count");
                }
                Multinomial.addFromConditional(rng, plan.size, cc, components);
                realDraws = components.length > 0 ? components[0] : 0;
            } else {
                realDraws = plan.real;
                for (int s = 0; s < sources.length && s + 1 < components.length && s < plan.sourceCounts.length;
                     s++) {
                    components[s + 1] = plan.sourceCounts[s];
                }
            }
            if (p0Conditional.length != counts.length) {
                throw new IllegalStateException("p0 has " + p0Conditional.length + " atoms, expected " + k);
            }
            // One source next to real draws (every previous-generation scenario with λ > 0): both multinomials in
            // one interleaved pass, which overlaps their binomial draws; otherwise one multinomial per component.
            boolean fused = realDraws > 0 && sources.length == 1 && components.length == 2 && components[1] > 0;
            if (realDraws > 0 && !fused) {
                Multinomial.addFromConditional(rng, realDraws, p0Conditional, counts);
            }
            for (int s = 0; s < sources.length && s + 1 < components.length; s++) {
                long draws = components[s + 1];
                if (draws == 0) {
                    continue;
                }
                int l = sources[s];
                long[] source = keepAll ? history.get(l) : previous;
                long sourceTotal = keepAll ? historyTotals.get(l) : previousTotal;
                if (!keepAll && l != i - 1) {
                    throw new IllegalStateException("generation " + i + " draws from " + l + " without history");
                }
                if (source.length != counts.length) {
                    throw new IllegalStateException("model of generation " + l + " has the wrong number of atoms");
                }
                if (fused) {
                    Multinomial.addFromBoth(rng, realDraws, p0Conditional, draws, source, sourceTotal, counts);
                } else {
                    Multinomial.addFromWeights(rng, draws, source, sourceTotal, counts);
                }
            }
            if (model.length != counts.length) {
                throw new IllegalStateException("model and counts disagree on the number of atoms");
            }
            config.learner().fit(counts, model);
            long total = plan.total;
            tv[i] = ExactTv.numerator(model, total, config.p0());
            gini[i] = giniSimpson(model, total);
            entropy[i] = entropy(model, total);
            lost[i] = atomsLost(model, config.p0());
            fixed[i] = fixedAtom(model, total);
            if (keepAll) {
                history.add(model.clone());
                historyTotals.add(total);
            }
            long[] swap = previous;
            previous = model;
            model = swap;
            previousTotal = total;
        }
        if (lastModel != null) {
            System.arraycopy(previous, 0, lastModel, 0, Math.min(previous.length, lastModel.length));
        }
        return new ReplicateResult(replicate, tv, gini, entropy, lost, fixed);
    }

    /*@ public normal_behavior
      @ requires threads >= 1 && (* every value of done is the result of its key's replicate under config *);
      @ ensures \result.size() == config.replicates() && (* \result.get(j).replicate() == j *);
      @ ensures (* \result is the same for every threads value *);
      @*/
    /**
     * Runs every replicate not in {@code done} on {@code threads} threads and returns all results in replicate
     * order. {@code finished} is called (from worker threads, concurrently) with each newly computed result, so the
     * caller can persist it at once; {@code progress} receives 1 per finished generation.
     */
    public List<ReplicateResult> run(int threads, Map<Integer, ReplicateResult> done,
                                     Consumer<ReplicateResult> finished, LongConsumer progress)
            throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int r = config.replicates();
        int g = config.generations();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, r));
        try {
            List<@Nullable Future<ReplicateResult>> futures = new ArrayList<>();
            for (int j = 0; j < r; j++) {
                if (done.containsKey(j)) {
                    futures.add(null);
                    continue;
                }
                int replicate = j;
                futures.add(pool.submit(() -> {
                    ReplicateResult result = runReplicate(replicate, null);
                    finished.accept(result);
                    progress.accept(g + 1L);
                    return result;
                }));
            }
            List<ReplicateResult> out = new ArrayList<>();
            for (int j = 0; j < r; j++) {
                Future<ReplicateResult> f = futures.get(j);
                ReplicateResult known = done.get(j);
                if (f != null) {
                    out.add(f.get());
                } else if (known != null) {
                    out.add(known);
                }
            }
            return out;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException("a replicate failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /*@ public normal_behavior
      @ requires total > 0 && (* Σ w == total *);
      @ ensures (* \result ≈ 1 − Σ_j (w_j/total)² in double precision *);
      @*/
    /**
     * Gini–Simpson diversity 1 − Σ_j (w_j/T)². For T ≤ {@value #EXACT_SQUARES} (every count vector of N ≤ 3·10^9
     * draws) Σ_j w_j² ≤ T² is summed exactly in a long, so the result is (T² − Σ w_j²)/T² rounded twice (error ≤ 1
     * ulp plus the division's half ulp) and costs no division per atom; larger totals are summed in doubles.
     */
    public static double giniSimpson(long[] w, long total) {
        if (total <= EXACT_SQUARES) {
            long squares = 0;
            for (long x : w) {
                squares += x * x;
            }
            long t2 = total * total;
            return (double) (t2 - squares) / (double) t2;
        }
        double t = total;
        double s = 0;
        for (long x : w) {
            double p = x / t;
            s += p * p;
        }
        return 1 - s;
    }

    /*@ public normal_behavior
      @ requires total > 0 && (* Σ w == total *);
      @ ensures \result >= 0 && (* \result ≈ −Σ_j (w_j/T) ln(w_j/T) in double precision *);
      @*/
    /**
     * Shannon entropy in nats, summed as (1/T)·Σ w_j(ln T − ln w_j) so that every term is ≥ 0 (and with one
     * division, not one per atom: divisions dominated this loop's profile).
     */
    public static double entropy(long[] w, long total) {
        double lnT = Logs.ln(total);
        // Two partial sums (even and odd atoms): one sum would make every term wait for the addition before it.
        double even = 0;
        double odd = 0;
        for (int j = 0; j < w.length; j++) {
            long x = w[j];
            if (x > 0) {
                double d = lnT - Logs.ln(x);
                double term = x * (d > 0 ? d : 0);
                if ((j & 1) == 0) {
                    even += term;
                } else {
                    odd += term;
                }
            }
        }
        return (even + odd) / total;
    }

    /*@ public normal_behavior
      @ requires w.length == p0.atoms();
      @ ensures \result == (\num_of int j; 0 <= j < w.length; w[j] == 0 && p0.numerator(j) > 0);
      @*/
    /** The number of atoms p₀ charges that the model gives zero weight. */
    public static int atomsLost(long[] w, AtomDistribution p0) {
        double[] p = p0.probabilities();
        int lost = 0;
        for (int j = 0; j < w.length && j < p.length; j++) {
            if (w[j] == 0 && p[j] > 0) {
                lost++;
            }
        }
        return lost;
    }

    /*@ public normal_behavior
      @ ensures \result == -1 || (0 <= \result < w.length && w[\result] == total);
      @*/
    /** The atom carrying all the weight (the model is a point mass there), or −1. */
    public static int fixedAtom(long[] w, long total) {
        for (int j = 0; j < w.length; j++) {
            if (w[j] == total) {
                return j;
            }
            if (w[j] != 0) {
                return -1;
            }
        }
        return -1;
    }
}
