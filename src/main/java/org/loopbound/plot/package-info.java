/**
 * Deterministic SVG figures: line plots with bands, bounds on a total variation (capped at 1, vacuous stretches
 * shaded) and reference markers ({@link org.loopbound.plot.SvgPlot}, from a {@link org.loopbound.plot.Chart}) and
 * heat maps ({@link org.loopbound.plot.SvgHeatMap}). Same input, same bytes. Layout comes from conservative text
 * widths, so no title, label or legend entry leaves its figure; documents carry a viewBox and scale to their
 * container's width. The claims report and the sweep summary both draw with these; neither owns them.
 * <p>Dependencies: the JDK only (numbers arrive as doubles and labels as text).
 */
package org.loopbound.plot;
