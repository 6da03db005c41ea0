/**
 * The statistics of the simulation experiments, in double precision: the replicate mean with its Student-t interval
 * ({@link org.loopbound.stats.MeanInterval}), the one-sided Welch test between two such means
 * ({@link org.loopbound.stats.WelchTest}, commons-statistics-inference), the least-squares slope of a fitted
 * exponent ({@link org.loopbound.stats.LeastSquares}) and the first argmin/argmax of a row of replicate means
 * ({@link org.loopbound.stats.Extremum}). Nothing here is certified: certified values come from
 * {@code org.loopbound.bound}.
 *
 * <p>Dependencies: commons-statistics (distribution, inference) and the JDK only; every simulation package
 * ({@code sim}, {@code diffusion}, {@code kde}) and the audit may depend on it.
 */
package org.loopbound.stats;
