package org.loopbound.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RationalTest {

    @ParameterizedTest
    @CsvSource({
        "1/3, 1, 3",
        "0.1, 1, 10",
        "-2.5e-3, -1, 400",
        "7, 7, 1",
        "+7, 7, 1",
        "1e-3, 1, 1000",
        "2.5E2, 250, 1",
        "0.5/3, 1, 6",
        "-6/-4, 3, 2",
        "' 4 / 6 ', 2, 3",
        ".25, 1, 4",
    })
    void parsesExactly(String text, long num, long den) {
        Rational q = Rational.parse(text);
        assertEquals(BigInteger.valueOf(num), q.numerator());
        assertEquals(BigInteger.valueOf(den), q.denominator());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "NaN", "nan", "Infinity", "-Infinity", "1/0", "0.0/0", "abc", "1/2/3",
        "1e", "--1", "0x10", "1,5", "1e999999999"})
    void rejectsBadInput(String text) {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Rational.parse(text));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "error message must say what is wrong");
    }

    @Test
    void zeroDenominatorMessageSaysSo() {
        NumberFormatException e = assertThrows(NumberFormatException.class, () -> Rational.parse("1/0"));
        assertTrue(e.getMessage().contains("zero denominator"), e.getMessage());
    }

    @Test
    void printsAsPOverQ() {
        assertEquals("1/3", Rational.parse("1/3").toString());
        assertEquals("-1/400", Rational.parse("-2.5e-3").toString());
        assertEquals("7", Rational.parse("7").toString());
    }

    @Test
    void recursionStepThroughKernelIsExact() {
        Rational lambda = Rational.parse("1/10");
        Rational b = Rational.parse("2/7");
        Rational eps = Rational.parse("3/5");
        Rational expected = Rational.ONE.subtract(lambda).multiply(b).add(eps);
        assertEquals(expected, b.recursionStep(lambda, eps));
    }

    @Test
    void decimalsAreDirected() {
        Rational third = Rational.parse("1/3");
        assertEquals("0.333", third.toDecimal(3, Rounding.DOWN).toPlainString());
        assertEquals("0.334", third.toDecimal(3, Rounding.UP).toPlainString());
        assertEquals("-0.334", third.negate().toDecimal(3, Rounding.DOWN).toPlainString());
    }
}
