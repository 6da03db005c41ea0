package org.loopbound.kde;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Schedule;
import org.loopbound.diffusion.DiffusionLoop;
import org.loopbound.diffusion.GaussianMixture;
import org.loopbound.param.ParameterException;
import org.loopbound.sim.ReplicateStreams;

/**
 * The self-consuming loop of theory.md §1 with the Gaussian KDE as the learner (claim C5): generation j fits a KDE to
 * N_j points, exactly λ_j N_j fresh draws of p₀ and μ_{j,l} N_j draws of the KDE of generation l &lt; j (stratified
 * mixing: every count must be whole), with the bandwidth fixed or chosen by Silverman's rule on its own data. Per
 * generation it records TV(p̂_j, p₀) (quadrature, {@link KdeTv}) and p̂_j at the check points, which the K2 [derived]
 * oracle compares with E[p̂_j].
 *
 * <p>Replicate r draws everything from {@link ReplicateStreams#forReplicate}(seed, r), in generation order (real
 * draws, then synthetic draws by source generation), so results do not depend on the thread that runs it.
 */
public final class KdeLoop {

    /** Largest N_j accepted (the training points of every generation are kept for later synthetic draws). */
    public static final long MAX_SIZE = 10_000_000L;

    /**
     * Fixed settings.
     *
     * @param p0 the real distribution
     * @param bandwidth fixed h or a rule
     * @param checkPoints the points x at which p̂_j(x) is recorded
     */
    public record Settings(GaussianMixture p0, Bandwidth bandwidth, double[] checkPoints) {
    }

    /**
     * One generation of one replicate.
     *
     * @param generation j
     * @param size N_j
     * @param bandwidth the h_j used
     * @param tv TV(p̂_j, p₀)
     * @param density p̂_j at the check points, in their order
     */
    public record Generation(int generation, long size, double bandwidth, double tv, double[] density) {
    }

    private KdeLoop() {
    }

    /*@ public normal_behavior
      @ requires replicate >= 0 && (* every λ_j N_j and μ_{j,l} N_j is whole, N_j ≤ MAX_SIZE *);
      @ ensures \result.size() == schedule.generations() + 1;
      @ ensures (* \result is a pure function of (settings, schedule, seed, replicate) *);
      @ also public exceptional_behavior
      @ requires (* a count is not whole, or N_j > MAX_SIZE *);
      @ signals_only IllegalArgumentException;
      @*/
    /** Runs generations 0..i of one replicate. */
    public static List<Generation> run(Settings settings, Schedule schedule, long seed, int replicate) {
        if (replicate < 0) {
            throw new IllegalArgumentException("replicate must be >= 0, got " + replicate);
        }
        UniformRandomProvider rng = ReplicateStreams.forReplicate(seed, replicate);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        List<GaussianKde> models = new ArrayList<>();
        List<Generation> out = new ArrayList<>();
        for (int j = 0; j <= schedule.generations(); j++) {
            BigInteger size = schedule.size(j);
            if (size.compareTo(BigInteger.valueOf(MAX_SIZE)) > 0) {
                throw ParameterException.outside("N", "at most " + MAX_SIZE + " (the KDE simulator's largest training"
                        + " set)", "N_" + j + " = " + size);
            }
            long n = size.longValueExact();
            long real = DiffusionLoop.stratifiedCount(schedule.lambda(j), n, "λ_" + j);
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
                long s = DiffusionLoop.stratifiedCount(mu.get(l), n, "μ_" + j + "," + l);
                double[] synthetic = models.get(l).sample(rng, gaussian, (int) s);
                for (int k = 0; k < synthetic.length && filled < data.length; k++) {
                    data[filled++] = synthetic[k];
                }
            }
            if (filled != data.length) {
                throw new IllegalStateException("generation " + j + " filled " + filled + " of " + n + " points");
            }
            GaussianKde kde = new GaussianKde(data, settings.bandwidth().choose(data));
            models.add(kde);
            double[] x = settings.checkPoints();
            double[] density = new double[x.length];
            for (int k = 0; k < density.length; k++) {
                density[k] = kde.density(x[k]);
            }
            out.add(new Generation(j, n, kde.bandwidth(), KdeTv.distance(kde, settings.p0()), density));
        }
        return out;
    }
}
