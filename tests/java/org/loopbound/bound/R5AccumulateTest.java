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
                    for (Rational w : sch.weights(i)) {
                        assertEquals(Rational.of(BigInteger.valueOf(s), sch.size(i)), w, "μ_{i,j} = s/N_i");
                    }
                });
    }

    /**
     * The closed form B_i = ε_i + s·Σ_{j<i} ε_j/N_{j+1} equals the O(g) recursion exactly, for ε varying by
     * generation, and against the general-weights recursion evaluated term by term from the rows.
     */
    @Test
    void closedFormEqualsRecursionAndTheTermByTermSum() {
        qt().withFixedSeed(BoundFixtures.SEED).withExamples(60)
                .forAll(integers().between(1, 50), integers().between(0, 50), integers().between(0, 25))
                .checkAssert((r, s, g) -> {
                    Precision p = Precision.bits(64);
                    Schedule sch = Scenario.ACCUMULATE.schedule(ScenarioArguments.of(g)
                            .with(ScenarioParameter.REAL, r).with(ScenarioParameter.SYNTHETIC, s));
                    List<Certified> eps = new java.util.ArrayList<>();
                    for (int j = 0; j <= g; j++) {
                        eps.add(Certified.exact(Rational.of(j % 3 + 1, 7 + j)));
                    }
                    List<Certified> rec = R3UnrolledBound.recursion(sch, eps, p);
                    List<Certified> closed = R5Accumulate.closedForm(BigInteger.valueOf(r), BigInteger.valueOf(s),
                            eps, p);
                    for (int i = 0; i <= g; i++) {
                        Rational direct = eps.get(i).exact();
                        for (int j = 0; j < i; j++) {
                            direct = direct.add(sch.weights(i).get(j).multiply(rec.get(j).exact()));
                        }
                        assertEquals(direct, rec.get(i).exact(), "recursion at " + i);
                        assertEquals(rec.get(i).exact(), closed.get(i).exact(), "closed form at " + i);
                    }
                });
    }

    /**
     * Ten thousand generations of enclosed ε in O(g) (the quadratic general-weights sum took minutes): recursion and
     * closed form overlap at every generation, and B_g lies where its harmonic-sum form puts it.
     */
    @Test
    void tenThousandGenerationsOverlapWhenEnclosed() {
        Precision p = Precision.bits(128);
        int g = 10_000;
        Schedule sch = Scenario.ACCUMULATE.schedule(ScenarioArguments.of(g).with(ScenarioParameter.REAL, 100)
                .with(ScenarioParameter.SYNTHETIC, 50));
        Certified tenth = Certified.enclosed(org.loopbound.arith.Interval.of(Rational.of(1, 10), p));
        List<Certified> eps = Collections.nCopies(g + 1, tenth);
        List<Certified> rec = R3UnrolledBound.recursion(sch, eps, p);
        List<Certified> closed = R5Accumulate.closedForm(BigInteger.valueOf(100), BigInteger.valueOf(50), eps, p);
        for (int i = 0; i <= g; i++) {
            assertTrue(!rec.get(i).enclosure().lessThan(closed.get(i).enclosure()).isTrue()
                    && !closed.get(i).enclosure().lessThan(rec.get(i).enclosure()).isTrue(), "generation " + i);
        }
        // B_g = ε(1 + Σ_{j=1}^{g} 1/(j+2)) here (s/N_j = 1/(j+2)); the sum lies between ln((g+3)/3) and
        // ln((g+2)/2), so 0.911 < B_g < 0.952: accumulate grows like ε·ln g, never past a constant factor of it.
        assertTrue(rec.get(g).enclosure().lo().toRational().compareTo(Rational.of(911, 1000)) > 0);
        assertTrue(rec.get(g).enclosure().hi().toRational().compareTo(Rational.of(952, 1000)) < 0);
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
