package org.loopbound.arith;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A certified real number: either an exact {@link Rational} or an {@link Interval} known to contain the value.
 *
 * <p>Arithmetic stays exact while every operand is exact and falls back to outward-rounded interval arithmetic at
 * the given precision as soon as one operand is an enclosure. This is how one implementation of a formula serves
 * both exact inputs (rational ε and λ) and inputs that are only enclosed (powers N^−α, square roots, logarithms).
 */
public final class Certified {

    /** Bits of the interval form of an exact value, when it is mixed with enclosures without a stated precision. */
    private static final Precision DEFAULT_ENCLOSURE = Precision.bits(256);

    /** Exactly one of the two is non-null. */
    private final @Nullable Rational exact;
    private final @Nullable Interval interval;

    private Certified(@Nullable Rational exact, @Nullable Interval interval) {
        this.exact = exact;
        this.interval = interval;
    }

    /*@ public normal_behavior
      @ ensures \result.isExact() && \result.exact().equals(q);
      @*/
    /** The exact value q. Its interval form (for mixing with enclosures) is q rounded outward to 256 bits. */
    public static Certified exact(Rational q) {
        return new Certified(q, null);
    }

    /*@ public normal_behavior
      @ ensures !\result.isExact() || x.isPoint();
      @ ensures \result.enclosure().equals(x);
      @*/
    /** A value known only to lie in x (exact if x is a point). */
    public static Certified enclosed(Interval x) {
        return x.isPoint() ? new Certified(x.lo().toRational(), null) : new Certified(null, x);
    }

    /** Whether the value is known exactly. */
    public boolean isExact() {
        return exact != null;
    }

    /*@ public normal_behavior
      @ requires isExact();
      @ ensures \result != null;
      @ also public exceptional_behavior
      @ requires !isExact();
      @ signals_only IllegalStateException;
      @*/
    /** The exact value; only for {@link #isExact()} values. */
    public Rational exact() {
        if (exact == null) {
            throw new IllegalStateException("value is only enclosed: " + enclosure());
        }
        return exact;
    }

    /*@ public normal_behavior
      @ ensures (* the value lies in \result *);
      @*/
    /** An interval containing the value (a point or a 256-bit rounding for exact values, unless computed wider). */
    public Interval enclosure() {
        return interval != null ? interval : enclosure(DEFAULT_ENCLOSURE);
    }

    /** An interval containing the value with endpoints of at most {@code p} bits. */
    public Interval enclosure(Precision p) {
        if (interval != null) {
            return interval.round(p);
        }
        return Interval.of(exact != null ? exact : Rational.ZERO, p);
    }

    /*@ public normal_behavior
      @ ensures (* \result contains this + other; exact iff both are *);
      @*/
    /** this + other. */
    public Certified add(Certified other, Precision p) {
        if (exact != null && other.exact != null) {
            return exact(exact.add(other.exact));
        }
        return enclosed(enclosure(p).add(other.enclosure(p), p));
    }

    /*@ public normal_behavior
      @ ensures (* \result contains this − other; exact iff both are *);
      @*/
    /** this − other. */
    public Certified subtract(Certified other, Precision p) {
        if (exact != null && other.exact != null) {
            return exact(exact.subtract(other.exact));
        }
        return enclosed(enclosure(p).subtract(other.enclosure(p), p));
    }

    /*@ public normal_behavior
      @ ensures (* \result contains this · other; exact iff both are *);
      @*/
    /** this · other. */
    public Certified multiply(Certified other, Precision p) {
        if (exact != null && other.exact != null) {
            return exact(exact.multiply(other.exact));
        }
        return enclosed(enclosure(p).multiply(other.enclosure(p), p));
    }

    /*@ public normal_behavior
      @ requires (* other ≠ 0 *);
      @ ensures (* \result contains this / other; exact iff both are *);
      @*/
    /** this / other; other must be certainly non-zero. */
    public Certified divide(Certified other, Precision p) {
        if (exact != null && other.exact != null) {
            return exact(exact.divide(other.exact));
        }
        return enclosed(enclosure(p).divide(other.enclosure(p), p));
    }

    /*@ public normal_behavior
      @ ensures (* \result contains (1 − lambda)·this + eps; exact iff all three are *);
      @*/
    /**
     * One R3 recursion step (1 − λ)·this + ε: on exact values through the KeY-verified kernel
     * ({@link Rational#recursionStep}), otherwise in interval arithmetic.
     */
    public Certified recursionStep(Certified lambda, Certified eps, Precision p) {
        if (exact != null && lambda.exact != null && eps.exact != null) {
            return exact(exact.recursionStep(lambda.exact, eps.exact));
        }
        return exact(Rational.ONE).subtract(lambda, p).multiply(this, p).add(eps, p);
    }

    /*@ public normal_behavior
      @ ensures (* \result == TRUE iff this ≤ other certainly, FALSE iff this > other certainly *);
      @*/
    /** Whether this ≤ other, certainly / certainly not / undecided by the enclosures. */
    public Trilean lessOrEqual(Certified other) {
        if (exact != null && other.exact != null) {
            return Trilean.of(exact.compareTo(other.exact) <= 0);
        }
        return enclosure().lessOrEqual(other.enclosure());
    }

    /** {@code p/q} when exact, otherwise {@code [lo, hi]} with {@code digits} significant digits, outward. */
    public String format(int digits) {
        return exact != null ? exact.toString() : enclosure().format(digits);
    }

    /** A decimal enclosure for human-readable tables: {@code [lo, hi]} even for exact values. */
    public String formatDecimal(int digits) {
        return exact != null && exact.isInteger() ? exact.toString() : enclosure().format(digits);
    }

    /** The midpoint as a double, for plotting only. */
    public double approx() {
        return exact != null ? exact.doubleValue() : enclosure().midpoint().doubleValue();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (!(o instanceof Certified)) {
            return false;
        }
        Certified c = (Certified) o;
        return exact != null ? exact.equals(c.exact) : c.exact == null && enclosure().equals(c.enclosure());
    }

    @Override
    public int hashCode() {
        return exact != null ? exact.hashCode() : enclosure().hashCode();
    }

    @Override
    public String toString() {
        return format(20);
    }
}
