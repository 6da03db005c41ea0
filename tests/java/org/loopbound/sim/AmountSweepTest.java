package org.loopbound.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopbound.param.ParameterException;

/** Task k of a C3 sweep is amount k / R, replicate k mod R, and results regroup by amount in task order. */
class AmountSweepTest {

    private static final List<BigInteger> AMOUNTS = List.of(BigInteger.ZERO, BigInteger.valueOf(5),
            BigInteger.valueOf(40));

    @Test
    void taskKIsAmountKOverRAndReplicateKModR() {
        AmountSweep sweep = AmountSweep.of(BigInteger.TEN, AMOUNTS, 4, 3);
        assertEquals(9, sweep.tasks());
        for (int k = 0; k < 9; k++) {
            BigInteger s = AMOUNTS.get(k / 3);
            // expanding-synthetic: generation i ≥ 1 trains on r real plus s synthetic samples
            assertEquals(BigInteger.TEN.add(s), sweep.schedule(k).size(4), "task " + k);
            assertEquals(k % 3, sweep.replicate(k));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> sweep.schedule(9));
        assertThrows(IndexOutOfBoundsException.class, () -> sweep.replicate(-1));
    }

    @Test
    void resultsRegroupByAmountInOrder() {
        AmountSweep sweep = AmountSweep.of(BigInteger.ONE, AMOUNTS, 1, 2);
        List<Integer> results = new ArrayList<>(List.of(0, 1, 10, 11, 20, 21));
        assertEquals(List.of(List.of(0, 1), List.of(10, 11), List.of(20, 21)), sweep.byAmount(results));
        assertThrows(IllegalArgumentException.class, () -> sweep.byAmount(results.subList(0, 5)));
    }

    @Test
    void domains() {
        ParameterException r = assertThrows(ParameterException.class,
                () -> AmountSweep.of(BigInteger.ONE, AMOUNTS, 1, 1));
        assertEquals("R", r.symbol());
        assertThrows(IllegalArgumentException.class, () -> AmountSweep.of(BigInteger.ONE, List.of(), 1, 2));
        assertThrows(ParameterException.class, () -> AmountSweep.of(BigInteger.ZERO, AMOUNTS, 1, 2));
    }
}
