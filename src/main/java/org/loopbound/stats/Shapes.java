package org.loopbound.stats;

import java.util.List;

/**
 * The shape rules of the claims audit: a U-shaped curve of replicate means (claim C4: TV against the training time)
 * and a curve that rises, then declines (claim C3: the bound against the synthetic amount).
 */
public final class Shapes {

    private Shapes() {
    }

    /**
     * The U-shape decision for one curve.
     *
     * @param minimum the first position of the smallest mean
     * @param pLeft the one-sided Welch p-value that the first cell's mean exceeds the minimum's
     * @param pRight the one-sided Welch p-value that the last cell's mean exceeds the minimum's
     * @param uShaped whether the minimum is interior and both p-values are below the level
     */
    public record UShape(int minimum, double pLeft, double pRight, boolean uShaped) {
    }

    /*@ public normal_behavior
      @ requires curve.size() >= 1 && (* every cell has at least 2 replicates *) && 0 < level && level < 1;
      @ ensures \result.minimum() == Extremum.argMinMean(curve);
      @ ensures \result.uShaped() == (0 < \result.minimum() && \result.minimum() < curve.size() - 1
      @         && \result.pLeft() < level && \result.pRight() < level);
      @*/
    /**
     * Whether a curve of replicate means is U-shaped: its smallest mean lies strictly inside, and both ends are
     * significantly above it by one-sided Welch tests at {@code level} each. The minimum is chosen on the same data
     * as the tests, which makes them slightly optimistic; a Bonferroni-style level per test is the caller's choice.
     *
     * @param curve the cells in order of the swept parameter, at least one, each with at least 2 replicates
     * @param level the level of each of the two tests, in (0, 1)
     * @return the minimum, both p-values and the decision
     * @throws IllegalArgumentException if the curve is empty, a cell has fewer than 2 replicates, or the level is
     *     outside (0, 1)
     */
    public static UShape uShape(List<MeanInterval> curve, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the level must be in (0, 1), got " + level);
        }
        int best = Extremum.argMinMean(curve);
        int last = curve.size() - 1;
        double pLeft = WelchTest.greater(curve.get(0), curve.get(best));
        double pRight = WelchTest.greater(curve.get(last), curve.get(best));
        return new UShape(best, pLeft, pRight, best > 0 && best < last && pLeft < level && pRight < level);
    }

    /*@ public normal_behavior
      @ requires !values.isEmpty();
      @ ensures \result == (0 < Extremum.argMax(values) && Extremum.argMax(values) < values.size() - 1);
      @*/
    /**
     * Whether a curve rises, then declines: its (first) largest value lies strictly inside, so it is above both
     * ends.
     *
     * @param values the curve in order of the swept parameter, at least one value
     * @return whether the first argmax is neither the first nor the last position
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public static boolean risesThenDeclines(List<Double> values) {
        int peak = Extremum.argMax(values);
        return peak > 0 && peak < values.size() - 1;
    }
}
