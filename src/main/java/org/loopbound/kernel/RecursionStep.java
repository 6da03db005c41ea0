package org.loopbound.kernel;

import java.math.BigInteger;

/**
 * One step of the R3 recursion B_i = (1 − λ_i)·B_{i−1} + ε_i on exact rationals given as numerator/denominator
 * pairs with positive denominators: λ = ln/ld, B = bn/bd, ε = en/ed.
 *
 * <p>The result is the unreduced fraction ((ld − ln)·bn·ed + en·ld·bd) / (ld·bd·ed); reduction to lowest terms is
 * the caller's business, which keeps this step free of gcd reasoning.
 */
public final class RecursionStep {

    private RecursionStep() {
    }

    /*@ public normal_behavior
      @ requires ln != null && ld != null && bn != null && bd != null && en != null && ed != null;
      @ requires ld.value > 0 && bd.value > 0 && ed.value > 0;
      @ ensures \result != null;
      @ ensures \result.value == (ld.value - ln.value) * bn.value * ed.value + en.value * ld.value * bd.value;
      @ assignable \nothing;
      @*/
    /** Numerator of (1 − ln/ld)·(bn/bd) + en/ed over the denominator {@link #denominator}. */
    public static BigInteger numerator(BigInteger ln, BigInteger ld, BigInteger bn, BigInteger bd,
                                       BigInteger en, BigInteger ed) {
        return ld.subtract(ln).multiply(bn).multiply(ed).add(en.multiply(ld).multiply(bd));
    }

    /*@ public normal_behavior
      @ requires ld != null && bd != null && ed != null;
      @ requires ld.value > 0 && bd.value > 0 && ed.value > 0;
      @ ensures \result != null && \result.value == ld.value * bd.value * ed.value && \result.value > 0;
      @ assignable \nothing;
      @*/
    /** Denominator ld·bd·ed (positive) of one recursion step. */
    public static BigInteger denominator(BigInteger ld, BigInteger bd, BigInteger ed) {
        return ld.multiply(bd).multiply(ed);
    }
}
