package org.loopbound.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Rational;
import org.loopbound.stats.ArgminExponent;
import org.loopbound.stats.MeanInterval;

/**
 * The audit's verdicts can fail: each decision rule is fed synthetic results that violate its criterion and must
 * give FAIL (and PASS on results that meet it), with the criterion stated in the section.
 */
class VerdictCriteriaTest {

    private static ClaimSection section() {
        return new ClaimSection("C4", "test", List.of());
    }

    private static final List<BigInteger> NS = List.of(50L, 100L, 200L, 400L, 800L).stream()
            .map(BigInteger::valueOf).toList();

    /** C4's exponent verdict on a synthetic fit. */
    private static ClaimSection judge(double exponent, double lo, double hi, boolean interior) {
        ClaimSection s = section();
        C4EarlyStopping.judgeExponent(s, new ArgminExponent.Fit(exponent, lo, hi, 0.95, 100, List.of(2, 3, 4, 5, 6),
                interior), NS, C4EarlyStopping.grid(4), "synthetic");
        return s;
    }

    @Test
    void c4ExponentOutsideTheIntervalFails() {
        ClaimSection s = judge(1.0, 0.8, 1.3, true);
        assertEquals(Verdict.FAIL, s.verdict());
        assertTrue(s.checks().get(0).criterion().contains("1/5"), s.checks().get(0).criterion());
        assertTrue(s.checks().get(0).detail().contains("OUTSIDE"), s.checks().get(0).detail());
    }

    @Test
    void c4ExponentOnTheGridEdgeFails() {
        assertEquals(Verdict.FAIL, judge(0.2, 0.1, 0.3, false).verdict());
    }

    @Test
    void c4ExponentInsideTheIntervalPasses() {
        assertEquals(Verdict.PASS, judge(0.25, 0.1, 0.4, true).verdict());
    }

    /** A cell of a τ curve: mean {@code m}, replicates m ± spread (so a small spread makes the tests decisive). */
    private static MeanInterval cell(double m, double spread) {
        return MeanInterval.of(new double[] {m - spread, m, m + spread, m - spread / 2, m + spread / 2}, 0.95);
    }

    private static Verdict uShape(double spread, double... means) {
        ClaimSection s = section();
        List<MeanInterval> curve = java.util.Arrays.stream(means).mapToObj(m -> cell(m, spread)).toList();
        C4EarlyStopping.uShape(s, curve, C4EarlyStopping.grid(4).subList(0, means.length), BigInteger.TEN, "synthetic");
        return s.verdict();
    }

    @Test
    void c4UShapeIsPassInconclusiveOrFail() {
        assertEquals(Verdict.PASS, uShape(0.001, 0.5, 0.2, 0.1, 0.3, 0.6));
        // the same means with replicates too noisy for the tests to reach their level: neither for nor against
        assertEquals(Verdict.INCONCLUSIVE, uShape(0.5, 0.5, 0.2, 0.1, 0.3, 0.6));
        // the smallest mean at an end of the grid: no U where the grid looked for one
        assertEquals(Verdict.FAIL, uShape(0.001, 0.5, 0.4, 0.3, 0.2, 0.1));
    }

    @Test
    void aSectionIsFailBeforeInconclusiveBeforePass() {
        ClaimSection s = section();
        s.check(Verdict.PASS, "c", "d");
        assertEquals(Verdict.PASS, s.verdict());
        s.check(Verdict.INCONCLUSIVE, "c", "d");
        assertEquals(Verdict.INCONCLUSIVE, s.verdict());
        s.check(Verdict.FAIL, "c", "d");
        assertEquals(Verdict.FAIL, s.verdict());
        assertEquals(Verdict.NONE, section().verdict());
    }

    @Test
    void c4GridHasTheAskedDensity() {
        List<Rational> g = C4EarlyStopping.grid(4);
        assertEquals(Rational.of(100000), g.get(0));
        assertEquals(19, g.size());
        assertFalse(g.stream().anyMatch(t -> t.signum() <= 0));
    }

    /** Thirteen points (the s/r grid) of a given shape plus noise, per learner. */
    private static C3Learners.LearnerSweep sweep(String name, java.util.function.IntToDoubleFunction shape,
                                                        long seed) {
        double[] s = new double[C3Learners.FINE.size()];
        for (int t = 0; t < s.length; t++) {
            s[t] = shape.applyAsDouble(t);
        }
        return new C3Learners.LearnerSweep(name, org.loopbound.stats.RiseThenDeclineTest.curve(s, 0.05, 40,
                seed), "synthetic");
    }

    @Test
    void c3MonotoneOrFlatLearnersAreNotShownAndAPeakedOnePasses() {
        ClaimSection s = new ClaimSection("C3", "test", List.of());
        C3Learners.judgeLearners(s, List.of(
                sweep("rising, a", t -> 0.1 + 0.02 * t, 1),
                sweep("flat, b", t -> 0.1, 2),
                sweep("peaked, c", t -> 0.1 + 0.3 * Math.exp(-(t - 5) * (t - 5) / 4.0), 3)));
        List<ClaimSection.CrossCheck> c = s.checks();
        assertEquals(List.of(Verdict.INCONCLUSIVE, Verdict.INCONCLUSIVE, Verdict.PASS),
                c.stream().map(ClaimSection.CrossCheck::verdict).toList());
        assertTrue(c.get(0).criterion().contains("Holm"), c.get(0).criterion());
        assertEquals(Verdict.INCONCLUSIVE, s.verdict());
        assertEquals(2, s.tables().size());
    }
}
