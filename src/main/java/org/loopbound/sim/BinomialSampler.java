package org.loopbound.sim;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact-in-distribution Binomial(n, p) variates for n up to 10^12, in O(1) expected time for any n (commons-rng has
 * no sampler for large n).
 *
 * <p>With p' = min(p, 1−p) (the result is mirrored as n − X when p &gt; ½):
 * <ul>
 *   <li>n·p' &lt; 30: sequential inversion of the CDF from 0, using pmf(x+1) = pmf(x)·((n+1)s/(x+1) − s),
 *       s = p'/(1−p'); the expected number of steps is n·p' + 1.</li>
 *   <li>otherwise: BTRS, the transformed-rejection-with-squeeze algorithm of W. Hörmann, "The generation of binomial
 *       random variates", J. Statist. Comput. Simul. 46 (1993) 101–110 (the companion of BTRD in that paper; valid
 *       for n·p' ≥ 10). The acceptance test evaluates the log of the pmf ratio through Stirling's series with the
 *       tabulated remainders fc(k) = ln k! − (k+½)ln(k+1) + (k+1) − ½ln 2π for k ≤ 9, as in that paper; it is the
 *       algorithm TensorFlow and PyTorch use.</li>
 * </ul>
 * Both are exact up to floating-point rounding: no tail is truncated (inversion restarts if rounding exhausts the
 * mass). For very large n the rejection test loses about log2(n·p')·2^−53 relative accuracy in the pmf ratio
 * (≈ 10^−7 at n·p' = 10^9); the (n+1)·ln(…) term, which would lose far more, is evaluated with log1p.
 */
public final class BinomialSampler {

    /** Below this mean (of the smaller tail probability) inversion is used, above it BTRS. */
    static final double INVERSION_LIMIT = 30;

    /** fc(k) = ln k! − (k+½)ln(k+1) + (k+1) − ½ln(2π), k = 0..9 (Hörmann 1993, Table 1). */
    private static final double[] STIRLING_TAIL = {
        0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
        0.0138761288230707, 0.0118967099458917, 0.0104112652619720, 0.00925546218271273, 0.00833056343336287};

    private BinomialSampler() {
    }

    /*@ public normal_behavior
      @ requires n >= 0 && 0 <= p && p <= 1;
      @ ensures 0 <= \result && \result <= n;
      @ ensures (* \result is distributed as Binomial(n, p), given uniform rng output *);
      @ also public exceptional_behavior
      @ requires n < 0 || !(0 <= p && p <= 1);
      @ signals_only IllegalArgumentException;
      @*/
    /** One Binomial(n, p) variate drawn from {@code rng}. */
    public static long sample(UniformRandomProvider rng, long n, double p) {
        if (n < 0 || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("binomial needs n >= 0 and p in [0, 1], got n=" + n + ", p=" + p);
        }
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        boolean mirrored = p > 0.5;
        double q = mirrored ? 1 - p : p;
        long x = n * q < INVERSION_LIMIT ? inversion(rng, n, q) : btrs(rng, n, q);
        return mirrored ? n - x : x;
    }

    /** Sequential inversion for p ≤ ½ and n·p &lt; 30, where (1−p)^n ≥ e^−42 cannot underflow. */
    private static long inversion(UniformRandomProvider rng, long n, double p) {
        double s = p / (1 - p);
        double a = (n + 1) * s;
        double pmf0 = Math.exp(n * Math.log1p(-p));
        while (true) {
            double u = rng.nextDouble();
            double pmf = pmf0;
            long x = 0;
            while (u >= pmf) {
                u -= pmf;
                x++;
                pmf *= a / x - s;
                if (!(pmf > 0) || x > n) {
                    break;
                }
            }
            // pmf is 0 only past n or in the underflowed far tail: rounding left u above the total mass, so redraw.
            if (u < pmf && x <= n) {
                return x;
            }
        }
    }

    /** BTRS (Hörmann 1993) for p ≤ ½ and n·p ≥ 30. */
    private static long btrs(UniformRandomProvider rng, long n, double p) {
        double nd = n;
        double spq = Math.sqrt(nd * p * (1 - p));
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double twoA = 2 * a;
        double c = nd * p + 0.5;
        // v ≤ v_r = 0.92 − 4.2/b, tested as v·b ≤ 0.92·b − 4.2 (b &gt; 0) to save a division per draw.
        double vrb = 0.92 * b - 4.2;
        // The rest of the set-up is needed only outside the squeeze (about one draw in four at n·p ≈ 500), so it is
        // computed on first use: most draws then cost one square root, one division and two uniforms.
        double alpha = Double.NaN;
        double lpq = 0;
        double m = 0;
        double hm = 0;
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            double k = Math.floor((twoA / us + b) * u + c);
            if (!(k >= 0 && k <= nd)) {
                continue;
            }
            if (us >= 0.07 && v * b <= vrb) {
                return (long) k;
            }
            if (Double.isNaN(alpha)) {
                alpha = (2.83 + 5.1 / b) * spq;
                lpq = Math.log(p / (1 - p));
                m = Math.floor((nd + 1) * p);
                hm = (m + 0.5) * Math.log((m + 1) / (nd - m + 1)) - m * lpq + stirlingTail(m) + stirlingTail(nd - m);
            }
            double lv = Math.log(v * alpha / (a / (us * us) + b));
            // h = ln(pmf(k)/pmf(m)) by Stirling's series, regrouped so that the (n+1)·ln(…) factor multiplies a
            // log1p of a small exact ratio instead of the log of a ratio next to 1; hm holds the terms in m alone.
            double h = hm + (nd + 1) * Math.log1p((k - m) / (nd - k + 1))
                    + (k + 0.5) * Math.log((nd - k + 1) / (k + 1)) + k * lpq
                    - stirlingTail(k) - stirlingTail(nd - k);
            if (lv <= h) {
                return (long) k;
            }
        }
    }

    /** fc(k), tabulated for k ≤ 9, otherwise the Stirling series to the k^−5 term. */
    private static double stirlingTail(double k) {
        if (k <= 9) {
            int i = (int) k;
            return i >= 0 && i < STIRLING_TAIL.length ? STIRLING_TAIL[i] : 0;
        }
        double r = 1 / (k + 1);
        double r2 = r * r;
        return (1.0 / 12 - (1.0 / 360 - r2 / 1260) * r2) * r;
    }
}
