package org.loopbound.arith;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.commons.numbers.fraction.BigFraction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.kernel.RecursionStep;

/**
 * An exact rational number p/q in lowest terms with q > 0, immutable.
 *
 * <p>Backed by commons-numbers {@link BigFraction}. User input is parsed exactly: {@code 1/3}, {@code 0.1},
 * {@code -2.5e-3} and {@code 7} denote exactly 1/3, 1/10, −1/400 and 7. Printed as {@code p/q}, or {@code p} when
 * q = 1.
 */
public final class Rational implements Comparable<Rational> {

    /** The rational 0. */
    public static final Rational ZERO = new Rational(BigFraction.ZERO);
    /** The rational 1. */
    public static final Rational ONE = new Rational(BigFraction.ONE);

    /** Longest numeral accepted by {@link #parse}: longer input is refused rather than risking memory exhaustion. */
    private static final int MAX_INPUT_LENGTH = 10_000;
    /** Largest decimal exponent accepted by {@link #parse}, for the same reason. */
    private static final int MAX_DECIMAL_EXPONENT = 100_000;

    private final BigFraction value;

    private Rational(BigFraction value) {
        this.value = value;
    }

    /*@ public normal_behavior
      @ ensures \result.numerator().equals(BigInteger.valueOf(n)) && \result.denominator().equals(BigInteger.ONE);
      @*/
    /** The integer n as a rational. */
    public static Rational of(long n) {
        return new Rational(BigFraction.of(n));
    }

    /*@ public normal_behavior
      @ requires !denominator.equals(BigInteger.ZERO);
      @ ensures \result equals numerator/denominator exactly, in lowest terms with a positive denominator;
      @ also public exceptional_behavior
      @ requires denominator.equals(BigInteger.ZERO);
      @ signals_only ArithmeticException;
      @*/
    /** The rational numerator/denominator, reduced; the denominator must not be 0. */
    public static Rational of(BigInteger numerator, BigInteger denominator) {
        if (denominator.signum() == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        return new Rational(BigFraction.of(numerator, denominator));
    }

    /*@ public normal_behavior
      @ requires d != 0;
      @ ensures \result is n/d exactly;
      @*/
    /** The rational n/d; d must not be 0. */
    public static Rational of(long n, long d) {
        return of(BigInteger.valueOf(n), BigInteger.valueOf(d));
    }

    /*@ public normal_behavior
      @ ensures \result is exactly the value of x;
      @*/
    /** The exact value of a finite decimal. */
    public static Rational of(BigDecimal x) {
        BigInteger unscaled = x.unscaledValue();
        int scale = x.scale();
        return scale >= 0
                ? of(unscaled, BigInteger.TEN.pow(scale))
                : of(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
    }

    /*@ public normal_behavior
      @ requires text is an integer, a decimal with optional exponent, or two such numbers separated by '/',
      @          with a non-zero denominator;
      @ ensures \result is the exact value of text;
      @ also public exceptional_behavior
      @ requires text is empty, NaN, Infinity, malformed, or has a zero denominator;
      @ signals_only NumberFormatException;
      @*/
    /**
     * Parses a rational exactly: an integer ({@code 7}), a decimal with optional exponent ({@code 0.1},
     * {@code -2.5e-3}), or a quotient of two such numbers ({@code 1/3}, {@code 0.5/3}).
     *
     * @throws NumberFormatException with a message saying what is wrong, for empty input, {@code NaN},
     *     {@code Infinity}, malformed numbers or a zero denominator; {@link TooLarge} for a well-formed number
     *     longer than 10 000 characters or with a decimal exponent beyond ±100 000
     */
    public static Rational parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new NumberFormatException("empty number");
        }
        if (t.length() > MAX_INPUT_LENGTH) {
            throw new TooLarge("number has more than " + MAX_INPUT_LENGTH + " characters",
                    "has more than " + MAX_INPUT_LENGTH + " characters");
        }
        int slash = t.indexOf('/');
        if (slash < 0) {
            return parseDecimal(t, text);
        }
        Rational num = parseDecimal(t.substring(0, slash).strip(), text);
        Rational den = parseDecimal(t.substring(slash + 1).strip(), text);
        if (den.signum() == 0) {
            throw new NumberFormatException("'" + text + "' has a zero denominator");
        }
        return num.divide(den);
    }

    private static TooLarge exponentBeyondLimit(String text) {
        String limit = "has a decimal exponent beyond ±" + MAX_DECIMAL_EXPONENT;
        return new TooLarge("'" + text + "' " + limit, limit);
    }

    /**
     * A well-formed number that {@link #parse} refuses for its size (too many characters, or a decimal exponent
     * beyond ±100 000): exact arithmetic on it could exhaust time or memory. Distinct from a malformed number, so
     * that messages can say which of the two it is.
     */
    public static final class TooLarge extends NumberFormatException {
        private static final long serialVersionUID = 1L;
        private final String limit;

        TooLarge(String message, String limit) {
            super(message);
            this.limit = limit;
        }

        /** @return the limit the number exceeds, as a predicate: "has a decimal exponent beyond ±100000" */
        public String limit() {
            return limit;
        }
    }

    private static Rational parseDecimal(String t, String whole) {
        // BigDecimal's grammar also accepts NaN/Infinity nowhere, but it accepts a leading '+'; we allow that too.
        if (!t.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
            throw new NumberFormatException("'" + whole + "' is not a number (expected e.g. 7, 0.1, -2.5e-3 or 1/3)");
        }
        BigDecimal d;
        try {
            d = new BigDecimal(t);
        } catch (NumberFormatException e) {
            // BigDecimal's exponent is an int: beyond it, the exponent is beyond ours too.
            throw exponentBeyondLimit(whole);
        }
        if (Math.abs((long) d.scale()) > MAX_DECIMAL_EXPONENT) {
            throw exponentBeyondLimit(whole);
        }
        return of(d);
    }

    /** The numerator p (it carries the sign). */
    public BigInteger numerator() {
        // BigFraction may keep the sign in its denominator; the contract here is q > 0.
        return value.getDenominator().signum() < 0 ? value.getNumerator().negate() : value.getNumerator();
    }

    /*@ public normal_behavior
      @ ensures \result.signum() > 0;
      @*/
    /** The denominator q > 0. */
    public BigInteger denominator() {
        return value.getDenominator().abs();
    }

    /** The sign: −1, 0 or 1. */
    public int signum() {
        return value.signum();
    }

    /** Whether the denominator is 1. */
    public boolean isInteger() {
        return denominator().equals(BigInteger.ONE);
    }

    /*@ public normal_behavior
      @ ensures \result == this + other exactly;
      @*/
    /** this + other, exactly. */
    public Rational add(Rational other) {
        return new Rational(value.add(other.value));
    }

    /*@ public normal_behavior
      @ ensures \result == this − other exactly;
      @*/
    /** this − other, exactly. */
    public Rational subtract(Rational other) {
        return new Rational(value.subtract(other.value));
    }

    /*@ public normal_behavior
      @ ensures \result == this · other exactly;
      @*/
    /** this · other, exactly. */
    public Rational multiply(Rational other) {
        return new Rational(value.multiply(other.value));
    }

    /*@ public normal_behavior
      @ requires other.signum() != 0;
      @ ensures \result == this / other exactly;
      @ also public exceptional_behavior
      @ requires other.signum() == 0;
      @ signals_only ArithmeticException;
      @*/
    /** this / other, exactly; other must not be 0. */
    public Rational divide(Rational other) {
        if (other.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return new Rational(value.divide(other.value));
    }

    /*@ public normal_behavior
      @ ensures \result == −this;
      @*/
    /** −this. */
    public Rational negate() {
        return new Rational(value.negate());
    }

    /*@ public normal_behavior
      @ ensures \result == |this|;
      @*/
    /** |this|. */
    public Rational abs() {
        return new Rational(value.abs());
    }

    /*@ public normal_behavior
      @ requires n >= 0 || signum() != 0;
      @ ensures \result == this^n exactly (this^0 == 1);
      @*/
    /** this^n for any integer n; 0 to a negative power is an error. */
    public Rational pow(int n) {
        if (n < 0 && signum() == 0) {
            throw new ArithmeticException("0 to a negative power");
        }
        return new Rational(value.pow(n));
    }

    /*@ public normal_behavior
      @ ensures \result == (this.compareTo(other) <= 0 ? this : other);
      @*/
    /** The smaller of this and other. */
    public Rational min(Rational other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /*@ public normal_behavior
      @ ensures \result == (this.compareTo(other) >= 0 ? this : other);
      @*/
    /** The larger of this and other. */
    public Rational max(Rational other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /*@ public normal_behavior
      @ requires lambda.denominator() > 0 && this.denominator() > 0 && eps.denominator() > 0;
      @ ensures \result == (1 − lambda)·this + eps exactly;
      @*/
    /**
     * One step of the R3 recursion with this as B_{i−1}: (1 − λ)·B + ε, computed by the KeY-verified
     * {@link RecursionStep} on numerators and denominators and then reduced.
     */
    public Rational recursionStep(Rational lambda, Rational eps) {
        BigInteger num = RecursionStep.numerator(lambda.numerator(), lambda.denominator(),
                numerator(), denominator(), eps.numerator(), eps.denominator());
        BigInteger den = RecursionStep.denominator(lambda.denominator(), denominator(), eps.denominator());
        return of(num, den);
    }

    /*@ public normal_behavior
      @ ensures \result < 0 <==> this < other, \result == 0 <==> this == other;
      @*/
    @Override
    public int compareTo(Rational other) {
        return value.compareTo(other.value);
    }

    /*@ public normal_behavior
      @ requires significantDigits >= 1;
      @ ensures direction == DOWN ==> \result <= this && direction == UP ==> \result >= this;
      @*/
    /**
     * This value as a decimal with at most {@code significantDigits} significant digits, rounded in the given
     * direction (so the printed decimal is a certified bound, never a bare approximation).
     */
    public BigDecimal toDecimal(int significantDigits, Rounding direction) {
        BigDecimal num = new BigDecimal(numerator());
        BigDecimal den = new BigDecimal(denominator());
        return num.divide(den, new MathContext(significantDigits,
                direction == Rounding.DOWN ? RoundingMode.FLOOR : RoundingMode.CEILING));
    }

    /** The nearest double (for plotting and statistics only; never printed as if exact). */
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Rational && ((Rational) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** {@code p/q}, or {@code p} when q = 1. */
    @Override
    public String toString() {
        return isInteger() ? numerator().toString() : numerator() + "/" + denominator();
    }
}
