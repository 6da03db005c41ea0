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
 *   <li>otherwise: transformed rejection after W. Hörmann, "The generation of binomial random variates",
 *       J. Statist. Comput. Simul. 46 (1993) 101–110 (valid for n·p' ≥ 10): the candidate and squeeze of his BTRS
 *       (the algorithm TensorFlow and PyTorch use) and, for the quarter of candidates the squeeze leaves, the tests
 *       of his BTRD (the algorithm of Boost.Random): a product of pmf ratios near the mode, a squeeze on the log of
 *       the pmf ratio, and last Stirling's series with the tabulated remainders
 *       fc(k) = ln k! − (k+½)ln(k+1) + (k+1) − ½ln 2π for k ≤ 9, as in that paper.</li>
 * </ul>
 * Both are exact up to floating-point rounding: no tail is truncated (inversion restarts if rounding exhausts the
 * mass). For very large n the rejection test loses about log2(n·p')·2^−53 relative accuracy in the pmf ratio
 * (≈ 10^−7 at n·p' = 10^9); the (n+1)·ln(…) term, which would lose far more, is evaluated with log1p.
 */
public final class BinomialSampler {

    /** Below this mean (of the smaller tail probability) inversion is used, above it transformed rejection. */
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
        long x = n * q < INVERSION_LIMIT ? inversion(rng, n, q) : transformedRejection(rng, n, q);
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

    /**
     * Hörmann's transformed rejection for p ≤ ½ and n·p ≥ 30: BTRS's candidate and squeeze, BTRD's tests.
     *
     * <p>Why this mixture: the counts of a multinomial are drawn as a chain in which each draw's n is what the one
     * before left, so what limits the speed is the latency from n to the result, not the work per draw. BTRS's
     * candidate k = ⌊(2a/u_s + b)·u + c⌋ and its squeeze (u_s ≥ 0.07 and v ≤ v_r, tested as b·(0.92 − v) ≥ 4.2)
     * need, after n is known, one square root and a few multiply-adds: 2u/u_s and v come from the uniforms alone.
     * BTRD instead takes u from v/v_r, which puts a division by a function of n on that path. Three candidates in
     * four pass the squeeze (0.86·v_r at n·p·(1−p) = 10^3). The others take BTRD's order of tests (Hörmann 1993,
     * algorithm BTRD, steps 3.1–3.3), cheaper than BTRS's single test through Stirling's series; both evaluate the
     * same inequality v·α/(a/u_s² + b) ≤ pmf(k)/pmf(m), so the accepted law is the same.
     */
    private static long transformedRejection(UniformRandomProvider rng, long n, double p) {
        double nd = n;
        double pq = p * (1 - p);
        double spq = Math.sqrt(nd * pq);
        double b = 1.15 + 2.53 * spq;
        double a0 = -0.0873 + 0.01 * p;
        double c = nd * p + 0.5;
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            // (2a/u_s + b)·u with a = a0 + 0.0248·b, regrouped as a0·t + c + b·(0.0248·t + u), t = 2u/u_s: after
            // the square root one multiply-add gives the candidate; the rest waits only for the uniforms and n.
            double t = 2 * u / us;
            double k = Math.floor(b * (0.0248 * t + u) + (a0 * t + c));
            if (!(k >= 0 && k <= nd)) {
                continue;
            }
            if (us >= 0.07 && b * (0.92 - v) >= 4.2) {
                return (long) k;
            }
            // The height w = v·α/(a/u_s² + b) is passed as a fraction, so the tests near the mode need no division.
            double a = a0 + 0.0248 * b;
            double us2 = us * us;
            if (accept(v * ((2.83 + 5.1 / b) * spq) * us2, a + b * us2, k, nd, p, nd * pq)) {
                return (long) k;
            }
        }
    }

    /**
     * Whether w = wNum/wDen ≤ pmf(k)/pmf(m), m = ⌊(n+1)p⌋ the mode: the acceptance test (w is the uniform height
     * scaled by the hat; wDen &gt; 0), in BTRD's order. Near the mode (|k − m| ≤ 15) the ratio is a product of
     * factors pmf(i)/pmf(i−1) = r(n+1−i)/i, r = p/(1−p), compared as numerator against denominator times w so that
     * no factor needs a division. Further out ln(pmf(k)/pmf(m)) lies within ±ρ of t = −(k−m)²/(2npq) (Hörmann's
     * squeeze): a w with 1 − 1/w &gt; t + ρ (a lower bound of ln w) is rejected without a logarithm, then ln w is
     * compared with t ∓ ρ, and only what falls between goes through Stirling's series.
     */
    private static boolean accept(double wNum, double wDen, double k, double nd, double p, double npq) {
        double m = Math.floor((nd + 1) * p);
        double km = Math.abs(k - m);
        if (km <= 15) {
            double r = p / (1 - p);
            double up = 1;
            double down = 1;
            if (m < k) {
                for (double i = m + 1; i <= k; i++) {
                    up *= r * (nd + 1 - i);
                    down *= i;
                }
                return wNum * down <= wDen * up;
            }
            for (double i = k + 1; i <= m; i++) {
                up *= r * (nd + 1 - i);
                down *= i;
            }
            return wNum * up <= wDen * down;
        }
        double w = wNum / wDen;
        double inv = 1 / npq;
        double rho = km * inv * (((km / 3 + 0.625) * km + 1.0 / 6) * inv + 0.5);
        double t = -0.5 * km * km * inv;
        // ln w ≥ 1 − 1/w > t + ρ when w·(1 − t − ρ) > 1 (and 1 − t − ρ > 0): reject without the logarithm.
        if (w * (1 - t - rho) > 1 && t + rho < 1) {
            return false;
        }
        double lw = Math.log(w);
        if (lw < t - rho) {
            return true;
        }
        if (lw > t + rho) {
            return false;
        }
        double lpq = Math.log(p / (1 - p));
        double hm = (m + 0.5) * Math.log((m + 1) / (nd - m + 1)) - m * lpq + stirlingTail(m) + stirlingTail(nd - m);
        // ln(pmf(k)/pmf(m)) by Stirling's series, regrouped so that the (n+1)·ln(…) factor multiplies a log1p of a
        // small exact ratio instead of the log of a ratio next to 1; hm holds the terms in m alone.
        double h = hm + (nd + 1) * Math.log1p((k - m) / (nd - k + 1))
                + (k + 0.5) * Math.log((nd - k + 1) / (k + 1)) + k * lpq
                - stirlingTail(k) - stirlingTail(nd - k);
        return lw <= h;
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
