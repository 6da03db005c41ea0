package org.loopbound.kernel;

import java.math.BigInteger;

/**
 * Endpoint operations of interval arithmetic on integer mantissas that share one binary exponent.
 *
 * <p>An interval [lo, hi] of dyadic numbers is handed over as two mantissas at a common exponent, so that
 * sums, differences and products of endpoints are integer operations. Rounding to fewer bits is a shift with an
 * explicit direction: {@link #floorShift} rounds toward −∞, {@link #ceilShift} toward +∞.
 *
 * <p>The JML contracts are proved by KeY 2.12.3 on trusted stub contracts of {@link BigInteger} (see
 * {@code spec/contracts.md}); {@code \dl_pow(2, k)} is KeY's integer power 2^k. The private method
 * {@code cornerOrder} is a lemma for KeY (empty body, no run-time effect).
 */
public final class Endpoints {

    private Endpoints() {
    }

    /*@ public normal_behavior
      @ requires m != null && 0 <= k;
      @ ensures \result != null;
      @ ensures \result.value * \dl_pow(2, k) <= m.value;
      @ ensures m.value < (\result.value + 1) * \dl_pow(2, k);
      @ assignable \nothing;
      @*/
    /** Returns ⌊m / 2^k⌋, the largest integer q with q·2^k ≤ m. */
    public static BigInteger floorShift(BigInteger m, int k) {
        return m.shiftRight(k);
    }

    /*@ public normal_behavior
      @ requires m != null && 0 <= k;
      @ ensures \result != null;
      @ ensures m.value <= \result.value * \dl_pow(2, k);
      @ ensures (\result.value - 1) * \dl_pow(2, k) < m.value;
      @ assignable \nothing;
      @*/
    /** Returns ⌈m / 2^k⌉, the smallest integer q with m ≤ q·2^k. */
    public static BigInteger ceilShift(BigInteger m, int k) {
        return m.negate().shiftRight(k).negate();
    }

    /*@ public normal_behavior
      @ requires aLo != null && bLo != null;
      @ ensures \result != null && \result.value == aLo.value + bLo.value;
      @ assignable \nothing;
      @*/
    /** Lower endpoint of [aLo, aHi] + [bLo, bHi]: aLo + bLo. */
    public static BigInteger sumLo(BigInteger aLo, BigInteger bLo) {
        return aLo.add(bLo);
    }

    /*@ public normal_behavior
      @ requires aHi != null && bHi != null;
      @ ensures \result != null && \result.value == aHi.value + bHi.value;
      @ assignable \nothing;
      @*/
    /** Upper endpoint of [aLo, aHi] + [bLo, bHi]: aHi + bHi. */
    public static BigInteger sumHi(BigInteger aHi, BigInteger bHi) {
        return aHi.add(bHi);
    }

    /*@ public normal_behavior
      @ requires aLo != null && bHi != null;
      @ ensures \result != null && \result.value == aLo.value - bHi.value;
      @ assignable \nothing;
      @*/
    /** Lower endpoint of [aLo, aHi] − [bLo, bHi]: aLo − bHi. */
    public static BigInteger differenceLo(BigInteger aLo, BigInteger bHi) {
        return aLo.subtract(bHi);
    }

    /*@ public normal_behavior
      @ requires aHi != null && bLo != null;
      @ ensures \result != null && \result.value == aHi.value - bLo.value;
      @ assignable \nothing;
      @*/
    /** Upper endpoint of [aLo, aHi] − [bLo, bHi]: aHi − bLo. */
    public static BigInteger differenceHi(BigInteger aHi, BigInteger bLo) {
        return aHi.subtract(bLo);
    }

    /*@ public normal_behavior
      @ requires aLo != null && aHi != null && bLo != null && bHi != null;
      @ requires aLo.value <= aHi.value && bLo.value <= bHi.value;
      @ ensures \result != null;
      @ ensures \result.value <= aLo.value * bLo.value && \result.value <= aLo.value * bHi.value;
      @ ensures \result.value <= aHi.value * bLo.value && \result.value <= aHi.value * bHi.value;
      @ ensures \result.value == aLo.value * bLo.value || \result.value == aLo.value * bHi.value
      @      || \result.value == aHi.value * bLo.value || \result.value == aHi.value * bHi.value;
      @ assignable \nothing;
      @*/
    /**
     * Lower endpoint of [aLo, aHi] × [bLo, bHi]: the least of the four corner products, chosen by the signs of the
     * endpoints so that only one product is formed outside the case where both intervals straddle zero.
     */
    public static BigInteger productLo(BigInteger aLo, BigInteger aHi, BigInteger bLo, BigInteger bHi) {
        cornerOrder(aLo, aHi, bLo, bHi);
        if (aLo.signum() >= 0) {
            // a ≥ 0: the least product uses aLo when b ≥ 0, aHi otherwise, with bLo.
            return bLo.signum() >= 0 ? aLo.multiply(bLo) : aHi.multiply(bLo);
        }
        if (aHi.signum() <= 0) {
            // a ≤ 0: uses bHi; aHi when b ≤ 0, aLo otherwise.
            return bHi.signum() <= 0 ? aHi.multiply(bHi) : aLo.multiply(bHi);
        }
        // a straddles 0.
        if (bLo.signum() >= 0) {
            return aLo.multiply(bHi);
        }
        if (bHi.signum() <= 0) {
            return aHi.multiply(bLo);
        }
        BigInteger p = aLo.multiply(bHi);
        BigInteger q = aHi.multiply(bLo);
        return p.compareTo(q) <= 0 ? p : q;
    }

    /*@ public normal_behavior
      @ requires aLo != null && aHi != null && bLo != null && bHi != null;
      @ requires aLo.value <= aHi.value && bLo.value <= bHi.value;
      @ ensures \result != null;
      @ ensures \result.value >= aLo.value * bLo.value && \result.value >= aLo.value * bHi.value;
      @ ensures \result.value >= aHi.value * bLo.value && \result.value >= aHi.value * bHi.value;
      @ ensures \result.value == aLo.value * bLo.value || \result.value == aLo.value * bHi.value
      @      || \result.value == aHi.value * bLo.value || \result.value == aHi.value * bHi.value;
      @ assignable \nothing;
      @*/
    /** Upper endpoint of [aLo, aHi] × [bLo, bHi]: the greatest of the four corner products, by sign cases. */
    public static BigInteger productHi(BigInteger aLo, BigInteger aHi, BigInteger bLo, BigInteger bHi) {
        cornerOrder(aLo, aHi, bLo, bHi);
        if (aLo.signum() >= 0) {
            return bHi.signum() >= 0 ? aHi.multiply(bHi) : aLo.multiply(bHi);
        }
        if (aHi.signum() <= 0) {
            return bLo.signum() <= 0 ? aLo.multiply(bLo) : aHi.multiply(bLo);
        }
        if (bLo.signum() >= 0) {
            return aHi.multiply(bHi);
        }
        if (bHi.signum() <= 0) {
            return aLo.multiply(bLo);
        }
        BigInteger p = aLo.multiply(bLo);
        BigInteger q = aHi.multiply(bHi);
        return p.compareTo(q) >= 0 ? p : q;
    }

    /*@ private normal_behavior
      @ requires aLo != null && aHi != null && bLo != null && bHi != null;
      @ requires aLo.value <= aHi.value && bLo.value <= bHi.value;
      @ ensures 0 <= bLo.value ==> aLo.value * bLo.value <= aHi.value * bLo.value;
      @ ensures bLo.value <= 0 ==> aHi.value * bLo.value <= aLo.value * bLo.value;
      @ ensures 0 <= bHi.value ==> aLo.value * bHi.value <= aHi.value * bHi.value;
      @ ensures bHi.value <= 0 ==> aHi.value * bHi.value <= aLo.value * bHi.value;
      @ ensures 0 <= aLo.value ==> aLo.value * bLo.value <= aLo.value * bHi.value;
      @ ensures aLo.value <= 0 ==> aLo.value * bHi.value <= aLo.value * bLo.value;
      @ ensures 0 <= aHi.value ==> aHi.value * bLo.value <= aHi.value * bHi.value;
      @ ensures aHi.value <= 0 ==> aHi.value * bHi.value <= aHi.value * bLo.value;
      @ assignable \strictly_nothing;
      @*/
    /**
     * Lemma (no run-time effect): how the four corner products of [aLo, aHi] × [bLo, bHi] are ordered along each
     * edge, by the sign of the shared factor. KeY proves it (non-linear arithmetic on four numbers only) and uses it
     * in {@link #productLo} and {@link #productHi}, whose sign cases then need only linear reasoning.
     */
    private static void cornerOrder(BigInteger aLo, BigInteger aHi, BigInteger bLo, BigInteger bHi) {
    }
}
