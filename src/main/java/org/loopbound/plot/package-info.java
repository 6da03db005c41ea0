/**
 * Deterministic SVG figures: line plots with bands and reference markers ({@link org.loopbound.plot.SvgPlot}) and
 * heat maps ({@link org.loopbound.plot.SvgHeatMap}). Same input, same bytes. The claims report and the sweep
 * summary both draw with these; neither owns them.
 * <p>Dependencies: the JDK only (numbers arrive as doubles and labels as text).
 */
package org.loopbound.plot;
