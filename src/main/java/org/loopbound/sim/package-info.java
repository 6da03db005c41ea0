/**
 * The discrete self-consuming loop simulator (issue 4): generations of the empirical (or add-β) learner on k atoms,
 * trained on the mixtures of real and synthetic data of the scenarios of theory.md §1, with the exact total-variation
 * distance to p₀ measured per generation and compared with the R3 bound B_i built from EPS-EMP (theory.md §6).
 *
 * <p>Everything random is drawn from one stream per replicate, derived from (seed, replicate), so results do not
 * depend on the number of threads. This package may depend on {@code org.loopbound.arith}, {@code .kernel},
 * {@code .param}, {@code .bound} and {@code .run} (the worker pool); it never depends on {@code org.loopbound.cli},
 * which owns files, progress and printing.
 */
package org.loopbound.sim;
