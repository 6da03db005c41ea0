package org.loopbound.arith;

/**
 * The working precision of an interval operation: the number of significant bits kept in each endpoint.
 *
 * <p>An operation at precision p returns endpoints whose mantissas have at most p bits, rounded outward, so the
 * relative width that rounding adds to a result x is at most 2^(1−p) per rounded endpoint. Precisions given in
 * decimal digits are converted to the number of bits that represents at least that many digits.
 */
public final class Precision {

    /** The smallest precision accepted: below this the elementary-function guard bits dominate. */
    public static final int MIN_BITS = 8;
    /** The largest precision accepted: a guard against requests that would exhaust memory. */
    public static final int MAX_BITS = 1 << 20;

    private final int bits;

    private Precision(int bits) {
        this.bits = bits;
    }

    /*@ public normal_behavior
      @ requires MIN_BITS <= bits && bits <= MAX_BITS;
      @ ensures \result.bits() == bits;
      @ also public exceptional_behavior
      @ requires bits < MIN_BITS || bits > MAX_BITS;
      @ signals_only IllegalArgumentException;
      @*/
    /** A precision of {@code bits} significant bits, in [{@link #MIN_BITS}, {@link #MAX_BITS}]. */
    public static Precision bits(int bits) {
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new IllegalArgumentException(
                    "precision must be between " + MIN_BITS + " and " + MAX_BITS + " bits, got " + bits);
        }
        return new Precision(bits);
    }

    /*@ public normal_behavior
      @ requires 1 <= digits && digits <= 315000;
      @ ensures \result.bits() >= digits * 3.3219280948873623;
      @*/
    /**
     * The precision that holds at least {@code digits} significant decimal digits: ⌈digits·3.322⌉ + 1 bits
     * (the extra bit absorbs the last digit's rounding); 3.322 over-approximates log2(10).
     */
    public static Precision digits(int digits) {
        if (digits < 1 || digits > 315000) {
            throw new IllegalArgumentException("precision must be between 1 and 315000 digits, got " + digits);
        }
        // 3322/1000 > log2(10) = 3.32192..., so this over-approximates the bits needed.
        long b = ((long) digits * 3322 + 999) / 1000 + 1;
        return bits((int) Math.max(MIN_BITS, b));
    }

    /*@ public normal_behavior
      @ ensures \result >= MIN_BITS && \result <= MAX_BITS;
      @*/
    /** The number of significant bits. */
    public int bits() {
        return bits;
    }

    /*@ public normal_behavior
      @ requires extra >= 0;
      @ ensures \result.bits() == Math.min(MAX_BITS, bits + extra);
      @*/
    /** This precision with {@code extra} guard bits added (capped at {@link #MAX_BITS}). */
    public Precision plus(int extra) {
        return new Precision((int) Math.min(MAX_BITS, (long) bits + extra));
    }

    /** The number of decimal digits that this many bits determines: ⌊(bits − 1)·log10(2)⌋, at least 1. */
    public int decimalDigits() {
        return Math.max(1, (int) (((long) bits - 1) * 30103L / 100000L));
    }

    @Override
    public boolean equals(@org.checkerframework.checker.nullness.qual.Nullable Object o) {
        return o instanceof Precision && ((Precision) o).bits == bits;
    }

    @Override
    public int hashCode() {
        return bits;
    }

    @Override
    public String toString() {
        return bits + " bits";
    }
}
