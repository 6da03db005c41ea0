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
        assertEquals(1, Extremum.argMinMean(row));
        assertEquals(3, Extremum.argMaxMean(row));
    }

    @Test
    void tiesGoToTheFirstPosition() {
        List<MeanInterval> row = List.of(cell(2, 2), cell(1, 3), cell(0, 4), cell(4, 0));
        assertEquals(0, Extremum.argMinMean(row));
        assertEquals(0, Extremum.argMaxMean(row));
        assertEquals(1, Extremum.argMax(List.of(0.0, 5.0, 5.0, 1.0)));
    }

    @Test
    void aSingleCellIsItsOwnExtremum() {
        assertEquals(0, Extremum.argMinMean(List.of(cell(1, 2))));
        assertEquals(0, Extremum.argMax(List.of(-1.0)));
    }

    @Test
    void noCellsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Extremum.argMinMean(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Extremum.argMaxMean(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Extremum.argMax(List.<Double>of()));
    }
}
