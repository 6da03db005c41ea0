package org.loopbound.audit;

import java.util.ArrayList;
import java.util.List;
import org.loopbound.arith.Certified;
import org.loopbound.bound.TotalVariation;

/**
 * How tight a bound is: per generation the ratio B_i / E TV(p̂_i, p₀) of the bound's upper end to the expected TV
 * (exact where the exact chain is computable, simulated otherwise), and the bound's class — within a factor 2,
 * within a factor 10, or worse — decided by its largest ratio over the generations where the bound is not vacuous
 * (B_i ≥ 1 says nothing about a TV, so its ratio is reported but does not classify).
 */
public final class Tightness {

    /** A bound's class. */
    public enum Factor {
        /** Every non-vacuous ratio is at most 2. */
        WITHIN_2("within a factor 2"),
        /** Every non-vacuous ratio is at most 10, some above 2. */
        WITHIN_10("within a factor 10"),
        /** Some non-vacuous ratio exceeds 10. */
        WORSE("worse than a factor 10"),
        /** The bound is vacuous at every generation. */
        VACUOUS("vacuous at every generation");

        private final String text;

        Factor(String text) {
            this.text = text;
        }

        /** @return the class in words */
        public String text() {
            return text;
        }

        /*@ public normal_behavior
          @ requires ratio >= 0;
          @ ensures \result == (ratio <= 2 ? WITHIN_2 : ratio <= 10 ? WITHIN_10 : WORSE);
          @*/
        /**
         * The class of one ratio.
         *
         * @param ratio B / E TV, not NaN
         * @return {@link #WITHIN_2} when ratio ≤ 2, {@link #WITHIN_10} when ratio ≤ 10, else {@link #WORSE}
         *     (an infinite ratio, E TV = 0 with B &gt; 0, is {@link #WORSE})
         */
        public static Factor of(double ratio) {
            return ratio <= 2 ? WITHIN_2 : ratio <= 10 ? WITHIN_10 : WORSE;
        }
    }

    /**
     * One generation.
     *
     * @param generation i
     * @param bound B_i, exact or enclosed
     * @param expectedTv E TV(p̂_i, p₀): exact value's nearest double, an enclosure's midpoint, or a replicate mean
     * @param ratio the upper end of B_i divided by {@code expectedTv}
     * @param vacuous whether B_i is vacuous (its lower end is at least 1)
     */
    public record Point(int generation, Certified bound, double expectedTv, double ratio, boolean vacuous) {
    }

    /**
     * One scenario's bound against its expected TV.
     *
     * @param scenario the scenario's name
     * @param source where E TV comes from ("exact chain", "simulation, R replicates"…)
     * @param points one per generation, in order
     */
    public record Row(String scenario, String source, List<Point> points) {

        /** Copies the list. */
        public Row {
            points = List.copyOf(points);
        }

        /**
         * The largest ratio over the non-vacuous generations.
         *
         * @return max ratio, or NaN when every generation is vacuous
         */
        public double worstRatio() {
            return points.stream().filter(p -> !p.vacuous()).mapToDouble(Point::ratio).max().orElse(Double.NaN);
        }

        /**
         * The smallest ratio over the non-vacuous generations.
         *
         * @return min ratio, or NaN when every generation is vacuous
         */
        public double bestRatio() {
            return points.stream().filter(p -> !p.vacuous()).mapToDouble(Point::ratio).min().orElse(Double.NaN);
        }

        /**
         * The bound's class.
         *
         * @return {@link Factor#of} the worst non-vacuous ratio, or {@link Factor#VACUOUS} when there is none
         */
        public Factor factor() {
            double w = worstRatio();
            return Double.isNaN(w) ? Factor.VACUOUS : Factor.of(w);
        }
    }

    private Tightness() {
    }

    /*@ public normal_behavior
      @ requires bounds.size() == expected.size() && (* every expected value is >= 0 *);
      @ ensures \result.points().size() == bounds.size();
      @*/
    /**
     * The tightness of one bound sequence.
     *
     * @param scenario the scenario's name
     * @param source where E TV comes from
     * @param bounds B_0..B_g
     * @param expected E TV(p̂_0, p₀)..E TV(p̂_g, p₀), each ≥ 0
     * @return the row: ratio hi(B_i) / E TV_i per generation
     * @throws IllegalArgumentException if the lists differ in length or an expected value is negative or NaN
     */
    public static Row of(String scenario, String source, List<Certified> bounds, List<Double> expected) {
        if (bounds.size() != expected.size()) {
            throw new IllegalArgumentException("need one E TV per bound, got " + bounds.size() + " bounds and "
                    + expected.size() + " values");
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            double e = expected.get(i);
            if (!(e >= 0)) {
                throw new IllegalArgumentException("E TV of generation " + i + " must be >= 0, got " + e);
            }
            Certified b = bounds.get(i);
            points.add(new Point(i, b, e, ScenarioSimulation.upper(b) / e, TotalVariation.isVacuous(b)));
        }
        return new Row(scenario, source, points);
    }
}
