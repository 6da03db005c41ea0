/**
 * Parameter sweeps (issue 9): grids of simulations ({@link org.loopbound.sweep.Grid}, parsed and validated with
 * file, line and field in every error), their cells with canonical keys ({@link org.loopbound.sweep.Cell}), the
 * per-cell computation ({@link org.loopbound.sweep.CellRecord}, the only code that computes a cell), engines that
 * distribute it ({@link org.loopbound.sweep.LocalEngine} in process; others, such as the Apache Spark engine of the
 * optional {@code spark/} module, through {@link java.util.ServiceLoader}), the resumable
 * {@link org.loopbound.sweep.ResultStore} (a {@link org.loopbound.run.RecordStore}) and the outputs (CSV, JSON
 * lines, SVG summary).
 *
 * <p>A cell's randomness derives from (seed, cell key, replicate) through
 * {@link org.loopbound.sim.ReplicateStreams#cellSeed}, so results never depend on the engine, machine, thread or
 * order. This package may depend on {@code org.loopbound.arith}, {@code .param}, {@code .bound}, {@code .sim},
 * {@code .stats}, {@code .plot}, {@code .spec}, {@code .run}, {@code .io} (strict JSON messages) and Gson; it knows
 * nothing of {@code org.loopbound.cli} or picocli.
 */
package org.loopbound.sweep;
