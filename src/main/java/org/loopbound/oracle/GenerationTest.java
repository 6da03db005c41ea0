package org.loopbound.oracle;

/**
 * One test of one statistic at one generation.
 *
 * @param generation i
 * @param statistic what was tested
 * @param method the test and its reference, e.g. "z-test against the exact mean and variance (Markov chain)"
 * @param observed the statistic's value in the given results (a mean, or the test statistic of a distribution test)
 * @param expected its value under the declared loop (the exact or simulated mean; NaN for distribution tests)
 * @param pValue the raw p-value
 * @param holmPValue the Holm-adjusted p-value across every test of the run
 * @param pass whether the Holm-adjusted p-value exceeds the family-wise level α
 * @param detectableShift for E TV: the smallest |E TV − expected| this test detects with the requested power at
 *     the strictest Holm level α/m (normal approximation); NaN for the other statistics
 */
public record GenerationTest(int generation, Statistic statistic, String method, double observed, double expected,
                             double pValue, double holmPValue, boolean pass, double detectableShift) {
}
