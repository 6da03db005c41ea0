package org.loopbound.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtremumTest {

    private static MeanInterval cell(double... v) {
        return MeanInterval.of(v, 0.95);
    }

    @Test
    void argMinAndArgMaxOfMeans() {
        List<MeanInterval> row = List.of(cell(3, 5), cell(1, 2), cell(9, 0), cell(6, 6));
        assertEquals(1, Extremum.argMin(row));
        assertEquals(3, Extremum.argMax(row));
    }

    @Test
    void tiesGoToTheFirstPosition() {
        List<MeanInterval> row = List.of(cell(2, 2), cell(1, 3), cell(0, 4), cell(4, 0));
        assertEquals(0, Extremum.argMin(row));
        assertEquals(0, Extremum.argMax(row));
        assertEquals(1, Extremum.argMax(new double[] {0, 5, 5, 1}));
    }

    @Test
    void aSingleCellIsItsOwnExtremum() {
        assertEquals(0, Extremum.argMin(List.of(cell(1, 2))));
        assertEquals(0, Extremum.argMax(new double[] {-1}));
    }

    @Test
    void noCellsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Extremum.argMin(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Extremum.argMax(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Extremum.argMax(new double[0]));
    }
}
