package org.loopbound.stats;

import java.util.List;

/**
 * The position of the smallest or largest replicate mean in a row of cells (a grid of τ, a sweep of s). Ties go to
 * the first position, so the answer does not depend on how the means were computed beyond their order.
 */
public final class Extremum {

    private Extremum() {
    }

    /*@ public normal_behavior
      @ requires !cells.isEmpty();
      @ ensures 0 <= \result && \result < cells.size();
      @ ensures (\forall int k; 0 <= k && k < cells.size(); cells.get(\result).mean() <= cells.get(k).mean());
      @ ensures (\forall int k; 0 <= k && k < \result; cells.get(k).mean() > cells.get(\result).mean());
      @*/
    /**
     * The first position of the smallest mean.
     *
     * @param cells the replicate means of the cells, at least one
     * @return the least k with mean_k = min_j mean_j
     * @throws IllegalArgumentException if {@code cells} is empty
     */
    public static int argMinMean(List<MeanInterval> cells) {
        int best = first(cells);
        for (int k = 1; k < cells.size(); k++) {
            if (cells.get(k).mean() < cells.get(best).mean()) {
                best = k;
            }
        }
        return best;
    }

    /*@ public normal_behavior
      @ requires !cells.isEmpty();
      @ ensures 0 <= \result && \result < cells.size();
      @ ensures (\forall int k; 0 <= k && k < cells.size(); cells.get(\result).mean() >= cells.get(k).mean());
      @ ensures (\forall int k; 0 <= k && k < \result; cells.get(k).mean() < cells.get(\result).mean());
      @*/
    /**
     * The first position of the largest mean.
     *
     * @param cells the replicate means of the cells, at least one
     * @return the least k with mean_k = max_j mean_j
     * @throws IllegalArgumentException if {@code cells} is empty
     */
    public static int argMaxMean(List<MeanInterval> cells) {
        int best = first(cells);
        for (int k = 1; k < cells.size(); k++) {
            if (cells.get(k).mean() > cells.get(best).mean()) {
                best = k;
            }
        }
        return best;
    }

    /*@ public normal_behavior
      @ requires !values.isEmpty();
      @ ensures 0 <= \result && \result < values.size();
      @ ensures (\forall int k; 0 <= k && k < values.size(); values.get(\result) >= values.get(k));
      @ ensures (\forall int k; 0 <= k && k < \result; values.get(k) < values.get(\result));
      @*/
    /**
     * The first position of the largest value (a certified curve's upper ends, say).
     *
     * @param values at least one value, none NaN
     * @return the least k with values[k] = max_j values[j]
     * @throws IllegalArgumentException if {@code values} is empty
     */
    public static int argMax(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the argmax of no values is undefined");
        }
        int best = 0;
        for (int k = 1; k < values.size(); k++) {
            if (values.get(k) > values.get(best)) {
                best = k;
            }
        }
        return best;
    }

    private static int first(List<MeanInterval> cells) {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("the extremum of no cells is undefined");
        }
        return 0;
    }
}
