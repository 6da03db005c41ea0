package org.loopbound.exact;

import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Rational;

/**
 * What the exact chain says about generation i. Every {@link Certified} is exact under {@link Arithmetic#EXACT}
 * and an enclosure of the exact value under {@link Arithmetic#CERTIFIED}.
 *
 * @param generation i
 * @param size N_i
 * @param states the number of count vectors of N_i draws on k atoms, C(N_i + k − 1, k − 1)
 * @param expectedTv E TV(p̂_i, p₀)
 * @param expectedGiniSimpson E[1 − Σ_j p̂_{i,j}²]
 * @param tvDistribution every value TV(p̂, p₀) that a count vector of generation i gives, ascending, with its
 *     probability (zero-probability values included, so the list is the same for every p₀-reachable law)
 * @param bound B_i as given, or null when no bounds were given
 * @param violationProbability P(TV(p̂_i, p₀) &gt; B_i), or null when no bounds were given; when B_i is only
 *     enclosed, [P(TV &gt; hi(B_i)), P(TV &gt; lo(B_i))] is widened to contain it
 * @param unresolvedMass an upper bound on the probability mass not attributed to any state (rounding and pruned
 *     tails; 0 under exact arithmetic): every enclosure above is at most this wide (times max TV for E TV)
 */
public record GenerationLaw(int generation, long size, int states, Certified expectedTv,
                            Certified expectedGiniSimpson, List<TvAtom> tvDistribution, @Nullable Certified bound,
                            @Nullable Certified violationProbability, Rational unresolvedMass) {

    /** A copy-on-construction record: the distribution list is unmodifiable. */
    public GenerationLaw {
        tvDistribution = List.copyOf(tvDistribution);
    }
}
