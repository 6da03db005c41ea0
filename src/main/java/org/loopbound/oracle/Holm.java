package org.loopbound.oracle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Holm's step-down procedure: with p-values sorted ascending p_(1) ≤ … ≤ p_(m), hypothesis (j) is rejected when
 * p_(l) ≤ α/(m − l + 1) for every l ≤ j. Equivalently its adjusted p-value max_{l ≤ j} min(1, (m − l + 1)·p_(l)) is
 * at most α. The family-wise error rate is at most α whatever the dependence between the tests.
 */
public final class Holm {

    private Holm() {
    }

    /*@ public normal_behavior
      @ requires (\forall int j; 0 <= j < p.length; 0 <= p[j] && p[j] <= 1);
      @ ensures \result.length == p.length;
      @ ensures (\forall int j; 0 <= j < p.length; p[j] <= \result[j] && \result[j] <= 1);
      @*/
    /**
     * The Holm-adjusted p-values: hypothesis j is rejected at family-wise level α exactly when the result's entry j is
     * at most α.
     *
     * @param p the raw p-values, each in [0, 1]
     * @return the adjusted p-values, in the order of {@code p}
     * @throws IllegalArgumentException if a p-value is outside [0, 1] or NaN
     */
    public static double[] adjust(double[] p) {
        List<Ranked> ranked = new ArrayList<>();
        for (int j = 0; j < p.length; j++) {
            if (!(p[j] >= 0 && p[j] <= 1)) {
                throw new IllegalArgumentException("a p-value must be in [0, 1], got " + p[j] + " at " + j);
            }
            ranked.add(new Ranked(p[j], j));
        }
        // Stable sort: equal p-values keep their input order, so the adjustment is deterministic.
        ranked.sort(Comparator.comparingDouble(Ranked::p));
        int m = p.length;
        double[] adjusted = new double[m];
        double running = 0;
        for (int l = 0; l < ranked.size(); l++) {
            Ranked r = ranked.get(l);
            running = Math.max(running, Math.min(1, (m - l) * r.p()));
            int j = r.index();
            if (j >= 0 && j < adjusted.length) {
                adjusted[j] = running;
            }
        }
        return adjusted;
    }

    /** A p-value with its position in the input. */
    private record Ranked(double p, int index) {
    }
}
