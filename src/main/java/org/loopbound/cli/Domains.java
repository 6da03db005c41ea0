package org.loopbound.cli;

import java.math.BigInteger;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;

/** Domain checks for option values; each failure is a {@link UsageError} naming the option and its domain. */
public final class Domains {

    /** Sizes beyond this would exhaust memory or time in some computation; refused up front. */
    public static final BigInteger MAX_SIZE = BigInteger.TEN.pow(18);
    /** Generations beyond this are refused: the per-generation output alone would be unreasonably large. */
    public static final int MAX_GENERATIONS = 1_000_000;

    private Domains() {
    }

    /** λ-like values: in [lo, hi] (closed). */
    public static Rational closed(String option, Rational v, Rational lo, Rational hi) {
        if (v.compareTo(lo) < 0 || v.compareTo(hi) > 0) {
            throw new UsageError(option + " must be in [" + lo + ", " + hi + "], got " + v);
        }
        return v;
    }

    /** Values in the open interval (lo, hi). */
    public static Rational open(String option, Rational v, Rational lo, Rational hi) {
        if (v.compareTo(lo) <= 0 || v.compareTo(hi) >= 0) {
            throw new UsageError(option + " must be in (" + lo + ", " + hi + "), got " + v);
        }
        return v;
    }

    /** Values &gt; 0. */
    public static Rational positive(String option, Rational v) {
        if (v.signum() <= 0) {
            throw new UsageError(option + " must be > 0, got " + v);
        }
        return v;
    }

    /** Values ≥ 0. */
    public static Rational nonNegative(String option, Rational v) {
        if (v.signum() < 0) {
            throw new UsageError(option + " must be ≥ 0, got " + v);
        }
        return v;
    }

    /** A size: an integer in [min, 10^18]. */
    public static BigInteger size(String option, Rational v, long min) {
        if (!v.isInteger()) {
            throw new UsageError(option + " must be a whole number, got " + v);
        }
        BigInteger n = v.numerator();
        if (n.compareTo(BigInteger.valueOf(min)) < 0 || n.compareTo(MAX_SIZE) > 0) {
            throw new UsageError(option + " must be a whole number in [" + min + ", 10^18], got " + v);
        }
        return n;
    }

    /** {@code --threads}: the given count, or all available processors when absent; in [1, 1024]. */
    public static int threads(@Nullable Integer threads) {
        int v = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (v < 1 || v > 1024) {
            throw new UsageError("--threads must be in [1, 1024], got " + v);
        }
        return v;
    }

    /** A required option value. */
    public static <T> T required(String option, @Nullable T v, String why) {
        if (v == null) {
            throw new UsageError(option + " is required " + why);
        }
        return v;
    }
}
