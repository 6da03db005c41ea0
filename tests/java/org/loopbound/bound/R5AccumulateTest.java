package org.loopbound.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;

class R5AccumulateTest {

    @Test
    void weightsAndRealProportionSumToOne() {
        qt().withFixedSeed(BoundFixtures.SEED).withExamples(200)
                .forAll(integers().between(1, 1000), integers().between(0, 1000), integers().between(0, 30))
                .checkAssert((r, s, i) -> {
                    Schedule sch = Scenario.ACCUMULATE.schedule(ScenarioArguments.of(i)
                            .with(ScenarioParameter.REAL, BigInteger.valueOf(r))
                            .with(ScenarioParameter.SYNTHETIC, BigInteger.valueOf(s)));
                    Rational total = sch.lambda(i);
                    for (Rational w : sch.weights(i)) {
                        total = total.add(w);
                    }
                    assertEquals(Rational.ONE, total);
                    assertEquals(BigInteger.valueOf(r + (long) i * s), sch.size(i));
                    assertEquals(R5Accumulate.weights(BigInteger.valueOf(r), BigInteger.valueOf(s), i),
                            sch.weights(i));
                });
    }

    /** Accumulating keeps the bound below the replace (expanding-synthetic) bound with the same r and s. */
    @Test
    void accumulateBoundIsBelowReplaceBoundForConstantEpsilon() {
        Precision p = Precision.bits(64);
        BigInteger r = BigInteger.valueOf(100);
        BigInteger s = BigInteger.valueOf(300);
        int g = 12;
        List<Certified> eps = BoundFixtures.exact(Collections.nCopies(g + 1, Rational.of(1, 20)));
        List<Certified> acc = R3UnrolledBound.recursion(Scenario.ACCUMULATE.schedule(
                ScenarioArguments.of(g).with(ScenarioParameter.REAL, r).with(ScenarioParameter.SYNTHETIC, s)), eps, p);
        List<Certified> rep = R3UnrolledBound.recursion(Scenario.EXPANDING_SYNTHETIC.schedule(
                ScenarioArguments.of(g).with(ScenarioParameter.REAL, r).with(ScenarioParameter.SYNTHETIC, s)), eps, p);
        for (int i = 0; i <= g; i++) {
            assertTrue(acc.get(i).exact().compareTo(rep.get(i).exact()) <= 0, "generation " + i);
        }
    }
}
