package org.loopbound.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopbound.arith.Rational;

/** Exact TV(counts/N, p₀) on hand-built vectors, and the three evaluation paths against the defining sum. */
class ExactTvTest {

    /** ½ Σ |c_j/N − p_j| summed term by term in exact rationals: the definition, independent of ExactTv. */
    private static Rational reference(long[] c, long n, AtomDistribution p0) {
        Rational sum = Rational.ZERO;
        for (int j = 0; j < c.length; j++) {
            sum = sum.add(Rational.of(c[j], n).subtract(p0.weight(j)).abs());
        }
        return sum.multiply(Rational.of(1, 2));
    }

    @ParameterizedTest(name = "{0} vs {1}/{2} = {3}")
    @CsvSource(delimiter = ';', value = {
        "1/2,1/4,1/4; 2 1 1; 4; 0",
        "1/2,1/4,1/4; 4 0 0; 4; 1/2",
        "1/2,1/4,1/4; 0 3 1; 4; 1/2",
        "1/2,1/4,1/4; 1 2 1; 4; 1/4",
        "uniform:3; 3 0 0; 3; 2/3",
        "uniform:3; 1 1 1; 3; 0",
        "1/3,2/3; 1 0; 1; 2/3",
        "0,1; 5 0; 5; 1",
        "1; 7; 7; 0",
        "geometric:3:1/2; 4 2 1; 7; 0",
        "zipf:3:1; 6 3 2; 11; 0",
        "zipf:3:1; 0 0 11; 11; 9/11",
    })
    void handBuiltVectors(String p0, String counts, long n, String expected) {
        AtomDistribution d = AtomDistribution.parse(p0);
        String[] parts = counts.split(" ");
        long[] c = new long[parts.length];
        for (int j = 0; j < c.length; j++) {
            c[j] = Long.parseLong(parts[j]);
        }
        assertEquals(Rational.parse(expected), ExactTv.distance(c, n, d));
        assertEquals(Rational.parse(expected), reference(c, n, d));
    }

    @Test
    void allPathsAgreeWithTheDefinition() {
        // Random p0 (integer weights normalised exactly) and random counts: the kernel path (small totals), the
        // 128-bit path and the BigInteger path must all give the defining sum.
        qt().withFixedSeed(42L).withExamples(300)
                .forAll(lists().of(integers().between(0, 1000)).ofSizeBetween(1, 12),
                        longs().between(1, 1_000_000_000_000L), longs().all())
                .checkAssert((weights, n, salt) -> {
                    List<Integer> w = new ArrayList<>(weights);
                    if (w.stream().mapToInt(Integer::intValue).sum() == 0) {
                        w.set(0, 1);
                    }
                    long total = w.stream().mapToLong(Integer::longValue).sum();
                    List<Rational> p = new ArrayList<>();
                    for (int x : w) {
                        p.add(Rational.of(x, total));
                    }
                    AtomDistribution d = AtomDistribution.ofWeights("test", p);
                    long[] c = randomCounts(w.size(), n, salt);
                    Rational expected = reference(c, n, d);
                    assertEquals(expected, ExactTv.distance(c, n, d));
                    BigInteger den = ExactTv.denominator(n, d);
                    long[] a = d.numeratorsLong();
                    long dd = d.denominator().longValueExact();
                    assertEquals(expected, Rational.of(ExactTv.wide(c, n, a, dd), den));
                    assertEquals(expected, Rational.of(ExactTv.big(c, n, d.numeratorsBig(), d.probabilities(),
                            d.denominator()), den));
                });
    }

    @Test
    void bigDenominatorsAtLargeSizes() {
        // geometric:60:1/3 has D = (3^60 − 1)/2 > 2^62: only the BigInteger path applies; N = 10^12.
        AtomDistribution d = AtomDistribution.parse("geometric:60:1/3");
        long n = 1_000_000_000_000L;
        long[] c = new long[60];
        long left = n;
        for (int j = 0; j < 59; j++) {
            c[j] = Rational.of(n).multiply(d.weight(j)).numerator()
                    .divide(Rational.of(n).multiply(d.weight(j)).denominator()).longValueExact();
            left -= c[j];
        }
        c[59] = left;
        assertEquals(reference(c, n, d), ExactTv.distance(c, n, d));
        // Ties: counts exactly n·p_j where that is whole must give TV 0.
        AtomDistribution q = AtomDistribution.parse("1/4,1/4,1/2");
        assertEquals(Rational.ZERO, ExactTv.distance(new long[] {250_000_000_000L, 250_000_000_000L,
            500_000_000_000L}, n, q));
    }

    private static long[] randomCounts(int k, long n, long salt) {
        long[] c = new long[k];
        long left = n;
        long s = salt;
        for (int j = 0; j < k - 1; j++) {
            s = ReplicateStreams.mix(s + j);
            long x = Long.remainderUnsigned(s, left + 1);
            // Half of the vectors put a big share on one atom, so both signs of c_j·D − a_j·N occur.
            c[j] = (s & 1) == 0 ? x : x / (k + 1);
            left -= c[j];
        }
        c[k - 1] = left;
        return c;
    }
}
