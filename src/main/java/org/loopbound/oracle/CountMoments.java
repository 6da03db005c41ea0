package org.loopbound.oracle;

import java.util.ArrayList;
import java.util.List;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Schedule;
import org.loopbound.param.ParameterException;
import org.loopbound.sim.Mixing;

/**
 * The first two moments of the empirical learner's models p̂_0, …, p̂_g, which hold exactly at any size: every model
 * is unbiased, E p̂_i = p₀ (each draw has marginal law p₀, by induction over generations), and every covariance is a
 * multiple of the multinomial one, Cov(p̂_i, p̂_m) = C_{i,m}·(diag p₀ − p₀p₀ᵀ). The coefficients follow from the
 * law of total covariance, with μ_{i,l} the schedule's synthetic weights and Q_i = Σ_{l,m} μ_{i,l} μ_{i,m} C_{l,m}:
 * <ul>
 *   <li>C_{0,0} = 1/N_0;</li>
 *   <li>C_{i,m} = Σ_l μ_{i,l} C_{l,m} for m &lt; i (the draws of generation i have conditional mean
 *       λ_i p₀ + Σ_l μ_{i,l} p̂_l);</li>
 *   <li>stratified mixing (exactly μ_{i,l}N_i draws from p̂_l): C_{i,i} = (1 − Σ_l μ_{i,l} C_{l,l})/N_i + Q_i;</li>
 *   <li>iid mixing (N_i draws from the mixture q_i): C_{i,i} = (1 − Q_i)/N_i + Q_i.</li>
 * </ul>
 * Consequences tested by the oracle, with a_i = C_{i,i}, k′ the number of atoms p₀ charges and P = Σ_j p₀_j²:
 * E[1 − Σ_j p̂_{i,j}²] = (1 − a_i)(1 − P) (for fully-synthetic, a_i = 1 − (1 − 1/N)^{i+1}); the Pearson
 * dispersion D_i = Σ_j (p̂_{i,j} − p₀_j)²/p₀_j has E D_i = a_i (k′ − 1); and the mean of R independent replicates'
 * models has covariance (a_i/R)(diag p₀ − p₀p₀ᵀ). Values are doubles: the recursion is a chain of convex
 * combinations and loses nothing that matters to a statistical test.
 */
public final class CountMoments {

    /** Most generations of a schedule whose generations draw from several earlier models (O(g²) memory). */
    public static final int MAX_GENERAL_GENERATIONS = 2_000;

    private final double[] a;

    private CountMoments(double[] a) {
        this.a = a;
    }

    /*@ public normal_behavior
      @ requires schedule.isPreviousGenerationOnly() || schedule.generations() <= MAX_GENERAL_GENERATIONS;
      @ ensures \result.generations() == schedule.generations();
      @ also public exceptional_behavior
      @ requires !schedule.isPreviousGenerationOnly() && schedule.generations() > MAX_GENERAL_GENERATIONS;
      @ signals_only ParameterException;
      @*/
    /**
     * The coefficients a_i = C_{i,i} of a schedule under a mixing, for the empirical learner.
     *
     * @param schedule sizes N_i, real proportions λ_i and synthetic weights μ_{i,l}
     * @param mixing stratified or iid
     * @return the moments
     * @throws ParameterException (symbol {@code i}) for a schedule that draws from several earlier models and has
     *     more than {@link #MAX_GENERAL_GENERATIONS} generations
     */
    public static CountMoments of(Schedule schedule, Mixing mixing) {
        int g = schedule.generations();
        if (g < 0) {
            throw new IllegalArgumentException("a schedule has generations 0..g, g >= 0");
        }
        double[] diag = new double[g + 1];
        if (schedule.isPreviousGenerationOnly()) {
            for (int i = 0; i <= g && i < diag.length; i++) {
                double n = schedule.size(i).doubleValue();
                double mu = i == 0 ? 0 : last(schedule.weights(i));
                double previous = i == 0 ? 0 : diag[i - 1];
                diag[i] = diagonal(mixing, n, mu * previous, mu * mu * previous);
            }
            return new CountMoments(diag);
        }
        if (g > MAX_GENERAL_GENERATIONS) {
            throw ParameterException.outside("i", "at most " + MAX_GENERAL_GENERATIONS + " for the moment identities"
                    + " of a scenario whose generations draw from several earlier models", g);
        }
        // c[i][m], m <= i: the lower triangle of C.
        double[][] c = new double[g + 1][];
        for (int i = 0; i <= g; i++) {
            double[] row = new double[i + 1];
            List<Source> mu = weights(schedule.weights(i));
            double selfWeighted = 0;
            for (int m = 0; m < i; m++) {
                double s = 0;
                for (Source w : mu) {
                    s += w.value * entry(c, w.index, m);
                }
                row[m] = s;
            }
            double q = 0;
            for (Source w : mu) {
                int l = w.index();
                if (l >= 0 && l < row.length) {
                    q += w.value() * row[l];
                }
                selfWeighted += w.value * entry(c, w.index, w.index);
            }
            row[i] = diagonal(mixing, schedule.size(i).doubleValue(), selfWeighted, q);
            c[i] = row;
            diag[i] = row[i];
        }
        return new CountMoments(diag);
    }

    private static double diagonal(Mixing mixing, double n, double selfWeighted, double q) {
        return mixing == Mixing.IID ? (1 - q) / n + q : (1 - selfWeighted) / n + q;
    }

    private static double entry(double[][] c, int i, int m) {
        int hi = Math.max(i, m);
        int lo = Math.min(i, m);
        if (hi < 0 || hi >= c.length) {
            throw new IndexOutOfBoundsException("generation " + hi + " of " + c.length);
        }
        double[] row = c[hi];
        if (lo < 0 || lo >= row.length) {
            throw new IndexOutOfBoundsException("generation " + lo + " of " + row.length);
        }
        return row[lo];
    }

    private static double last(List<Rational> row) {
        return row.isEmpty() ? 0 : row.get(row.size() - 1).doubleValue();
    }

    /** A non-zero weight μ_{i,l} with its source l. */
    private record Source(int index, double value) {
    }

    private static List<Source> weights(List<Rational> row) {
        List<Source> out = new ArrayList<>();
        for (int l = 0; l < row.size(); l++) {
            if (row.get(l).signum() != 0) {
                out.add(new Source(l, row.get(l).doubleValue()));
            }
        }
        return out;
    }

    /** The last generation g. */
    public int generations() {
        return a.length - 1;
    }

    /*@ public normal_behavior
      @ requires 0 <= i && i <= generations();
      @ ensures 0 < \result && \result <= 1;
      @*/
    /**
     * @param i a generation in 0..g
     * @return a_i, with Cov(p̂_i) = a_i (diag p₀ − p₀p₀ᵀ)
     * @throws IndexOutOfBoundsException outside 0..g
     */
    public double a(int i) {
        if (i < 0 || i >= a.length) {
            throw new IndexOutOfBoundsException("generation " + i + " of 0.." + generations());
        }
        return a[i];
    }
}
