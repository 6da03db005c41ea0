package org.loopbound.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShapesTest {

    private static MeanInterval cell(double... v) {
        return MeanInterval.of(v, 0.95);
    }

    @Test
    void aClearUIsUShaped() {
        List<MeanInterval> u = List.of(cell(0.9, 0.91, 0.89, 0.9), cell(0.5, 0.52, 0.48, 0.5),
                cell(0.1, 0.11, 0.09, 0.1), cell(0.7, 0.71, 0.69, 0.7));
        Shapes.UShape s = Shapes.uShape(u, 0.025);
        assertEquals(2, s.minimum());
        assertEquals(WelchTest.greater(u.get(0), u.get(2)), s.pLeft());
        assertEquals(WelchTest.greater(u.get(3), u.get(2)), s.pRight());
        assertTrue(s.pLeft() < 1e-6 && s.pRight() < 1e-6, s.toString());
        assertTrue(s.uShaped());
    }

    @Test
    void aMinimumAtAnEndIsNotAU() {
        List<MeanInterval> down = List.of(cell(0.9, 0.8), cell(0.5, 0.6), cell(0.1, 0.2));
        Shapes.UShape s = Shapes.uShape(down, 0.025);
        assertEquals(2, s.minimum());
        assertEquals(0.5, s.pRight(), 1e-12);
        assertFalse(s.uShaped());
    }

    @Test
    void anEndNotSignificantlyAboveTheMinimumIsNotAU() {
        // The right end overlaps the minimum: its Welch p-value is far above 0.025.
        List<MeanInterval> flat = List.of(cell(0.9, 0.91, 0.89), cell(0.2, 0.5, 0.1), cell(0.3, 0.1, 0.5));
        Shapes.UShape s = Shapes.uShape(flat, 0.025);
        assertEquals(1, s.minimum());
        assertTrue(s.pRight() > 0.025, s.toString());
        assertFalse(s.uShaped());
        assertThrows(IllegalArgumentException.class, () -> Shapes.uShape(flat, 1));
    }

    @Test
    void risesThenDeclinesNeedsAnInteriorPeak() {
        assertTrue(Shapes.risesThenDeclines(List.of(0.30, 0.45, 0.49, 0.44)));
        assertFalse(Shapes.risesThenDeclines(List.of(0.5, 0.4, 0.3)));
        assertFalse(Shapes.risesThenDeclines(List.of(0.3, 0.4, 0.5)));
        // A plateau at the start: the first maximum is the first position.
        assertFalse(Shapes.risesThenDeclines(List.of(0.5, 0.5, 0.4)));
        assertFalse(Shapes.risesThenDeclines(List.of(1.0)));
    }
}
