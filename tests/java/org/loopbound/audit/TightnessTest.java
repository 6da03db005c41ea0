package org.loopbound.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;

/**
 * Tightness: the class boundaries 2 and 10, the vacuous generations left out of the class, and every scenario's
 * two-atom setting is either computable by the exact chain or (accumulate only, at the audit's sizes) refused by
 * it with a reason.
 */
class TightnessTest {

    private static Certified exact(long p, long q) {
        return Certified.exact(Rational.of(p, q));
    }

    @Test
    void classesFollowTheLargestNonVacuousRatio() {
        assertEquals(Tightness.Factor.WITHIN_2, Tightness.Factor.of(2));
        assertEquals(Tightness.Factor.WITHIN_10, Tightness.Factor.of(2.0001));
        assertEquals(Tightness.Factor.WITHIN_10, Tightness.Factor.of(10));
        assertEquals(Tightness.Factor.WORSE, Tightness.Factor.of(10.5));
        assertEquals(Tightness.Factor.WORSE, Tightness.Factor.of(Double.POSITIVE_INFINITY));
        Tightness.Row r = Tightness.of("s", "test", List.of(exact(1, 10), exact(3, 10), exact(3, 2)),
                List.of(0.08, 0.1, 0.01));
        assertEquals(1.25, r.points().get(0).ratio(), 1e-12);
        assertEquals(3, r.worstRatio(), 1e-12);
        assertTrue(r.points().get(2).vacuous());
        assertEquals(Tightness.Factor.WITHIN_10, r.factor());
        Tightness.Row loose = Tightness.of("s", "test", List.of(exact(1, 2)), List.of(0.01));
        assertEquals(Tightness.Factor.WORSE, loose.factor());
        Tightness.Row vacuous = Tightness.of("s", "test", List.of(exact(2, 1)), List.of(0.5));
        assertEquals(Tightness.Factor.VACUOUS, vacuous.factor());
        assertTrue(Double.isNaN(vacuous.worstRatio()));
    }

    @Test
    void refusesMismatchedOrNegativeInput() {
        assertThrows(IllegalArgumentException.class, () -> Tightness.of("s", "t", List.of(exact(1, 2)),
                List.of()));
        assertThrows(IllegalArgumentException.class, () -> Tightness.of("s", "t", List.of(exact(1, 2)),
                List.of(-0.1)));
    }

    @Test
    void everyScenarioHasATwoAtomSetting() {
        for (Scenario s : Scenario.values()) {
            assertEquals(s, TightnessCheck.run(s).scenario());
        }
    }
}
