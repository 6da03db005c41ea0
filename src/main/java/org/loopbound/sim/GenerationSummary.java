package org.loopbound.sim;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Rational;

/**
 * The measures of one generation across all replicates. Exact: the TV mean and its nearest-rank quantiles, the mean
 * number of atoms lost, the bound B_i (certified), (i+1)δ and the violation rate. Double precision (statistics, never
 * printed as exact): the Student-t interval of the TV mean, Gini–Simpson and entropy means, the Clopper–Pearson
 * interval of the violation rate and the test's p-value (NaN when undefined: one replicate, or no test).
 *
 * @param generation i
 * @param size N_i
 * @param lambda λ_i
 * @param meanTv mean over replicates of the exact TV(p̂_i, p₀)
 * @param tvCiLo lower end of the 95% Student-t interval of the mean TV (NaN for one replicate)
 * @param tvCiHi upper end of that interval
 * @param tvMin smallest TV
 * @param tvMedian nearest-rank median: the ⌈R/2⌉-th smallest TV
 * @param tvP90 nearest-rank 90% quantile: the ⌈0.9R⌉-th smallest TV
 * @param tvMax largest TV
 * @param giniSimpson mean Gini–Simpson diversity 1 − Σ p̂²
 * @param giniCiLo lower end of its 95% Student-t interval (NaN for one replicate)
 * @param giniCiHi upper end of that interval
 * @param entropy mean entropy in nats
 * @param atomsLost mean number of atoms of p₀ with p̂_i = 0
 * @param fixedReplicates replicates in which p̂_i is a point mass
 * @param bound B_i, or null without a proven ε
 * @param failureProbability (i+1)δ
 * @param violations replicates with TV &gt; hi(B_i)
 * @param violationRate violations / R
 * @param violationCiLo lower end of the 95% Clopper–Pearson interval of the violation rate
 * @param violationCiHi upper end of that interval
 * @param pValue P(Bin(R, (i+1)δ) ≥ violations) (NaN when there is no test)
 * @param verdict PASS, FAIL, VACUOUS or NO-BOUND
 */
public record GenerationSummary(int generation, long size, Rational lambda, Rational meanTv, double tvCiLo,
                                double tvCiHi, Rational tvMin, Rational tvMedian, Rational tvP90, Rational tvMax,
                                double giniSimpson, double giniCiLo, double giniCiHi, double entropy,
                                Rational atomsLost, int fixedReplicates, @Nullable Certified bound,
                                Rational failureProbability, int violations, Rational violationRate,
                                double violationCiLo, double violationCiHi, double pValue, Verdict verdict) {
}
