package org.loopbound.bound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;

class R2OneStepTest {

    private static final Precision P = Precision.bits(96);

    /**
     * The recursion holds on concrete distributions: for p̂ at TV ≤ ε from q = λp₀ + (1−λ)p̂_prev, the distance
     * TV(p̂, p₀) never exceeds ε + (1−λ)·TV(p̂_prev, p₀).
     */
    @Test
    void holdsOnRandomDistributions() {
        qt().withFixedSeed(BoundFixtures.SEED).withExamples(300)
                .forAll(R1MixtureLemmaTest.distributions(5), R1MixtureLemmaTest.distributions(5),
                        R1MixtureLemmaTest.distributions(5), BoundFixtures.unitRationals())
                .checkAssert((p0, prev, fitted, lambda) -> {
                    List<Rational> q = R1MixtureLemma.mixture(lambda, p0, prev);
                    Rational eps = TotalVariation.between(fitted, q);
                    Certified bound = R2OneStep.bound(Certified.exact(eps), Certified.exact(lambda),
                            Certified.exact(TotalVariation.between(prev, p0)), P);
                    assertTrue(TotalVariation.between(fitted, p0).compareTo(bound.exact()) <= 0);
                });
    }

    @Test
    void generalFormWithOneWeightIsTheChainForm() {
        Certified eps = Certified.exact(Rational.of(1, 10));
        Certified prev = Certified.exact(Rational.of(3, 7));
        Certified lambda = Certified.exact(Rational.of(2, 5));
        List<Certified> mu = new ArrayList<>(List.of(Certified.exact(Rational.of(3, 5))));
        assertEquals(R2OneStep.bound(eps, lambda, prev, P), R2OneStep.boundGeneral(eps, mu, List.of(prev), P));
    }
}
