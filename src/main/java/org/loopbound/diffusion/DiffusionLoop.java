package org.loopbound.diffusion;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Schedule;
import org.loopbound.param.ParameterException;
import org.loopbound.sim.ReplicateStreams;

/**
 * The self-consuming loop of theory.md §1 with the random-feature diffusion model as the learner: generation j is
 * trained on N_j points, exactly λ_j N_j of them fresh draws of p₀ and μ_{j,l} N_j of them samples of model l &lt; j
 * (stratified mixing, so every count must be a whole number), by the closed-form gradient flow for τ_j; its samples
 * come from the reverse sampler driven by its learned score. Every scenario is a {@link Schedule}.
 *
 * <p>Streams: replicate r uses {@link ReplicateStreams#forReplicate}(seed, 2r) for the loop (features, data, training
 * noise, synthetic samples, in that order per generation) and (seed, 2r + 1) for the evaluation samples, so that the
 * evaluation size never changes the trajectory of the loop, and equal (seed, r) give equal results on any thread.
 */
public final class DiffusionLoop {

    /** Largest N_j accepted: the training data and the M = c·N_j triples are held in memory. */
    public static final long MAX_SIZE = 10_000_000L;

    /**
     * Fixed settings of an experiment.
     *
     * @param p0 the real distribution
     * @param width the width m of the network
     * @param noiseDraws the (t, z) pairs c per data point in the DSM loss
     * @param sampler the reverse sampler (also fixes T and t_min of the loss)
     * @param tv the TV estimator against p₀
     * @param evalSamples the number of model samples per TV estimate
     */
    public record Settings(GaussianMixture p0, int width, int noiseDraws, ReverseSampler sampler, HistogramTv tv,
                           int evalSamples) {
    }

    /**
     * One generation of one replicate.
     *
     * @param generation j
     * @param size N_j
     * @param real the real draws λ_j N_j
     * @param tau the training time τ_j
     * @param tv the histogram estimate of TV(p̂_j, p₀)
     * @param noiseFloor the estimator's noise floor at evalSamples (see {@link HistogramTv})
     */
    public record Generation(int generation, long size, long real, double tau, double tv, double noiseFloor) {
    }

    private DiffusionLoop() {
    }

    /*@ public normal_behavior
      @ requires replicate >= 0 && (* every λ_j N_j and μ_{j,l} N_j is a whole number, N_j ≤ MAX_SIZE *);
      @ ensures \result.size() == schedule.generations() + 1;
      @ ensures (* \result is a pure function of (settings, schedule, rule, seed, replicate) *);
      @ also public exceptional_behavior
      @ requires (* a count is not whole, or N_j > MAX_SIZE, or earlier models' samples make the Gram matrix
      @             non-finite *);
      @ signals_only IllegalArgumentException;
      @*/
    /** Runs generations 0..i of one replicate. */
    public static List<Generation> run(Settings settings, Schedule schedule, StoppingRule rule, long seed,
                                       int replicate) {
        if (replicate < 0) {
            throw new IllegalArgumentException("replicate must be >= 0, got " + replicate);
        }
        UniformRandomProvider rng = ReplicateStreams.forReplicate(seed, 2L * replicate);
        UniformRandomProvider evalRng = ReplicateStreams.forReplicate(seed, 2L * replicate + 1);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        RandomFeatures features = RandomFeatures.draw(settings.width(), gaussian);
        ReverseSampler sampler = settings.sampler();
        List<ScoreFunction> models = new ArrayList<>();
        List<Generation> out = new ArrayList<>();
        for (int j = 0; j <= schedule.generations(); j++) {
            long n = size(schedule, j);
            long real = stratifiedCount(schedule.lambda(j), n, "λ_" + j);
            int length = (int) n;
            if (length < 0) {
                throw new IllegalStateException("N_" + j + " is negative");
            }
            double[] data = new double[length];
            int filled = 0;
            for (; filled < real && filled < data.length; filled++) {
                data[filled] = settings.p0().sample(rng, gaussian);
            }
            List<Rational> mu = schedule.weights(j);
            for (int l = 0; l < mu.size() && l < models.size(); l++) {
                long s = stratifiedCount(mu.get(l), n, "μ_" + j + "," + l);
                if (s == 0) {
                    continue;
                }
                double[] synthetic = sampler.sample(models.get(l), rng, (int) s);
                for (int k = 0; k < synthetic.length && filled < data.length; k++) {
                    data[filled++] = synthetic[k];
                }
            }
            if (filled != data.length) {
                throw new IllegalStateException("generation " + j + " filled " + filled + " of " + n + " points");
            }
            ScoreMatching problem = ScoreMatching.build(features, data, settings.noiseDraws(), sampler.horizon(),
                    sampler.cutoff(), rng);
            requireFiniteGram(problem, j, out);
            double tau = rule.tau(j, n);
            ScoreFunction model = new GradientFlow(problem).score(tau);
            models.add(model);
            HistogramTv.Estimate e = settings.tv().estimate(sampler.sample(model, evalRng, settings.evalSamples()));
            out.add(new Generation(j, n, real, tau, e.tv(), e.noiseFloor()));
        }
        return out;
    }

    /**
     * An over-trained score (huge τ on few points) can send the reverse sampler's draws so far out that the ReLU
     * features' Gram matrix of the next generation overflows (or the draws themselves do): no model can be fitted,
     * and no TV of the later generations would be honest, so the run stops with the cause and the remedy.
     */
    private static void requireFiniteGram(ScoreMatching problem, int j, List<Generation> earlier) {
        for (double[] row : problem.gram()) {
            for (double x : row) {
                if (!Double.isFinite(x)) {
                    double tau = 0;
                    for (Generation e : earlier) {
                        tau = Math.max(tau, e.tau());
                    }
                    throw ParameterException.violates("τ", "must be smaller: generation " + j + " cannot be trained,"
                            + " the samples of the earlier models (training time τ up to " + tau + ") are so far out"
                            + " that its score-matching Gram matrix is not finite");
                }
            }
        }
    }

    private static long size(Schedule schedule, int j) {
        BigInteger n = schedule.size(j);
        if (n.compareTo(BigInteger.valueOf(MAX_SIZE)) > 0) {
            throw ParameterException.outside("N", "at most " + MAX_SIZE + " (the diffusion simulator's largest"
                    + " training set)", "N_" + j + " = " + n);
        }
        return n.longValueExact();
    }

    /*@ public normal_behavior
      @ requires (* weight·n is a whole number *);
      @ ensures \result == (* weight·n *);
      @ also public exceptional_behavior
      @ requires (* weight·n is not a whole number *);
      @ signals_only IllegalArgumentException;
      @*/
    /** The stratified count w·N of a mixing weight w, which must be a whole number; the error names the weight. */
    public static long stratifiedCount(Rational weight, long n, String what) {
        Rational c = weight.multiply(Rational.of(n));
        if (!c.isInteger()) {
            throw ParameterException.violates("N", "must make every draw count of stratified mixing whole, got "
                    + what + "·N = " + weight + "·" + n + " = " + c);
        }
        return c.numerator().longValueExact();
    }
}
