/**
 * The Gaussian kernel density estimator in one dimension and its self-consuming loop (issue 5, claim C5 [claim]):
 * fit, evaluate, sample (a stored point plus h·Z), bandwidth fixed or by Silverman's rule, TV to p₀ by quadrature, and
 * the agreement checks against K2 [derived] (the exact expected density and its certified TV lower bound).
 *
 * <p>Double-precision simulation; the certified values come from {@code org.loopbound.bound.K2KdeExpectedDensity}.
 * This package may depend on {@code org.loopbound.arith}, {@code .param}, {@code .bound}, {@code .sim} (per-replicate
 * streams), {@code .stats} (replicate means) and on {@code org.loopbound.diffusion.GaussianMixture} (the data
 * distribution both simulators share); it never depends on {@code org.loopbound.cli}.
 */
package org.loopbound.kde;
