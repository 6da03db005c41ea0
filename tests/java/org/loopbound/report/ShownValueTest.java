package org.loopbound.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loopbound.arith.Rational;
import org.loopbound.audit.Verdict;

/** Values on the page: short (trailing zeros dropped), never more exact-looking than they are; and the verdict rule. */
class ShownValueTest {

    @Test
    void anEnclosureIsRoundedOutwardToTenDigits() {
        assertEquals("[0.123456789, 0.1234567891]",
                ShownValue.of("[0.12345678901234567890123, 0.12345678901234567899999]"));
        assertEquals("[-2.000000001, -1.999999999]",
                ShownValue.of("[-2.0000000000000000001, -1.9999999999999999999]"));
    }

    @Test
    void aLongExactValueBecomesAnEnclosureThatContainsIt() {
        Rational third = Rational.of(1, 3).add(Rational.of(1, 1_000_000_007));
        String shown = ShownValue.of(third.toString());
        assertTrue(shown.startsWith("[") && shown.endsWith("]"), shown);
        int comma = shown.indexOf(',');
        Rational lo = Rational.parse(shown.substring(1, comma));
        Rational hi = Rational.parse(shown.substring(comma + 1, shown.length() - 1));
        assertTrue(lo.compareTo(third) <= 0 && third.compareTo(hi) <= 0, shown);
        assertTrue(hi.subtract(lo).compareTo(Rational.parse("1e-9")) <= 0, shown);
    }

    @Test
    void shortValuesAndTextStayAsTheyAre() {
        for (String v : new String[] {"1/3", "0.5", "1.66096", "[0.25, 0.5]", "n/a", "PASS", "12 of 20"}) {
            assertEquals(v, ShownValue.of(v));
        }
    }

    @Test
    void aLongDecimalIsRoundedToNearestAndMarkedApproximate() {
        assertEquals("≈0.123456789", ShownValue.of("0.12345678901234567"));
        assertEquals("≈1.234567891E-7", ShownValue.of("1.2345678906789E-7"));
    }

    @Test
    void onlyAPassSupportsAndOnlyAFailContradicts() {
        for (Verdict v : Verdict.values()) {
            ClaimStatus expected = v == Verdict.PASS ? ClaimStatus.SUPPORTED
                    : v == Verdict.FAIL ? ClaimStatus.CONTRADICTED : ClaimStatus.NOT_SHOWN;
            assertEquals(expected, ClaimStatus.of(v), v.name());
        }
        assertEquals("not shown", ClaimStatus.NOT_SHOWN.label());
        assertEquals("not-shown", ClaimStatus.NOT_SHOWN.cssClass());
    }
}
