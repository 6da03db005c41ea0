/**
 * A test oracle for other people's simulators of the discrete self-consuming loop (issue 18): their per-replicate
 * results ({@link org.loopbound.oracle.Observations}, read from CSV by {@link org.loopbound.oracle.ObservationsCsv})
 * are tested generation by generation against what loopbound knows about the declared loop: the exact law of
 * TV(p̂_i, p₀) from the Markov chain of {@code org.loopbound.exact} where the state space allows, exact moment
 * identities that hold at any size ({@link org.loopbound.oracle.CountMoments}), and otherwise loopbound's own
 * simulation ({@code org.loopbound.sim}) by two-sample tests. The p-values are combined with Holm's step-down
 * procedure ({@link org.loopbound.oracle.Holm}), which controls the family-wise error across generations and
 * statistics. The tests themselves are commons-statistics-inference's; nothing here is certified.
 *
 * <p>Dependencies: {@code org.loopbound.arith}, {@code .param}, {@code .bound}, {@code .sim}, {@code .exact},
 * {@code .stats}, {@code .run} and {@code .io} (the strict CSV reader), commons-statistics; never {@code org.loopbound.cli}, which owns
 * options, files and printing.
 */
package org.loopbound.oracle;
