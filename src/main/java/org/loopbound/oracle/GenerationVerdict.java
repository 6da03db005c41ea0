package org.loopbound.oracle;

/**
 * The verdict of one generation: PASS when every test of the generation passed.
 *
 * @param generation i
 * @param pass whether every test of generation i passed (Holm-adjusted p-value above α)
 * @param weakest the test of generation i with the smallest Holm-adjusted p-value
 * @param detectableShift the detectable shift of E TV of generation i's E TV test (NaN if there is none)
 */
public record GenerationVerdict(int generation, boolean pass, GenerationTest weakest, double detectableShift) {
}
