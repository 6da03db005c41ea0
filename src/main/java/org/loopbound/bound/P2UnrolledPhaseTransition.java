package org.loopbound.bound;

import java.math.BigInteger;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Dyadic;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.arith.Rounding;
import org.loopbound.param.ParameterException;

/**
 * P2, the phase transition unrolled over i generations (theory.md §3, formalizing claim C3). Generation 0 is trained
 * on the r real samples only, every later generation on r real plus s synthetic samples (N = r + s, x = s/N), with
 * ε(N) = b·N^(−α). Unrolling R3 gives
 * F_i(s) = b·r^(−α)·x^i + b·N^(−α)·S(x), S(x) = Σ_{j=0}^{i−1} x^j, with F_i(0) = F_i(∞) = b·r^(−α).
 *
 * <p><b>Derivative.</b> With dx/ds = r/N² and dN/ds = 1,
 * F_i′(s) = (b/N²)·[i·r^(1−α)·x^(i−1) + N^(−α)·(r·S′(x) − α·N·S(x))], S′(x) = Σ_{j=1}^{i−1} j·x^(j−1).
 * In the ratio t = s/r, y = 1 + t, u = 1/t one has 1 − x = 1/y, S(x) = y·(1 − x^i) and
 * S′(x) = y²·(1 − x^i) − i·y·x^(i−1); substituting and using (y^i − t^i)/(i·t^(i−1)) = ((1+u)^i − 1)/(i·u)
 * = Σ_{k=0}^{i−1} C(i−1, k)/(k+1)·u^k gives, for s &gt; 0,
 * F_i′(s) = (b/N²)·r^(1−α)·y^(2−α−i)·i·t^(i−1)·κ(t), with the <em>criterion</em>
 * κ(t) = (1−α)·Σ_{k=0}^{i−1} C(i−1, k)/(k+1)·t^(−k) − 1 + (1+t)^(α−1).
 * The prefactor is positive, so F_i′(s) and κ(s/r) have the same sign; κ depends on (α, i) only, hence so does
 * s* / r.
 *
 * <p><b>One peak.</b> Every term of κ is non-increasing in t &gt; 0 (positive coefficients times t^(−k), and
 * (1+t)^(α−1) with α − 1 &lt; 0 is strictly decreasing), so κ is strictly decreasing, with κ(0+) = +∞ for i ≥ 2,
 * κ(0) = 1 − α for i = 1, and κ(∞) = −α &lt; 0. Hence κ has exactly one zero t*, F_i rises on [0, r·t*] and falls
 * on [r·t*, ∞): s* = r·t* is the unique maximizer. This argument is proved in Coq (proofs/Phase.v,
 * {@code P2_derivative}, {@code P2_kappa_decreasing}, {@code P2_kappa_zero}, {@code P2_unimodal}), with κ in the
 * equal form (1−α)/i·Σ_{j&lt;i} (1 + 1/t)^j − 1 + (1+t)^(α−1); the code certifies, per instance, the sign change of
 * F_i′ at the ends of every enclosure it returns. For i = 1,
 * κ(t) = (1+t)^(α−1) − α and t* = α^(−1/(1−α)) − 1, P1 with e = b·r^(−α).
 */
public final class P2UnrolledPhaseTransition {

    /** The largest number of generations accepted: the evaluation cost grows linearly in i. */
    public static final int MAX_GENERATIONS = 10_000;
    /** The working precision is raised automatically up to this many bits before the isolation gives up. */
    public static final int MAX_WORKING_BITS = 1 << 15;
    private static final int MIN_WORKING_BITS = 64;
    private static final int GUARD_BITS = 32;
    private static final int MAX_DOUBLINGS = 1 << 12;
    private static final int MAX_STEPS = 100_000;

    private P2UnrolledPhaseTransition() {
    }

    /**
     * A certified isolation of the maximizer: s* ∈ {@code sStar}, s* / r ∈ {@code ratio} = [L, R], with
     * F_i′(r·L) ∈ {@code derivativeAtLeft} (certainly &gt; 0) and F_i′(r·R) ∈ {@code derivativeAtRight}
     * (certainly &lt; 0); {@code precision} is the working precision the certificate needed.
     */
    public record Maximizer(Certified sStar, Certified ratio, Interval derivativeAtLeft, Interval derivativeAtRight,
                            Precision precision) {
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1 && b > 0 && r > 0 && 1 <= i && i <= MAX_GENERATIONS && width > 0;
      @ ensures \result.sStar().enclosure().width().toRational().compareTo(width) <= 0;
      @ ensures (* the unique maximizer s* of F_i over [0, ∞) lies in \result.sStar() and s* / r in \result.ratio() *);
      @ ensures \result.derivativeAtLeft().lo().signum() > 0 && \result.derivativeAtRight().hi().signum() < 0;
      @ ensures (* F_i′(r·ratio.lo) ∈ derivativeAtLeft and F_i′(r·ratio.hi) ∈ derivativeAtRight *);
      @ also public exceptional_behavior
      @ requires !(0 < alpha && alpha < 1 && b > 0 && r > 0 && 1 <= i && i <= MAX_GENERATIONS && width > 0);
      @ signals_only IllegalArgumentException;
      @ also public exceptional_behavior
      @ requires (* a sign needed by the certificate is undecided at MAX_WORKING_BITS bits *);
      @ signals_only ArithmeticException;
      @*/
    /**
     * Isolates the maximizer s* of F_i to an enclosure of width at most {@code width}, with a certified sign
     * change of F_i′ at its ends.
     *
     * <p>Method, in t = s/r with the criterion κ (class comment): (1) bracket: κ(0+) &gt; 0, and t = 1, 2, 4, …
     * until κ(t) is certainly negative; (2) Newton's iteration from the left end, t ← t − κ(t)/κ′(t) with
     * κ′(t) = −(1−α)·Σ_{k≥1} k·C(i−1,k)/(k+1)·t^(−k−1) + (α−1)·(1+t)^(α−2); κ is convex and decreasing, so the
     * iterates approach t* from the left and converge quadratically; every iterate is accepted only after the sign
     * of κ there is certified, and a failed step falls back to bisection; once the Newton step is below a quarter of
     * the target width, a bracket of 7/8 of the target width centred on the iterate is certified, so that t* lies
     * near its middle; (3) the final [L, R] has κ(L) &gt; 0 (or L = 0) and κ(R) &lt; 0 certified, and
     * F_i′(r·L) &gt; 0, F_i′(r·R) &lt; 0 are certified again from the s-space formula of F_i′. A sign that interval
     * arithmetic cannot decide raises the working precision (doubling, from at least {@code p} bits) up to
     * {@link #MAX_WORKING_BITS}; beyond that the method refuses with an {@link ArithmeticException}.
     */
    public static Maximizer maximizer(Rational alpha, Rational b, Rational r, int i, Rational width, Precision p) {
        checkDomain(alpha, b, r, i);
        return maximizer(alpha, b, r, i, TargetWidth.absolute(width), p);
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1 && b > 0 && r > 0 && 1 <= i && i <= MAX_GENERATIONS;
      @ ensures target.isMetBy(\result.sStar().enclosure());
      @ ensures (* the unique maximizer s* of F_i over [0, ∞) lies in \result.sStar() and s* / r in \result.ratio() *);
      @ ensures \result.derivativeAtLeft().lo().signum() > 0 && \result.derivativeAtRight().hi().signum() < 0;
      @ also public exceptional_behavior
      @ requires !(0 < alpha && alpha < 1 && b > 0 && r > 0 && 1 <= i && i <= MAX_GENERATIONS);
      @ signals_only IllegalArgumentException;
      @ also public exceptional_behavior
      @ requires (* a sign needed by the certificate is undecided at MAX_WORKING_BITS bits *);
      @ signals_only ArithmeticException;
      @*/
    /**
     * As {@link #maximizer(Rational, Rational, Rational, int, Rational, Precision)}, to an absolute or a relative
     * width. For a relative width ρ the isolation in t = s/r works to the absolute width min(ρ, 1)·max(L, 1)/4, L
     * the certified lower end of the bracket (t* &gt; 1 always, see the code), which meets the relative target with
     * room for the outward rounding of r·[L, R]. The cost depends on ρ and on the size of t*, not on the size of
     * s* = r·t*: a threshold of 10^16300 is found at about log2(1/ρ) bits.
     *
     * @param alpha the exponent α ∈ (0, 1)
     * @param b the constant b &gt; 0
     * @param r the real amount r &gt; 0
     * @param i the generations, in [1, {@link #MAX_GENERATIONS}]
     * @param target the width the enclosure of s* must meet
     * @param p the starting working precision
     * @return the certified isolation of s*
     * @throws ParameterException when a parameter is outside its domain
     * @throws ArithmeticException when a needed sign is undecided at {@link #MAX_WORKING_BITS} bits
     */
    public static Maximizer maximizer(Rational alpha, Rational b, Rational r, int i, TargetWidth target,
                                      Precision p) {
        checkDomain(alpha, b, r, i);
        Criterion kappa = new Criterion(alpha, i);
        int w = Math.max(p.bits(), MIN_WORKING_BITS);

        Dyadic lo = Dyadic.ZERO;
        Dyadic hi = Dyadic.ONE;
        for (int k = 0; ; k++) {
            if (k > MAX_DOUBLINGS) {
                throw new ArithmeticException("s* / r exceeds 2^" + MAX_DOUBLINGS + "; cannot bracket the maximizer");
            }
            Interval v = kappa.value(Interval.point(hi), Precision.bits(w));
            if (v.hi().signum() < 0) {
                break;
            }
            if (v.lo().signum() > 0) {
                lo = hi;
            }
            hi = hi.scaleByPowerOfTwo(1);
        }
        // t* > 1 always: κ(1) ≥ (1−α)·c_0 − 1 + 2^(α−1) = 2^(α−1) − α > 0 (decreasing in α, 0 at α = 1), so
        // max(lo, 1) ≤ t*. A relative target then holds with room to spare at a quarter of ρ (at most 1) of it: the
        // final [L, R] has L ≥ t* − width ≥ 3/4.
        Rational epsT = target.isRelative()
                ? Rational.ONE.min(target.value()).multiply(Rational.ONE.max(lo.toRational())).divide(Rational.of(4))
                : target.value().divide(r);
        Rational width = epsT.multiply(r);
        w = Math.max(w, neededBits(hi, epsT, alpha, i));
        if (w > MAX_WORKING_BITS) {
            throw new ArithmeticException("a width of about 2^" + log2Floor(width) + " needs more than "
                    + MAX_WORKING_BITS + " working bits");
        }
        // A target a little below the requested width leaves room for rounding r·[L, R] outward.
        Dyadic eps = Dyadic.of(epsT.multiply(Rational.of(7, 8)), Precision.bits(16), Rounding.DOWN);

        for (int steps = 0; hi.subtract(lo).compareTo(eps) > 0; steps++) {
            if (steps > MAX_STEPS) {
                throw new ArithmeticException("maximizer isolation did not converge in " + MAX_STEPS + " steps");
            }
            Precision wp = Precision.bits(w);
            Dyadic mid = lo.add(hi).scaleByPowerOfTwo(-1);
            Dyadic half = eps.scaleByPowerOfTwo(-1);
            Dyadic c = mid;
            if (lo.signum() > 0) {
                ValueAndSlope vs = kappa.valueAndSlope(Interval.point(lo), wp);
                Dyadic slope = vs.slope().midpoint();
                if (slope.signum() < 0) {
                    Dyadic step = vs.value().midpoint().divide(slope.negate(), wp, Rounding.DOWN);
                    c = lo.add(step).round(wp, Rounding.UP);
                    // Converged: t* is within about step² of c, so a bracket of the target width centred on c
                    // leaves t* well inside the enclosure rather than at one end.
                    if (step.compareTo(eps.scaleByPowerOfTwo(-2)) < 0 && c.compareTo(half) > 0
                            && brackets(kappa, c.subtract(half), c.add(half), wp)) {
                        lo = c.subtract(half);
                        hi = c.add(half);
                        continue;
                    }
                }
            }
            if (c.compareTo(lo) <= 0 || c.compareTo(hi) >= 0) {
                c = mid;
            }
            Interval kc = kappa.value(Interval.point(c), wp);
            if (kc.lo().signum() > 0) {
                lo = c;
            } else if (kc.hi().signum() < 0) {
                hi = c;
            } else if (c.compareTo(half) > 0 && brackets(kappa, c.subtract(half), c.add(half), wp)) {
                // c is within rounding noise of t*: a bracket of the target width around it is certified.
                lo = c.subtract(half);
                hi = c.add(half);
            } else {
                w = raise(w, "the sign of F_i' near s/r = " + c.toDecimalString(20, Rounding.DOWN));
            }
        }

        Rational sLo = r.multiply(lo.toRational());
        Rational sHi = r.multiply(hi.toRational());
        int wc = w + GUARD_BITS;
        Interval dLeft;
        Interval dRight;
        while (true) {
            Precision wp = Precision.bits(wc);
            dLeft = derivative(alpha, b, r, i, sLo, wp);
            dRight = derivative(alpha, b, r, i, sHi, wp);
            if (dLeft.lo().signum() > 0 && dRight.hi().signum() < 0) {
                break;
            }
            if (dLeft.hi().signum() <= 0 || dRight.lo().signum() >= 0) {
                throw new ArithmeticException("F_i' contradicts the criterion at [" + sLo + ", " + sHi + "]: "
                        + dLeft + ", " + dRight);
            }
            wc = raise(wc, "the sign of F_i' at the ends of the enclosure of s*");
        }

        int out = Math.max(p.bits(), (int) Math.min(MAX_WORKING_BITS,
                log2Ceil(sHi.add(Rational.ONE)) - log2Floor(width) + 8));
        Interval s;
        while (true) {
            Precision op = Precision.bits(out);
            s = Interval.of(sLo, op).hull(Interval.of(sHi, op));
            if (s.width().toRational().compareTo(width) <= 0 && target.isMetBy(s)) {
                break;
            }
            out = raise(out, "an enclosure of s* of width about 2^" + log2Floor(width));
        }
        return new Maximizer(Certified.enclosed(s), Certified.enclosed(Interval.of(lo, hi)), dLeft, dRight,
                Precision.bits(wc));
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1 && b > 0 && r > 0 && 1 <= i && i <= MAX_GENERATIONS && s >= 0;
      @ ensures (* \result contains F_i(s) = b·r^(−α)·(s/N)^i + b·N^(−α)·Σ_{j<i} (s/N)^j, N = r + s *);
      @ also public exceptional_behavior
      @ requires !(0 < alpha && alpha < 1 && b > 0 && r > 0 && 1 <= i && i <= MAX_GENERATIONS && s >= 0);
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The unrolled bound F_i(s) at a synthetic amount s ≥ 0: exact when r^(−α) and N^(−α) are rational (the
     * powers of x = s/N are then formed exactly while they stay below 2^14 bits), an enclosure otherwise.
     */
    public static Certified value(Rational alpha, Rational b, Rational r, int i, Rational s, Precision p) {
        checkDomain(alpha, b, r, i);
        if (s.signum() < 0) {
            throw ParameterException.outside("s", "≥ 0", s);
        }
        Precision w = p.plus(GUARD_BITS);
        Rational n = r.add(s);
        Rational x = s.divide(n);
        long xBits = (long) x.numerator().bitLength() + x.denominator().bitLength();
        Certified xi;
        Certified sum;
        if (xBits * i <= P1PhaseTransition.EXACT_POWER_MAX_BITS) {
            Rational acc = Rational.ZERO;
            for (int j = 0; j < i; j++) {
                acc = acc.multiply(x).add(Rational.ONE);
            }
            xi = Certified.exact(x.pow(i));
            sum = Certified.exact(acc);
        } else {
            Interval xw = Interval.of(x, w);
            xi = Certified.enclosed(xw.pow(i, w));
            sum = Certified.enclosed(geometricSum(xw, i, w));
        }
        Certified bc = Certified.exact(b);
        Certified last = bc.multiply(P1PhaseTransition.power(r, alpha.negate(), w), w).multiply(xi, w);
        Certified rest = bc.multiply(P1PhaseTransition.power(n, alpha.negate(), w), w).multiply(sum, w);
        return P1PhaseTransition.rounded(last.add(rest, w), p);
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1 && b > 0 && r > 0 && 1 <= i && i <= MAX_GENERATIONS && s.lo() >= 0;
      @ ensures (* \forall σ ∈ s: F_i(σ) ∈ \result *);
      @ also public exceptional_behavior
      @ requires !(0 < alpha && alpha < 1 && b > 0 && r > 0 && 1 <= i && i <= MAX_GENERATIONS && s.lo() >= 0);
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * An enclosure of the range of F_i over an interval s ⊆ [0, ∞), e.g. the peak value F_i(s*) over the enclosure
     * of s*. x = s/N is evaluated as 1 − r/N (monotone in s), and x^i and S(x) on x ≥ 0 are monotone.
     */
    public static Interval value(Rational alpha, Rational b, Rational r, int i, Interval s, Precision p) {
        checkDomain(alpha, b, r, i);
        if (s.lo().signum() < 0) {
            throw ParameterException.outside("s", "≥ 0", s);
        }
        Precision w = p.plus(GUARD_BITS);
        Interval ri = Interval.of(r, w);
        Interval n = ri.add(s, w);
        Interval x = Interval.of(1).subtract(ri.divide(n, w), w).max(Interval.of(0));
        Interval bi = Interval.of(b, w);
        Interval last = bi.multiply(P1PhaseTransition.enclosePower(r, alpha.negate(), w), w).multiply(x.pow(i, w), w);
        Interval rest = bi.multiply(P1PhaseTransition.power(n, alpha.negate(), w), w)
                .multiply(geometricSum(x, i, w), w);
        return last.add(rest, w).round(p);
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1 && b > 0 && r > 0 && 1 <= i && i <= MAX_GENERATIONS && s >= 0;
      @ ensures (* \result contains F_i′(s) *);
      @ also public exceptional_behavior
      @ requires !(0 < alpha && alpha < 1 && b > 0 && r > 0 && 1 <= i && i <= MAX_GENERATIONS && s >= 0);
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * F_i′(s) = (b/N²)·[i·r^(1−α)·x^(i−1) + N^(−α)·(r·S′(x) − α·N·S(x))] at s ≥ 0 (N = r + s, x = s/N),
     * evaluated from this s-space formula, independently of the criterion κ; see the class comment for its
     * derivation. The bracket cancels near s*, so the precision must exceed log2(1/|F_i′(s)|) by the bits wanted.
     */
    public static Interval derivative(Rational alpha, Rational b, Rational r, int i, Rational s, Precision p) {
        checkDomain(alpha, b, r, i);
        if (s.signum() < 0) {
            throw ParameterException.outside("s", "≥ 0", s);
        }
        Precision w = p.plus(GUARD_BITS);
        Rational n = r.add(s);
        Interval x = Interval.of(s.divide(n), w);
        Interval ni = Interval.of(n, w);
        Interval sum = geometricSum(x, i, w);
        Interval slope = Interval.of(0);
        for (int j = i - 1; j >= 1; j--) {
            slope = slope.multiply(x, w).add(Interval.of(j), w);
        }
        Interval last = Interval.of(i).multiply(P1PhaseTransition.enclosePower(r, Rational.ONE.subtract(alpha), w), w)
                .multiply(x.pow(i - 1, w), w);
        Interval inner = Interval.of(r, w).multiply(slope, w)
                .subtract(Interval.of(alpha, w).multiply(ni, w).multiply(sum, w), w);
        Interval bracket = last.add(P1PhaseTransition.enclosePower(n, alpha.negate(), w).multiply(inner, w), w);
        return Interval.of(b.divide(n.multiply(n)), w).multiply(bracket, w).round(p);
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1 && 1 <= i && i <= MAX_GENERATIONS && t > 0;
      @ ensures (* \result contains κ(t) = (1−α)·Σ_{k<i} C(i−1,k)/(k+1)·t^(−k) − 1 + (1+t)^(α−1) *);
      @ also public exceptional_behavior
      @ requires !(0 < alpha && alpha < 1 && 1 <= i && i <= MAX_GENERATIONS && t > 0);
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The criterion κ(t) of the class comment at a ratio t = s/r &gt; 0: F_i′(r·t) has the sign of κ(t) for every
     * r, b &gt; 0, and κ is strictly decreasing.
     */
    public static Interval criterion(Rational alpha, int i, Rational t, Precision p) {
        checkDomain(alpha, Rational.ONE, Rational.ONE, i);
        if (t.signum() <= 0) {
            throw ParameterException.outside("t", "> 0", t);
        }
        Precision w = p.plus(GUARD_BITS);
        return new Criterion(alpha, i).value(Interval.of(t, w), w).round(p);
    }

    /** Whether κ(l) &gt; 0 and κ(h) &lt; 0 are both certain: then t* ∈ (l, h), as κ is continuous. */
    private static boolean brackets(Criterion kappa, Dyadic l, Dyadic h, Precision w) {
        return kappa.value(Interval.point(l), w).lo().signum() > 0
                && kappa.value(Interval.point(h), w).hi().signum() < 0;
    }

    /** Σ_{j=0}^{i−1} x^j by Horner's rule; for x ≥ 0 every step is monotone, so the range is not overestimated. */
    private static Interval geometricSum(Interval x, int i, Precision w) {
        Interval acc = Interval.of(0);
        for (int j = 0; j < i; j++) {
            acc = acc.multiply(x, w).add(Interval.of(1), w);
        }
        return acc;
    }

    /**
     * Working bits that separate the signs of κ at distance ~ε/16 from t*: |κ′(t)| ≥ (1−α)·(1+t)^(−2), so
     * log2(1/ε) + 2·log2(1+t) + log2(1/(1−α)) bits resolve κ there, plus log2(i) for the polynomial's terms and
     * 48 guard bits. Only a starting point: undecided signs raise it further.
     */
    private static int neededBits(Dyadic hi, Rational epsT, Rational alpha, int i) {
        long bits = -log2Floor(epsT) + 2 * (hi.magnitude() + 2) + log2Ceil(Rational.ONE.divide(Rational.ONE
                .subtract(alpha))) + (32 - Integer.numberOfLeadingZeros(i)) + 48;
        return (int) Math.max(MIN_WORKING_BITS, Math.min(Integer.MAX_VALUE / 2, bits));
    }

    /** ⌊log2 q⌋ ± 1 for q &gt; 0 (from bit lengths: exact enough to choose a precision). */
    private static long log2Floor(Rational q) {
        return (long) q.numerator().bitLength() - q.denominator().bitLength() - 1;
    }

    private static long log2Ceil(Rational q) {
        return (long) q.numerator().bitLength() - q.denominator().bitLength() + 1;
    }

    private static int raise(int bits, String what) {
        if (bits >= MAX_WORKING_BITS) {
            throw new ArithmeticException("cannot certify " + what + " at " + MAX_WORKING_BITS + " bits");
        }
        return Math.min(MAX_WORKING_BITS, bits * 2);
    }

    private static void checkDomain(Rational alpha, Rational b, Rational r, int i) {
        if (alpha.signum() <= 0 || alpha.compareTo(Rational.ONE) >= 0) {
            throw ParameterException.outside("α", "in (0, 1)", alpha);
        }
        if (b.signum() <= 0) {
            throw ParameterException.outside("b", "> 0", b);
        }
        if (r.signum() <= 0) {
            throw ParameterException.outside("r", "> 0", r);
        }
        if (i < 1 || i > MAX_GENERATIONS) {
            throw ParameterException.outside("i", "in [1, " + MAX_GENERATIONS + "]", i);
        }
    }

    /**
     * κ and κ′ for fixed (α, i): the coefficients c_k = C(i−1, k)/(k+1) are exact, and their enclosures, those of
     * k·c_k and that of 1 − α are cached for the last precision used (a rational-to-interval conversion costs two
     * long divisions, and the isolation evaluates κ tens of times at one precision).
     */
    private static final class Criterion {
        private final Rational alpha;
        private final Rational[] coefficients;
        private Interval[] cached = new Interval[0];
        private Interval[] cachedSlope = new Interval[0];
        private Interval cachedOneMinusAlpha = Interval.of(0);
        private int cachedBits = -1;

        Criterion(Rational alpha, int i) {
            if (i < 1) {
                throw new IllegalArgumentException("generations i must be ≥ 1, got " + i);
            }
            this.alpha = alpha;
            this.coefficients = new Rational[i];
            BigInteger binomial = BigInteger.ONE;
            for (int k = 0; k < coefficients.length; k++) {
                coefficients[k] = Rational.of(binomial, BigInteger.valueOf(k + 1L));
                binomial = binomial.multiply(BigInteger.valueOf(i - 1L - k)).divide(BigInteger.valueOf(k + 1L));
            }
        }

        private void cache(Precision w) {
            if (cachedBits != w.bits()) {
                Interval[] c = new Interval[coefficients.length];
                Interval[] d = new Interval[coefficients.length];
                for (int k = 0; k < c.length && k < d.length && k < coefficients.length; k++) {
                    c[k] = Interval.of(coefficients[k], w);
                    d[k] = c[k].multiply(Interval.of(k), w);
                }
                cached = c;
                cachedSlope = d;
                cachedOneMinusAlpha = Interval.of(Rational.ONE.subtract(alpha), w);
                cachedBits = w.bits();
            }
        }

        /** κ over t (t.lo() &gt; 0). Both parts are monotone in t, so the range is not overestimated. */
        Interval value(Interval t, Precision w) {
            return valueAndSlope(t, w).value();
        }

        /** κ(t) and κ′(t); the slope costs one more Horner pass, the real power is shared. */
        ValueAndSlope valueAndSlope(Interval t, Precision w) {
            cache(w);
            Interval[] c = cached;
            Interval[] d = cachedSlope;
            Interval u = Interval.of(1).divide(t, w);
            Interval poly = Interval.of(0);
            Interval polySlope = Interval.of(0);
            for (int k = c.length - 1; k >= 0; k--) {
                poly = poly.multiply(u, w).add(c[k], w);
                if (k >= 1 && k < d.length) {
                    polySlope = polySlope.multiply(u, w).add(d[k], w);
                }
            }
            Interval oneMinusAlpha = cachedOneMinusAlpha;
            Interval y = Interval.of(1).add(t, w);
            Interval yPow = P1PhaseTransition.power(y, alpha.subtract(Rational.ONE), w);
            Interval value = oneMinusAlpha.multiply(poly, w).subtract(Interval.of(1), w).add(yPow, w);
            Interval polyPart = oneMinusAlpha.multiply(u.pow(2, w), w).multiply(polySlope, w);
            Interval powPart = oneMinusAlpha.multiply(yPow.divide(y, w), w);
            return new ValueAndSlope(value, polyPart.add(powPart, w).negate());
        }
    }

    /** Enclosures of κ and κ′ at the same argument. */
    private record ValueAndSlope(Interval value, Interval slope) {
    }
}
