package org.loopbound.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;

class R3UnrolledBoundTest {

    private static final Precision P = Precision.bits(128);

    @Test
    void recursionEqualsClosedFormExactly() {
        qt().withFixedSeed(BoundFixtures.SEED).withExamples(300)
                .forAll(BoundFixtures.lists(BoundFixtures.unitRationals(), 0, 12),
                        BoundFixtures.lists(BoundFixtures.epsilons(), 13, 13))
                .checkAssert((lambdas, eps) -> {
                    Schedule s = BoundFixtures.schedule(lambdas);
                    List<Certified> e = BoundFixtures.exact(eps.subList(0, lambdas.size() + 1));
                    List<Certified> rec = R3UnrolledBound.recursion(s, e, P);
                    List<Certified> closed = R3UnrolledBound.closedForm(s, e, P);
                    assertEquals(closed, rec);
                    rec.forEach(b -> assertTrue(b.isExact(), "rational inputs give exact bounds"));
                });
    }

    @Test
    void recursionAndClosedFormEncloseTheSameValueForEnclosedEpsilon() {
        // ε_j = 2·(100)^(-1/2) = 1/5 exactly, but computed as an enclosure: both forms must contain 1/5-based values.
        LearningError rate = LearningError.rate(Rational.of(2), Rational.of(1, 2));
        Schedule s = BoundFixtures.schedule(Collections.nCopies(6, Rational.of(1, 3)));
        List<Certified> e = new ArrayList<>();
        for (int j = 0; j <= 6; j++) {
            e.add(rate.epsilon(BigInteger.valueOf(100), P));
        }
        List<Certified> exactEps = BoundFixtures.exact(Collections.nCopies(7, Rational.of(1, 5)));
        List<Certified> truth = R3UnrolledBound.recursion(s, exactEps, P);
        List<Certified> rec = R3UnrolledBound.recursion(s, e, P);
        List<Certified> closed = R3UnrolledBound.closedForm(s, e, P);
        for (int i = 0; i <= 6; i++) {
            assertTrue(rec.get(i).enclosure().contains(truth.get(i).exact()));
            assertTrue(closed.get(i).enclosure().contains(truth.get(i).exact()));
        }
    }

    @Test
    void closedFormEnclosesTheExactRecursionBeyondItsExactLimit() {
        // Exact inputs past the limit: the closed form is enclosed, and must contain every exact B_i, also across a
        // λ = 1 (where its prefix products restart) and after it.
        int g = R3UnrolledBound.EXACT_CLOSED_FORM_GENERATIONS + 200;
        List<Rational> lambdas = new ArrayList<>();
        for (int i = 1; i <= g; i++) {
            lambdas.add(i == 700 ? Rational.ONE : Rational.of(i % 2 == 0 ? 1 : 2, 7));
        }
        Schedule s = BoundFixtures.schedule(lambdas);
        List<Certified> e = new ArrayList<>();
        for (int i = 0; i <= g; i++) {
            e.add(Certified.exact(Rational.of(1 + i % 5, 50)));
        }
        List<Certified> rec = R3UnrolledBound.recursion(s, e, P);
        List<Certified> closed = R3UnrolledBound.closedForm(s, e, P);
        for (int i = 0; i <= g; i++) {
            assertTrue(rec.get(i).isExact());
            assertTrue(closed.get(i).enclosure().contains(rec.get(i).exact()), "generation " + i);
        }
        assertFalse(closed.get(g).isExact(), "past the limit the closed form is an enclosure");
        // Right after λ = 1 only ε counts: B_700 = ε_700.
        assertEquals(e.get(700).exact(), rec.get(700).exact());
    }

    @Test
    void closedFormAndRecursionOverlapOverTenThousandEnclosedGenerations() {
        LearningError rate = LearningError.rate(Rational.of(1), Rational.of(1, 3));
        int g = 10_000;
        Schedule s = BoundFixtures.schedule(Collections.nCopies(g, Rational.of(1, 1000)));
        List<Certified> e = rate.epsilons(s, P);
        List<Certified> rec = R3UnrolledBound.recursion(s, e, P);
        List<Certified> closed = R3UnrolledBound.closedForm(s, e, P);
        for (int i = 0; i <= g; i++) {
            Interval r = rec.get(i).enclosure();
            Interval c = closed.get(i).enclosure();
            assertTrue(!r.lessThan(c).isTrue() && !c.lessThan(r).isTrue(), "disjoint at generation " + i);
        }
        // ε = 100^(-1/3) for every generation, so B_g = ε (1 − (1 − λ)^(g+1)) / λ: both enclose it to ~30 digits.
        double expected = Math.pow(100, -1.0 / 3) * (1 - Math.pow(0.999, g + 1)) / 0.001;
        assertEquals(expected, closed.get(g).approx(), 1e-9 * expected);
        assertTrue(closed.get(g).enclosure().width().toRational().compareTo(Rational.of(1, 1000000).pow(5)) < 0);
    }

    @Test
    void nonDecreasingInEveryEpsilon() {
        qt().withFixedSeed(BoundFixtures.SEED).withExamples(300)
                .forAll(BoundFixtures.lists(BoundFixtures.unitRationals(), 1, 10),
                        BoundFixtures.lists(BoundFixtures.epsilons(), 11, 11),
                        integers().between(0, 10), BoundFixtures.epsilons())
                .checkAssert((lambdas, eps, j, increment) -> {
                    int g = lambdas.size();
                    int idx = Math.min(j, g);
                    Schedule s = BoundFixtures.schedule(lambdas);
                    List<Rational> base = new ArrayList<>(eps.subList(0, g + 1));
                    List<Rational> more = new ArrayList<>(base);
                    more.set(idx, more.get(idx).add(increment));
                    List<Certified> b1 = R3UnrolledBound.recursion(s, BoundFixtures.exact(base), P);
                    List<Certified> b2 = R3UnrolledBound.recursion(s, BoundFixtures.exact(more), P);
                    for (int i = 0; i <= g; i++) {
                        assertTrue(b1.get(i).exact().compareTo(b2.get(i).exact()) <= 0);
                    }
                });
    }

    @Test
    void nonIncreasingInEveryLambda() {
        qt().withFixedSeed(BoundFixtures.SEED).withExamples(300)
                .forAll(BoundFixtures.lists(BoundFixtures.unitRationals(), 1, 10),
                        BoundFixtures.lists(BoundFixtures.epsilons(), 11, 11),
                        integers().between(1, 10), BoundFixtures.unitRationals())
                .checkAssert((lambdas, eps, k, t) -> {
                    int g = lambdas.size();
                    int idx = Math.min(k, g);
                    List<Rational> larger = new ArrayList<>(lambdas);
                    Rational old = larger.get(idx - 1);
                    // move λ_k toward 1 by the fraction t of the remaining gap: still in [0, 1], not smaller
                    larger.set(idx - 1, old.add(Rational.ONE.subtract(old).multiply(t)));
                    List<Certified> e = BoundFixtures.exact(eps.subList(0, g + 1));
                    List<Certified> b1 = R3UnrolledBound.recursion(BoundFixtures.schedule(lambdas), e, P);
                    List<Certified> b2 = R3UnrolledBound.recursion(BoundFixtures.schedule(larger), e, P);
                    for (int i = 0; i <= g; i++) {
                        assertTrue(b2.get(i).exact().compareTo(b1.get(i).exact()) <= 0);
                    }
                });
    }

    @Test
    void generalWeightsReduceToTheChainForPreviousGenerationWeights() {
        Schedule chain = BoundFixtures.schedule(List.of(Rational.of(1, 4), Rational.of(1, 2), Rational.ZERO));
        List<List<Rational>> w = new ArrayList<>();
        for (int j = 0; j <= 3; j++) {
            w.add(chain.weights(j));
        }
        List<Rational> lambdas = List.of(Rational.ONE, Rational.of(1, 4), Rational.of(1, 2), Rational.ZERO);
        List<BigInteger> n = Collections.nCopies(4, BigInteger.TEN);
        Schedule general = Schedule.general(n, lambdas, w);
        List<Certified> e = BoundFixtures.exact(List.of(Rational.of(1, 7), Rational.of(2, 7), Rational.of(3, 7),
                Rational.of(1, 7)));
        assertEquals(R3UnrolledBound.recursion(chain, e, P), R3UnrolledBound.recursion(general, e, P));
    }

    @Test
    void failureProbabilityIsUnionBound() {
        assertEquals(Rational.of(3, 1000), R3UnrolledBound.failureProbability(2, Rational.of(1, 1000)));
    }

    @Test
    void rejectsMismatchedInputs() {
        Schedule s = BoundFixtures.schedule(List.of(Rational.ONE));
        assertThrows(IllegalArgumentException.class,
                () -> R3UnrolledBound.recursion(s, BoundFixtures.exact(List.of(Rational.ONE)), P));
        assertThrows(IllegalArgumentException.class, () -> Schedule.previousGeneration(
                List.of(BigInteger.ONE), List.of(Rational.of(1, 2))));
        assertNotEquals(null, s);
    }

    @Test
    void rateModelEpsilonIsEnclosed() {
        // ε(N) = 3·N^(-1/4) at N = 16 is exactly 3/2.
        Certified e = LearningError.rate(Rational.of(3), Rational.of(1, 4)).epsilon(BigInteger.valueOf(16), P);
        Interval x = e.enclosure();
        assertTrue(x.contains(Rational.of(3, 2)), x.toString());
    }
}
