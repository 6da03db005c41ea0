/**
 * Exact ground truth for the discrete self-consuming loop (issue 16 item 2): the law of every generation's count
 * vector, computed by pushing the initial law through the finite Markov chain over count vectors that the simulator
 * ({@code org.loopbound.sim}) samples from, and from it E TV(p̂_i, p₀), E[1 − Σ p̂²], the full distribution of
 * TV(p̂_i, p₀) and P(TV(p̂_i, p₀) &gt; B_i) for a given bound sequence.
 *
 * <p>Two arithmetics: exact rationals (integer numerators over one common denominator per generation), and certified
 * enclosures computed in double-word floating point with an a-priori relative error bound per operation, every
 * probability turned into a rigorous lower bound and all lost mass (rounding, pruned tails) collected into one
 * exactly computed deficit that widens the enclosures ({@link org.loopbound.exact.CertifiedChain}).
 *
 * <p>Dependencies: {@code org.loopbound.arith}, {@code .kernel}, {@code .bound} and {@code .sim} (scenarios,
 * schedules, p₀, learners, mixing and the exact TV of a model); never {@code org.loopbound.cli}, which owns options,
 * files and printing.
 */
package org.loopbound.exact;
