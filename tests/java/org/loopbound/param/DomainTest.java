package org.loopbound.param;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loopbound.arith.Rational;

/** Domains: every exact spelling of a value, the ends, and the text that help and messages print. */
class DomainTest {

    private static final Domain GENERATIONS = Domain.parse("[1, 10^6]", true);

    @ParameterizedTest
    @ValueSource(strings = {"1000", "1e3", "1000/1", "1E3", "10000/10", "1000.0", " 1000 ", "+1000", "0.1e4"})
    void everyExactSpellingOfAWholeNumberIsAccepted(String text) {
        assertEquals(Rational.of(1000), GENERATIONS.parse("i", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1/2", "1.5", "1e-1", "0", "1000001", "-5", "99999999999999999999"})
    void nonIntegersAndValuesOutsideAreRefusedWithTheDomain(String text) {
        ParameterException e = assertThrows(ParameterException.class, () -> GENERATIONS.parse("i", text));
        assertEquals("i must be a whole number in [1, 10^6], got " + text.strip(), e.getMessage());
    }

    /** Non-ASCII digits (Arabic-Indic, full-width, Devanagari) are refused everywhere, with the domain. */
    @ParameterizedTest
    @ValueSource(strings = {"٣", "３", "१०", "1٠", "", "abc", "NaN", "Infinity", "1/0", "0x10"})
    void textThatIsNotAnExactAsciiNumberIsRefusedWithTheDomain(String text) {
        ParameterException e = assertThrows(ParameterException.class, () -> GENERATIONS.parse("i", text));
        assertTrue(e.getMessage().startsWith("i must be a whole number in [1, 10^6], got '"), e.getMessage());
    }

    @Test
    void aLongValueIsCutInTheMessage() {
        String text = "9".repeat(5000);
        ParameterException e = assertThrows(ParameterException.class, () -> GENERATIONS.parse("i", text));
        assertTrue(e.getMessage().length() < 120, e.getMessage());
    }

    @Test
    void endsOpenClosedAndInfinite() {
        Domain open = Domain.parse("(0, 1)", false);
        assertFalse(open.contains(Rational.ZERO));
        assertTrue(open.contains(Rational.of(1, 2)));
        assertFalse(open.contains(Rational.ONE));
        Domain positive = Domain.parse("(0, ∞)", false);
        assertTrue(positive.contains(Rational.parse("1e99999")));
        assertEquals("in (0, ∞)", positive.text());
        assertEquals(null, positive.upper());
        assertEquals("a whole number in [-2^63, 2^63)", Domain.parse("[-2^63, 2^63)", true).text());
        assertTrue(Domain.parse("[-2^63, 2^63)", true).contains(Rational.of(Long.MIN_VALUE)));
        assertFalse(Domain.parse("[-2^63, 2^63)", true).contains(Rational.of(Long.MAX_VALUE).add(Rational.ONE)));
        assertEquals("a whole number in [1, 2000]", Domain.whole(1, 2000).text());
        assertThrows(IllegalArgumentException.class, () -> Domain.parse("[2, 1]", false));
        assertThrows(IllegalArgumentException.class, () -> Domain.parse("1, 2", false));
    }
}
