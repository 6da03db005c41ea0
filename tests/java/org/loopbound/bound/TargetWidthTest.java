package org.loopbound.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loopbound.arith.Dyadic;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/** TargetWidth: absolute and relative widths, on both sides of the limit, for negative and zero-straddling values. */
class TargetWidthTest {

    private static Interval of(long lo, long hi) {
        return Interval.of(Dyadic.of(lo), Dyadic.of(hi));
    }

    @Test
    void anAbsoluteWidthComparesHiMinusLoWithW() {
        TargetWidth w = TargetWidth.absolute(Rational.of(2));
        assertFalse(w.isRelative());
        assertEquals(Rational.of(2), w.value());
        assertTrue(w.isMetBy(of(1000, 1002)));
        assertFalse(w.isMetBy(of(1000, 1003)));
        assertTrue(w.isMetBy(of(-1, 1)));
        assertEquals(Rational.of(2), w.allowedFor(of(5, 9)));
        assertEquals("width <= 2", w.toString());
    }

    @Test
    void aRelativeWidthScalesWithTheSmallerMagnitudeAndExcludesZero() {
        TargetWidth w = TargetWidth.relative(Rational.of(1, 100));
        assertTrue(w.isRelative());
        assertTrue(w.isMetBy(of(1000, 1010)));
        assertFalse(w.isMetBy(of(1000, 1011)));
        assertTrue(w.isMetBy(of(-1010, -1000)), "negative values: |hi| is the smaller magnitude");
        assertFalse(w.isMetBy(of(-1011, -1000)));
        assertEquals(Rational.of(10), w.allowedFor(of(-1010, -1000)));
        assertEquals(Rational.ZERO, w.allowedFor(of(-1, 1)));
        assertFalse(w.isMetBy(of(0, 0)), "a value that may be 0 never meets a relative width");
        assertTrue(w.isMetBy(of(7, 7)));
        assertEquals("relative width <= 1/100", w.toString());
    }

    @Test
    void widthsMustBePositive() {
        assertThrows(ParameterException.class, () -> TargetWidth.absolute(Rational.ZERO));
        assertThrows(ParameterException.class, () -> TargetWidth.relative(Rational.of(-1)));
    }
}
