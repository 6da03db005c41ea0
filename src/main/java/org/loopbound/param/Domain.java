package org.loopbound.param;

import java.math.BigInteger;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;

/**
 * The domain of a numeric parameter: exact rationals, or whole numbers, between two ends, each closed, open or
 * infinite; immutable. A parameter's domain is declared once and both checks its values and says, in help texts and
 * messages, what they must be ({@link #text()}).
 */
public final class Domain {

    /** The domain of a seed, every {@code long}, in interval notation. */
    public static final String LONGS = "[-2^63, 2^63)";

    private final boolean whole;
    private final @Nullable Rational lower;
    private final boolean lowerClosed;
    private final @Nullable Rational upper;
    private final boolean upperClosed;

    private Domain(boolean whole, @Nullable Rational lower, boolean lowerClosed, @Nullable Rational upper,
                   boolean upperClosed) {
        if (lower != null && upper != null && lower.compareTo(upper) > 0) {
            throw new IllegalArgumentException("empty domain: lower end " + lower + " above upper end " + upper);
        }
        this.whole = whole;
        this.lower = lower;
        this.lowerClosed = lower != null && lowerClosed;
        this.upper = upper;
        this.upperClosed = upper != null && upperClosed;
    }

    /**
     * The whole numbers in [lo, hi].
     *
     * @param lo the least value
     * @param hi the largest value, at least {@code lo}
     * @return the domain
     * @throws IllegalArgumentException when {@code lo > hi}
     */
    public static Domain whole(long lo, long hi) {
        return whole(BigInteger.valueOf(lo), BigInteger.valueOf(hi));
    }

    /**
     * The whole numbers in [lo, hi].
     *
     * @param lo the least value
     * @param hi the largest value, at least {@code lo}
     * @return the domain
     * @throws IllegalArgumentException when {@code lo > hi}
     */
    public static Domain whole(BigInteger lo, BigInteger hi) {
        return new Domain(true, Rational.of(lo, BigInteger.ONE), true, Rational.of(hi, BigInteger.ONE), true);
    }

    /**
     * A domain in interval notation: {@code [1, 2000]}, {@code (0, 1)}, {@code (0, ∞)}, {@code [0, 10^18]},
     * {@code (-∞, ∞)}; each end is an exact number, {@code 10^k}, or {@code ∞} with a sign.
     *
     * @param interval the interval
     * @param whole whether only whole numbers belong to the domain
     * @return the domain
     * @throws IllegalArgumentException when the text is not such an interval or the interval is empty
     */
    public static Domain parse(String interval, boolean whole) {
        String t = interval.strip();
        int comma = t.indexOf(',');
        if (t.length() < 5 || comma < 0 || "[(".indexOf(t.charAt(0)) < 0 || "])".indexOf(t.charAt(t.length() - 1)) < 0) {
            throw new IllegalArgumentException("not an interval: '" + interval + "'");
        }
        Rational lo = end(t.substring(1, comma), "-∞");
        Rational hi = end(t.substring(comma + 1, t.length() - 1), "∞");
        return new Domain(whole, lo, t.charAt(0) == '[', hi, t.charAt(t.length() - 1) == ']');
    }

    private static @Nullable Rational end(String text, String infinity) {
        String e = text.strip();
        if (e.equals(infinity) || e.equals("+" + infinity)) {
            return null;
        }
        int caret = e.indexOf('^');
        if (caret > 0) {
            BigInteger base = new BigInteger(e.substring(0, caret));
            BigInteger power = base.abs().pow(Integer.parseInt(e.substring(caret + 1)));
            return Rational.of(base.signum() < 0 ? power.negate() : power, BigInteger.ONE);
        }
        return Rational.parse(e);
    }

    /** @return whether only whole numbers belong to the domain */
    public boolean isWhole() {
        return whole;
    }

    /** @return the lower end, or {@code null} when there is none (−∞) */
    public @Nullable Rational lower() {
        return lower;
    }

    /** @return the upper end, or {@code null} when there is none (+∞) */
    public @Nullable Rational upper() {
        return upper;
    }

    /** @return whether the lower end belongs to the domain (false when there is no lower end) */
    public boolean lowerClosed() {
        return lowerClosed;
    }

    /** @return whether the upper end belongs to the domain (false when there is no upper end) */
    public boolean upperClosed() {
        return upperClosed;
    }

    /**
     * @param v a value
     * @return whether {@code v} belongs to the domain
     */
    public boolean contains(Rational v) {
        if (whole && !v.isInteger()) {
            return false;
        }
        Rational lo = lower;
        if (lo != null) {
            int c = v.compareTo(lo);
            if (c < 0 || c == 0 && !lowerClosed) {
                return false;
            }
        }
        Rational hi = upper;
        if (hi != null) {
            int c = v.compareTo(hi);
            return c < 0 || c == 0 && upperClosed;
        }
        return true;
    }

    /**
     * Checks a value.
     *
     * @param symbol the parameter's symbol, for the message
     * @param v the value
     * @return {@code v}
     * @throws ParameterException naming {@code symbol} and {@link #text()} when {@code v} lies outside the domain
     */
    public Rational check(String symbol, Rational v) {
        if (!contains(v)) {
            throw ParameterException.outside(symbol, text(), v);
        }
        return v;
    }

    /**
     * Parses a value exactly ({@code 7}, {@code 1e3}, {@code 1000/1}, {@code 0.1}, {@code 1/3}; ASCII digits only)
     * and checks it; the message of a failure quotes the text as given, cut.
     *
     * @param symbol the parameter's symbol, for the message
     * @param text the text
     * @return the value
     * @throws ParameterException naming {@code symbol} and {@link #text()} when the text is not an exact number or
     *     its value lies outside the domain
     */
    public Rational parse(String symbol, String text) {
        Rational v;
        try {
            v = Rational.parse(text);
        } catch (Rational.TooLarge e) {
            throw ParameterException.violates(symbol, "must be " + text() + ", got '" + ParameterException.cut(text)
                    + "', a number too large to compute with exactly: it " + e.limit());
        } catch (NumberFormatException e) {
            throw ParameterException.violates(symbol, "must be " + text() + ", got '" + ParameterException.cut(text)
                    + "', not an exact number (like 3, 1e3, 1/3 or 0.1)");
        }
        if (!contains(v)) {
            throw ParameterException.outside(symbol, text(), text.strip());
        }
        return v;
    }

    /**
     * What a value must be, phrased to follow "must be": {@code a whole number in [1, 2000]}, {@code in (0, 1)}.
     *
     * @return the text
     */
    public String text() {
        return (whole ? "a whole number in " : "in ") + this;
    }

    /** @return the domain in interval notation, e.g. {@code [1, 10^18]} or {@code (0, ∞)} */
    @Override
    public String toString() {
        Rational lo = lower;
        Rational hi = upper;
        return (lowerClosed ? "[" : "(") + (lo == null ? "-∞" : number(lo)) + ", " + (hi == null ? "∞" : number(hi))
                + (upperClosed ? "]" : ")");
    }

    /**
     * An end or limit as messages print it.
     *
     * @param v a number
     * @return {@code 10^k} for powers of ten above 9999 and {@code 2^k} for powers of two from 2^20 (with their
     *     sign), the number's own text otherwise
     */
    public static String number(Rational v) {
        String s = v.toString();
        String sign = v.signum() < 0 ? "-" : "";
        String digits = v.abs().toString();
        if (digits.matches("10+") && digits.length() > 4) {
            return sign + "10^" + (digits.length() - 1);
        }
        BigInteger n = v.abs().numerator();
        if (v.isInteger() && n.bitCount() == 1 && n.bitLength() > 20) {
            return sign + "2^" + (n.bitLength() - 1);
        }
        return s;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Domain d && d.whole == whole && Objects.equals(d.lower, lower)
                && d.lowerClosed == lowerClosed && Objects.equals(d.upper, upper) && d.upperClosed == upperClosed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(whole, lower, lowerClosed, upper, upperClosed);
    }
}
