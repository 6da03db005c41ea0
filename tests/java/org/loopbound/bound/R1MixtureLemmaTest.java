package org.loopbound.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Rational;
import org.quicktheories.core.Gen;

class R1MixtureLemmaTest {

    /** Random probability vectors on k atoms with exact rational weights: counts normalised by their sum. */
    static Gen<List<Rational>> distributions(int k) {
        return org.quicktheories.generators.SourceDSL.lists().of(integers().between(0, 50)).ofSize(k).map(c -> {
            long total = 0;
            for (int x : c) {
                total += x;
            }
            List<Rational> p = new ArrayList<>();
            for (int j = 0; j < k; j++) {
                p.add(total == 0 ? Rational.of(j == 0 ? 1 : 0) : Rational.of(c.get(j), total));
            }
            return p;
        });
    }

    @Test
    void mixtureDistanceEqualsScaledDistance() {
        qt().withFixedSeed(BoundFixtures.SEED).withExamples(300)
                .forAll(distributions(6), distributions(6), BoundFixtures.unitRationals())
                .checkAssert((p, q, lambda) -> assertEquals(
                        Rational.ONE.subtract(lambda).multiply(TotalVariation.between(q, p)),
                        R1MixtureLemma.mixtureDistance(lambda, p, q)));
    }

    @Test
    void severalComponentsAreBoundedByWeightedDistances() {
        qt().withFixedSeed(BoundFixtures.SEED).withExamples(200)
                .forAll(distributions(5), distributions(5), distributions(5), distributions(4))
                .checkAssert((p0, q1, q2, w) -> {
                    // weights λ, μ1, μ2 (and a 4th folded into λ) from a random probability vector
                    Rational lambda = w.get(0).add(w.get(3));
                    Rational mu1 = w.get(1);
                    Rational mu2 = w.get(2);
                    List<Rational> mix = new ArrayList<>();
                    for (int j = 0; j < 5; j++) {
                        mix.add(lambda.multiply(p0.get(j)).add(mu1.multiply(q1.get(j))).add(mu2.multiply(q2.get(j))));
                    }
                    Rational lhs = TotalVariation.between(mix, p0);
                    Rational rhs = R1MixtureLemma.mixtureBound(List.of(mu1, mu2),
                            List.of(TotalVariation.between(q1, p0), TotalVariation.between(q2, p0)));
                    assertTrue(lhs.compareTo(rhs) <= 0);
                });
    }

    @Test
    void totalVariationOfHandBuiltVectors() {
        List<Rational> p = List.of(Rational.of(1, 2), Rational.of(1, 4), Rational.of(1, 4));
        List<Rational> q = List.of(Rational.of(1, 4), Rational.of(1, 4), Rational.of(1, 2));
        assertEquals(Rational.of(1, 4), TotalVariation.between(p, q));
        assertEquals(Rational.ZERO, TotalVariation.between(p, p));
        assertThrows(IllegalArgumentException.class, () -> TotalVariation.between(p, List.of(Rational.ONE)));
    }
}
