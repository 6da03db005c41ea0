package org.loopbound.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;

/**
 * A value as the report page shows it: at most {@link #DIGITS} significant digits, with the full text one click
 * away (report.json always has the full text). Shortening never makes a value look more exact than it is: an
 * enclosure {@code [lo, hi]} or an exact {@code p/q} becomes an enclosure rounded outward (so it still contains the
 * value), and a long decimal (a simulated estimate or a double) is rounded to nearest and marked with "≈".
 */
final class ShownValue {

    /** Significant digits shown on the page. */
    static final int DIGITS = 10;
    /** Enough bits that rounding to {@link #DIGITS} decimal digits dominates the binary rounding. */
    private static final Precision PRECISION = Precision.bits(96);
    /** An exact p/q up to this many characters is short enough to read as it is. */
    private static final int SHORT_EXACT = 16;

    private ShownValue() {
    }

    /**
     * The short form of a printed value.
     *
     * @param value a value as the audit printed it: {@code [lo, hi]}, {@code p/q}, a decimal, or any other text
     * @return the value itself when it is short or not a number; otherwise its outward-rounded {@code [lo, hi]}
     *     with {@link #DIGITS} significant digits (for an enclosure or a long p/q), or "≈" and the decimal rounded
     *     to nearest (for a long decimal)
     */
    static String of(String value) {
        String v = value.strip();
        try {
            if (v.startsWith("[") && v.endsWith("]") && v.indexOf(',') > 0) {
                int comma = v.indexOf(',');
                Interval lo = Interval.of(Rational.parse(v.substring(1, comma)), PRECISION);
                Interval hi = Interval.of(Rational.parse(v.substring(comma + 1, v.length() - 1)), PRECISION);
                String shown = lo.hull(hi).format(DIGITS);
                return shown.length() < v.length() ? shown : value;
            }
            if (v.contains("/")) {
                if (v.length() <= SHORT_EXACT) {
                    return value;
                }
                Interval e = Interval.of(Rational.parse(v), PRECISION);
                return e.format(DIGITS);
            }
            BigDecimal d = new BigDecimal(v);
            if (d.precision() <= DIGITS) {
                return value;
            }
            return "≈" + d.round(new MathContext(DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros().toString();
        } catch (NumberFormatException | ArithmeticException e) {
            return value;
        }
    }
}
