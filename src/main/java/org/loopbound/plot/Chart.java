package org.loopbound.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * The data of one figure, for a renderer to draw: a title, axis labels, lines (solid with markers, or dashed for
 * bounds and predictions), bounds on a total variation (drawn capped at 1, with their vacuous stretches shaded),
 * shaded bands (confidence bands), vertical reference markers and the x scale. The arrays are copied in and out, so
 * the data handed out cannot change.
 */
public final class Chart {

    /**
     * A line.
     *
     * @param name the legend entry
     * @param x the abscissae
     * @param y the ordinates
     * @param dashed true for a dashed line without point markers
     */
    public record Line(String name, double[] x, double[] y, boolean dashed) {

        /** Copies the arrays in. */
        public Line {
            x = x.clone();
            y = y.clone();
        }

        /** @return a copy of the abscissae */
        @Override
        public double[] x() {
            return x.clone();
        }

        /** @return a copy of the ordinates */
        @Override
        public double[] y() {
            return y.clone();
        }
    }

    /**
     * A band between two curves.
     *
     * @param name the legend entry
     * @param x the abscissae
     * @param lo the lower curve
     * @param hi the upper curve
     */
    public record Band(String name, double[] x, double[] lo, double[] hi) {

        /** Copies the arrays in. */
        public Band {
            x = x.clone();
            lo = lo.clone();
            hi = hi.clone();
        }

        /** @return a copy of the abscissae */
        @Override
        public double[] x() {
            return x.clone();
        }

        /** @return a copy of the lower curve */
        @Override
        public double[] lo() {
            return lo.clone();
        }

        /** @return a copy of the upper curve */
        @Override
        public double[] hi() {
            return hi.clone();
        }
    }

    /**
     * An upper bound on a total variation distance. TV never exceeds 1, so the renderer draws min(bound, 1) and shades
     * the abscissae where the bound is vacuous; which points are vacuous is the caller's judgement (e.g. the bound's
     * certified lower end is at least 1), not the renderer's.
     *
     * @param name the legend entry of the (capped) bound
     * @param vacuousName the legend entry of the shading, saying what it means
     * @param x the abscissae
     * @param upper the bound's values (upper ends of enclosures), uncapped
     * @param vacuous for each abscissa, whether the bound there is vacuous
     */
    public record TvBound(String name, String vacuousName, double[] x, double[] upper, boolean[] vacuous) {

        /** Copies the arrays in. */
        public TvBound {
            x = x.clone();
            upper = upper.clone();
            vacuous = vacuous.clone();
        }

        /** @return a copy of the abscissae */
        @Override
        public double[] x() {
            return x.clone();
        }

        /** @return a copy of the bound's values, uncapped */
        @Override
        public double[] upper() {
            return upper.clone();
        }

        /** @return a copy of the vacuity flags */
        @Override
        public boolean[] vacuous() {
            return vacuous.clone();
        }
    }

    /**
     * A vertical reference line.
     *
     * @param x its abscissa
     * @param label its label
     */
    public record Marker(double x, String label) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Line> lines = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final List<TvBound> tvBounds = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private boolean logX;

    /**
     * An empty chart.
     *
     * @param title the title
     * @param xLabel the x axis label, with units
     * @param yLabel the y axis label, with units
     */
    public Chart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /**
     * Adds a solid line with point markers.
     *
     * @param name the legend entry
     * @param x the abscissae
     * @param y the ordinates, as many
     * @return this chart
     */
    public Chart line(String name, double[] x, double[] y) {
        lines.add(new Line(name, x, y, false));
        return this;
    }

    /**
     * Adds a dashed line without point markers.
     *
     * @param name the legend entry
     * @param x the abscissae
     * @param y the ordinates, as many
     * @return this chart
     */
    public Chart dashed(String name, double[] x, double[] y) {
        lines.add(new Line(name, x, y, true));
        return this;
    }

    /**
     * Adds a shaded band.
     *
     * @param name the legend entry
     * @param x the abscissae
     * @param lo the lower curve
     * @param hi the upper curve
     * @return this chart
     */
    public Chart band(String name, double[] x, double[] lo, double[] hi) {
        bands.add(new Band(name, x, lo, hi));
        return this;
    }

    /**
     * Adds an upper bound on a total variation, drawn dashed as min(bound, 1) with its vacuous stretches shaded.
     *
     * @param name the legend entry of the bound, e.g. "min(B_i, 1)"
     * @param vacuousName the legend entry of the shading, e.g. "B_i vacuous (lower end ≥ 1)"
     * @param x the abscissae
     * @param upper the bound's values, as many, uncapped
     * @param vacuous whether the bound is vacuous at each abscissa, as many
     * @return this chart
     */
    public Chart tvBound(String name, String vacuousName, double[] x, double[] upper, boolean[] vacuous) {
        tvBounds.add(new TvBound(name, vacuousName, x, upper, vacuous));
        return this;
    }

    /**
     * Adds a vertical reference line.
     *
     * @param x its abscissa
     * @param label its label
     * @return this chart
     */
    public Chart marker(double x, String label) {
        markers.add(new Marker(x, label));
        return this;
    }

    /**
     * Makes the x axis logarithmic (every x must then be positive).
     *
     * @return this chart
     */
    public Chart logX() {
        logX = true;
        return this;
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /** @return the x axis label */
    public String xLabel() {
        return xLabel;
    }

    /** @return the y axis label */
    public String yLabel() {
        return yLabel;
    }

    /** @return whether the x axis is logarithmic */
    public boolean isLogX() {
        return logX;
    }

    /** @return the lines in the order they were added */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** @return the bands in the order they were added */
    public List<Band> bands() {
        return List.copyOf(bands);
    }

    /** @return the bounds on a total variation in the order they were added */
    public List<TvBound> tvBounds() {
        return List.copyOf(tvBounds);
    }

    /** @return the markers in the order they were added */
    public List<Marker> markers() {
        return List.copyOf(markers);
    }
}
