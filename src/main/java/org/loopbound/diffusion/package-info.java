/**
 * A reference diffusion model in one dimension (issue 5), for simulating claim C4 [claim] with the D0 [imported]
 * network and the D1/D2 [derived] reconstructions: Gaussian-mixture data, the Ornstein–Uhlenbeck forward process and
 * the exact score of its marginals, reverse-SDE and probability-flow samplers, the random-feature score network
 * trained on the denoising score-matching loss by the closed-form gradient flow (spec/diffusion.md), the histogram
 * TV estimator and the self-consuming loop over the scenarios of theory.md §1.
 *
 * <p>Everything here is double-precision simulation, not certified computation; certified values (such as D2's
 * τ*) come from {@code org.loopbound.bound}. This package may depend on {@code org.loopbound.arith}, {@code .param},
 * {@code .bound}, {@code .sim} (per-replicate streams), {@code .stats} (replicate means, tests, fits) and
 * {@code .run}; it never depends on {@code org.loopbound.cli}.
 */
package org.loopbound.diffusion;
