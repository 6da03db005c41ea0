package org.loopbound.kernel.planted;

import java.math.BigInteger;

/**
 * Planted WRONG contracts: KernelContractsProofTest proves these with exactly the settings used for the kernel and
 * fails if KeY closes any of them, so the KeY check is shown to be able to fail. Not part of the main code.
 */
public final class PlantedWrong {

    private PlantedWrong() {
    }

    /*@ public normal_behavior
      @ requires m != null && 0 <= k;
      @ ensures \result != null;
      @ ensures \result.value * \dl_pow(2, k) <= m.value;
      @ assignable \nothing;
      @*/
    /**
     * Copy of Endpoints.ceilShift with a wrong (floor) postcondition: ⌈m/2^k⌉·2^k ≤ m is false whenever 2^k does
     * not divide m.
     */
    public static BigInteger ceilShiftClaimedFloor(BigInteger m, int k) {
        return m.negate().shiftRight(k).negate();
    }

    /*@ public normal_behavior
      @ requires 0 <= x && 0 <= y;
      @ ensures \result >= 0;
      @ assignable \nothing;
      @*/
    /**
     * Overflow plant: the sum of two non-negative ints is negative when it wraps around (e.g. x = y = 2^30).
     * KeY's default integer semantics (arithmeticSemanticsIgnoringOF) would "prove" this; intRules:javaSemantics
     * must not.
     */
    public static int sumOfNonNegativesClaimedNonNegative(int x, int y) {
        return x + y;
    }
}
