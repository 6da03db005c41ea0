package org.loopbound.sim;

/** Natural logarithms of positive integers, tabulated below 2^16 (counts in the hot loop are mostly there). */
final class Logs {

    private static final int TABLE = 1 << 16;
    private static final double[] LN = new double[TABLE];

    static {
        for (int i = 1; i < LN.length; i++) {
            LN[i] = Math.log(i);
        }
    }

    private Logs() {
    }

    /** ln x for x ≥ 1, identical to Math.log(x). */
    static double ln(long x) {
        return x >= 0 && x < LN.length ? LN[(int) x] : Math.log(x);
    }
}
