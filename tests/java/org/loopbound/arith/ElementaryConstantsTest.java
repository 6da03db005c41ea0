package org.loopbound.arith;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known constants, enclosed at 100 and 1000 bits, against 320-digit values from an independent implementation
 * (mpmath; tests/resources/reference-constants.txt). The width must be below 2^(m + 3 − p) where 2^m ≤ |value|.
 */
class ElementaryConstantsTest {

    private static final Map<String, Rational> REFERENCE = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ElementaryConstantsTest.class.getResourceAsStream("/reference-constants.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] parts = line.trim().split("\\s+");
                    REFERENCE.put(parts[0], Rational.of(new BigDecimal(parts[1])));
                }
            }
        }
    }

    static Interval compute(String name, Precision p) {
        Map<String, Function<Precision, Interval>> f = Map.of(
                "ln2", q -> Interval.of(2).ln(q),
                "e", q -> Interval.of(1).exp(q),
                "sqrt2", q -> Interval.of(2).sqrt(q),
                "pi", Interval::pi,
                "exp_minus_10", q -> Interval.of(-10).exp(q),
                "ln_1e30", q -> Interval.of(Rational.of(java.math.BigInteger.TEN.pow(30), java.math.BigInteger.ONE), q)
                        .ln(q));
        return f.get(name).apply(p);
    }

    @ParameterizedTest
    @CsvSource({"ln2, 100", "ln2, 1000", "e, 100", "e, 1000", "sqrt2, 100", "sqrt2, 1000",
        "exp_minus_10, 100", "exp_minus_10, 1000", "ln_1e30, 100", "ln_1e30, 1000", "pi, 100", "pi, 1000"})
    void enclosedWithDocumentedWidth(String name, int bits) {
        Precision p = Precision.bits(bits);
        Interval x = compute(name, p);
        Rational ref = REFERENCE.get(name);
        // The reference is within 10^-318 relative of the truth, far below 2^-1000 ≈ 10^-301.
        assertTrue(x.contains(ref), () -> name + " at " + bits + " bits: " + x.format(40) + " misses the reference");
        long m = x.hi().magnitude();
        Dyadic bound = Dyadic.ONE.scaleByPowerOfTwo((int) (m + 3 - bits));
        assertTrue(x.width().compareTo(bound) < 0, () -> name + " width " + x.width() + " ≥ 2^" + (m + 3 - bits));
    }
}
