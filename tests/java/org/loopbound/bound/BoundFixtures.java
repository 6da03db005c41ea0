package org.loopbound.bound;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Rational;
import org.quicktheories.core.Gen;
import static org.quicktheories.generators.SourceDSL.integers;

/** Shared generators and builders for the bound tests. */
final class BoundFixtures {

    static final long SEED = 20261125L;

    private BoundFixtures() {
    }

    /** Rationals k/d in [0, 1] with small denominators (so exact arithmetic stays fast). */
    static Gen<Rational> unitRationals() {
        return integers().between(1, 60).flatMap(d -> integers().between(0, d).map(k -> Rational.of(k, d)));
    }

    /** Non-negative rationals up to 5. */
    static Gen<Rational> epsilons() {
        return integers().between(1, 40).flatMap(d -> integers().between(0, 5 * d).map(k -> Rational.of(k, d)));
    }

    static Gen<List<Rational>> lists(Gen<Rational> g, int min, int max) {
        return org.quicktheories.generators.SourceDSL.lists().of(g).ofSizeBetween(min, max);
    }

    /** A previous-generation schedule with λ_0 = 1 and the given λ_1..λ_i, N_j = 100. */
    static Schedule schedule(List<Rational> lambdasFromOne) {
        List<Rational> l = new ArrayList<>();
        List<BigInteger> n = new ArrayList<>();
        l.add(Rational.ONE);
        n.add(BigInteger.valueOf(100));
        for (Rational x : lambdasFromOne) {
            l.add(x);
            n.add(BigInteger.valueOf(100));
        }
        return Schedule.previousGeneration(n, l);
    }

    static List<Certified> exact(List<Rational> xs) {
        List<Certified> out = new ArrayList<>();
        for (Rational x : xs) {
            out.add(Certified.exact(x));
        }
        return out;
    }

}
