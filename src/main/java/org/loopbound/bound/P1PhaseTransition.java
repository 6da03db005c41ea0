package org.loopbound.bound;

import java.math.BigInteger;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Dyadic;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.arith.Trilean;
import org.loopbound.param.ParameterException;

/**
 * P1, the one-step phase transition in the synthetic amount (theory.md §3, formalizing claim C3). With the learning
 * error ε(N) = b·N^(−α) (0 &lt; α &lt; 1, b &gt; 0), r real and s ≥ 0 synthetic samples (N = r + s) and an inherited
 * error e &gt; 0 of the generation that produced the synthetic data, the one-step bound is
 * f(s) = e·s/(r+s) + b·(r+s)^(−α). Its derivative f′(s) = e·r/N² − α·b·N^(−α−1) = N^(−2)·(e·r − α·b·N^(1−α)) has the
 * sign of e·r − α·b·N^(1−α), which is decreasing in N; so f has the unique critical point
 * N* = (e·r/(α·b))^(1/(1−α)), s* = N* − r, rises on [0, s*], falls on [s*, ∞) and tends to e. A transition (s* &gt; 0)
 * exists iff N* &gt; r iff e·r^α &gt; α·b.
 *
 * <p>When the inherited error is that of a generation trained on the r real samples only, e = b·r^(−α), the ratio
 * s* / r = α^(−1/(1−α)) − 1 depends on α alone ({@code …FromReal} methods).
 *
 * <p>Values are exact rationals whenever the real power involved is rational (q^(a/c) in lowest terms is rational iff
 * q is a perfect c-th power: from q^a = z^c and gcd(a, c) = 1 every prime exponent of q is a multiple of c), and
 * certified enclosures otherwise. The exact-power helpers are shared by P2, D1 and D2.
 */
public final class P1PhaseTransition {

    /** Exact powers larger than this many bits are not formed; the value is then enclosed instead. */
    static final int EXACT_POWER_MAX_BITS = 1 << 14;
    /** Guard bits of every enclosure before it is rounded to the caller's precision. */
    static final int GUARD_BITS = 32;
    /** Exponents a/c with |a|, c up to this are raised by exact powers and integer roots, not by e^(x·ln y). */
    static final int ROOT_LIMIT = 64;
    /** The root path is used only while the exact power and the scaled radicand stay below this many bits. */
    static final long ROOT_MAX_BITS = 1L << 20;
    /** The largest precision {@link #transitionExists} refines to before it gives up. */
    static final int DECISION_MAX_BITS = 1 << 16;

    private P1PhaseTransition() {
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1 && b > 0 && e > 0 && r > 0;
      @ ensures (* \result contains (e·r/(α·b))^(1/(1−α)); \result.isExact() when that value is rational
      @            and has at most EXACT_POWER_MAX_BITS bits *);
      @ also public exceptional_behavior
      @ requires !(0 < alpha && alpha < 1 && b > 0 && e > 0 && r > 0);
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The critical training-set size N* = (e·r/(α·b))^(1/(1−α)): the unique zero of f′ in N &gt; 0. Exact when
     * rational (e.g. always for α = 1/2 with rational e), otherwise an enclosure with endpoints of
     * {@code p.bits()} bits.
     */
    public static Certified criticalSize(Rational alpha, Rational b, Rational e, Rational r, Precision p) {
        checkDomain(alpha, b, e, r);
        Rational base = e.multiply(r).divide(alpha.multiply(b));
        return power(base, Rational.ONE.divide(Rational.ONE.subtract(alpha)), p);
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1 && b > 0 && e > 0 && r > 0;
      @ ensures (* \result contains (e·r/(α·b))^(1/(1−α)) − r *);
      @ also public exceptional_behavior
      @ requires !(0 < alpha && alpha < 1 && b > 0 && e > 0 && r > 0);
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The threshold s* = N* − r. When s* &gt; 0, f rises on [0, s*] and falls on [s*, ∞); when s* ≤ 0 (no transition,
     * see {@link #transitionExists}) f falls on all of [0, ∞) and its maximum over s ≥ 0 is at s = 0.
     */
    public static Certified sStar(Rational alpha, Rational b, Rational e, Rational r, Precision p) {
        Precision w = p.plus(GUARD_BITS);
        return rounded(criticalSize(alpha, b, e, r, w).subtract(Certified.exact(r), w), p);
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1 && b > 0 && e > 0 && r > 0;
      @ ensures (* \result contains (e·r/(α·b))^(1/(1−α))/r − 1 *);
      @ also public exceptional_behavior
      @ requires !(0 < alpha && alpha < 1 && b > 0 && e > 0 && r > 0);
      @ signals_only IllegalArgumentException;
      @*/
    /** The threshold as a multiple of the real amount: s* / r = N* / r − 1. */
    public static Certified ratio(Rational alpha, Rational b, Rational e, Rational r, Precision p) {
        Precision w = p.plus(GUARD_BITS);
        return rounded(criticalSize(alpha, b, e, r, w).divide(Certified.exact(r), w)
                .subtract(Certified.exact(Rational.ONE), w), p);
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1 && b > 0 && e > 0 && r > 0;
      @ ensures \result <==> (* e·r^α > α·b *);
      @ also public exceptional_behavior
      @ requires !(0 < alpha && alpha < 1 && b > 0 && e > 0 && r > 0);
      @ signals_only IllegalArgumentException;
      @ also public exceptional_behavior
      @ requires (* r^α and α·b/e agree to DECISION_MAX_BITS bits without being equal *);
      @ signals_only ArithmeticException;
      @*/
    /**
     * Whether a real transition exists, s* &gt; 0, i.e. e·r^α &gt; α·b, decided exactly. With α = u/v in lowest terms
     * and c = α·b/e the question is r^α &gt; c. If r is a perfect v-th power, r = t^v, then r^α = t^u is rational and
     * the comparison is exact. Otherwise r^α is irrational (see the class comment), so r^α ≠ c and enclosures of r^α
     * refined by doubling the precision separate it from c after finitely many steps; the answer is returned only
     * once an enclosure lies strictly on one side of c. Refinement stops with an {@link ArithmeticException} beyond
     * {@link #DECISION_MAX_BITS} bits (r^α and c agreeing to ~20,000 digits).
     */
    public static boolean transitionExists(Rational alpha, Rational b, Rational e, Rational r) {
        checkDomain(alpha, b, e, r);
        Rational c = alpha.multiply(b).divide(e);
        Rational rootPower = exactPower(r, alpha, Integer.MAX_VALUE);
        if (rootPower != null) {
            return rootPower.compareTo(c) > 0;
        }
        for (int bits = 64; bits <= DECISION_MAX_BITS; bits *= 2) {
            Precision w = Precision.bits(bits);
            Interval ra = enclosePower(r, alpha, w);
            Interval ci = Interval.of(c, w);
            if (ci.lessThan(ra) == Trilean.TRUE) {
                return true;
            }
            if (ra.lessThan(ci) == Trilean.TRUE) {
                return false;
            }
        }
        throw new ArithmeticException("cannot decide e*r^alpha > alpha*b: the two sides agree to "
                + DECISION_MAX_BITS + " bits");
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1 && b > 0 && r > 0 && s >= 0 && (* e > 0 certainly *);
      @ ensures (* \result contains e·s/(r+s) + b·(r+s)^(−α); exact when e is exact and (r+s)^(−α) rational *);
      @ also public exceptional_behavior
      @ requires !(0 < alpha && alpha < 1 && b > 0 && r > 0 && s >= 0);
      @ signals_only IllegalArgumentException;
      @*/
    /** The one-step bound f(s) = e·s/(r+s) + b·(r+s)^(−α) at a synthetic amount s ≥ 0; e may be an enclosure. */
    public static Certified value(Rational alpha, Rational b, Certified e, Rational r, Rational s, Precision p) {
        checkDomain(alpha, b, Rational.ONE, r);
        checkInherited(e);
        if (s.signum() < 0) {
            throw ParameterException.outside("s", "≥ 0", s);
        }
        Precision w = p.plus(GUARD_BITS);
        Rational n = r.add(s);
        Certified inherited = e.multiply(Certified.exact(s.divide(n)), w);
        Certified fresh = Certified.exact(b).multiply(power(n, alpha.negate(), w), w);
        return rounded(inherited.add(fresh, w), p);
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1 && b > 0 && r > 0 && s.lo() >= 0 && (* e > 0 certainly *);
      @ ensures (* \forall x ∈ s: e·x/(r+x) + b·(r+x)^(−α) ∈ \result *);
      @ also public exceptional_behavior
      @ requires !(0 < alpha && alpha < 1 && b > 0 && r > 0 && s.lo() >= 0);
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * An enclosure of the range of f over an interval s ⊆ [0, ∞), e.g. f at a threshold known only as an enclosure.
     * s/(r+s) is evaluated as 1 − r/(r+s), which is monotone in s and so avoids the dependency overestimate.
     */
    public static Interval value(Rational alpha, Rational b, Certified e, Rational r, Interval s, Precision p) {
        checkDomain(alpha, b, Rational.ONE, r);
        checkInherited(e);
        if (s.lo().signum() < 0) {
            throw ParameterException.outside("s", "≥ 0", s);
        }
        Precision w = p.plus(GUARD_BITS);
        Interval ri = Interval.of(r, w);
        Interval n = ri.add(s, w);
        Interval share = Interval.of(1).subtract(ri.divide(n, w), w);
        Interval fresh = Interval.of(b, w).multiply(power(n, alpha.negate(), w), w);
        return e.enclosure(w).multiply(share, w).add(fresh, w).round(p);
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1 && b > 0 && r > 0;
      @ ensures (* \result contains b·r^(−α) *);
      @*/
    /**
     * The default inherited error e = b·r^(−α): the error of a generation trained on the r real samples only, which
     * the CLI uses when no {@code --inherited} is given.
     */
    public static Certified inheritedFromReal(Rational alpha, Rational b, Rational r, Precision p) {
        checkDomain(alpha, b, Rational.ONE, r);
        Precision w = p.plus(GUARD_BITS);
        return rounded(Certified.exact(b).multiply(power(r, alpha.negate(), w), w), p);
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1 && r > 0;
      @ ensures (* \result contains r·α^(−1/(1−α)) *);
      @*/
    /**
     * N* for e = b·r^(−α): e·r/(α·b) = r^(1−α)/α, so N* = r·α^(−1/(1−α)), independent of b. Exact when rational
     * (α = 1/2: N* = 4r).
     */
    public static Certified criticalSizeFromReal(Rational alpha, Rational r, Precision p) {
        checkDomain(alpha, Rational.ONE, Rational.ONE, r);
        Precision w = p.plus(GUARD_BITS);
        return rounded(Certified.exact(r).multiply(alphaFactor(alpha, w), w), p);
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1 && r > 0;
      @ ensures (* \result contains r·(α^(−1/(1−α)) − 1) *);
      @*/
    /** s* = r·(α^(−1/(1−α)) − 1) for e = b·r^(−α); always &gt; 0, since e·r^α = b &gt; α·b. */
    public static Certified sStarFromReal(Rational alpha, Rational r, Precision p) {
        Precision w = p.plus(GUARD_BITS);
        return rounded(criticalSizeFromReal(alpha, r, w).subtract(Certified.exact(r), w), p);
    }

    /*@ public normal_behavior
      @ requires 0 < alpha && alpha < 1;
      @ ensures (* \result contains α^(−1/(1−α)) − 1 *);
      @*/
    /**
     * s* / r = α^(−1/(1−α)) − 1 for e = b·r^(−α), a function of α alone: 3 (α = 1/2, exact), 5.349604… (α = 1/4),
     * 6.476744… (α = 1/5).
     */
    public static Certified ratioFromReal(Rational alpha, Precision p) {
        checkDomain(alpha, Rational.ONE, Rational.ONE, Rational.ONE);
        Precision w = p.plus(GUARD_BITS);
        return rounded(alphaFactor(alpha, w).subtract(Certified.exact(Rational.ONE), w), p);
    }

    /** α^(−1/(1−α)). */
    private static Certified alphaFactor(Rational alpha, Precision w) {
        return power(alpha, Rational.ONE.divide(Rational.ONE.subtract(alpha)).negate(), w);
    }

    /** An exact value unchanged; an enclosure with its endpoints rounded outward to p bits. */
    static Certified rounded(Certified v, Precision p) {
        return v.isExact() ? v : Certified.enclosed(v.enclosure(p));
    }

    /**
     * q^x for q &gt; 0: exact when {@link #exactPower} finds a rational value of at most
     * {@link #EXACT_POWER_MAX_BITS} bits, otherwise the enclosure of {@link #enclosePower}.
     */
    static Certified power(Rational q, Rational x, Precision p) {
        Rational exact = exactPower(q, x, EXACT_POWER_MAX_BITS);
        return exact != null ? Certified.exact(exact) : Certified.enclosed(enclosePower(q, x, p));
    }

    /** An enclosure of q^x (q &gt; 0) with endpoints of p bits, by {@link #power(Interval, Rational, Precision)}. */
    static Interval enclosePower(Rational q, Rational x, Precision p) {
        Precision w = p.plus(GUARD_BITS);
        return power(Interval.of(q, w), x, w).round(p);
    }

    /**
     * An enclosure of {y^x : y ∈ y} for y.lo() &gt; 0 and a rational exponent x = a/c (lowest terms). y ↦ y^x is
     * monotone, so the hull of enclosures at the two endpoints is enough. For |a|, c ≤ {@link #ROOT_LIMIT} each
     * endpoint d is handled exactly up to one integer root: d^|a| is formed exactly, scaled to M·2^(c·E) with M of
     * at least c·(p+2) bits, and R = ⌊M^(1/c)⌋ gives R·2^E ≤ d^(|a|/c) ≤ (R+1)·2^E (a single point when R^c = M);
     * a &lt; 0 takes the outward-rounded reciprocal. Much cheaper than e^(x·ln y), which is the fallback for other
     * exponents.
     */
    static Interval power(Interval y, Rational x, Precision p) {
        if (y.lo().signum() <= 0) {
            throw new IllegalArgumentException("real powers need a positive base, got " + y);
        }
        BigInteger a = x.numerator();
        BigInteger c = x.denominator();
        if (a.abs().compareTo(BigInteger.valueOf(ROOT_LIMIT)) > 0 || c.compareTo(BigInteger.valueOf(ROOT_LIMIT)) > 0
                || (long) Math.max(y.lo().bitLength(), y.hi().bitLength()) * a.abs().longValue() > ROOT_MAX_BITS
                || c.longValue() * (p.bits() + 2) > ROOT_MAX_BITS) {
            return y.pow(Interval.of(x, p), p);
        }
        int ai = a.intValueExact();
        int ci = c.intValueExact();
        Interval lo = endpointPower(y.lo(), ai, ci, p);
        return y.isPoint() ? lo : lo.hull(endpointPower(y.hi(), ai, ci, p));
    }

    /** d^(a/c) for d &gt; 0 by an exact power and one integer root; see power(Interval, Rational, Precision). */
    private static Interval endpointPower(Dyadic d, int a, int c, Precision p) {
        Dyadic powered = Dyadic.ONE;
        for (int k = 0; k < Math.abs(a); k++) {
            powered = powered.multiply(d);
        }
        BigInteger m = powered.mantissa();
        long e = powered.exponent();
        long shift = Math.max(0, (long) c * (p.bits() + 2) - m.bitLength());
        shift += Math.floorMod(e - shift, c);
        BigInteger scaled = m.shiftLeft(Math.toIntExact(shift));
        int exponent = Math.toIntExact(Math.floorDiv(e - shift, c));
        BigInteger root = integerRoot(scaled, c);
        Dyadic low = Dyadic.of(root, exponent);
        Dyadic high = root.pow(c).equals(scaled) ? low : Dyadic.of(root.add(BigInteger.ONE), exponent);
        Interval result = Interval.of(low, high);
        return a < 0 ? Interval.of(1).divide(result, p) : result.round(p);
    }

    /**
     * q^x exactly when it is rational and its numerator and denominator together have at most {@code maxBits} bits,
     * else {@code null}. With x = a/c in lowest terms, q^x is rational iff the numerator and the denominator of q
     * are perfect c-th powers; then q^x = (q^(1/c))^a. A {@code null} for {@code maxBits = Integer.MAX_VALUE} and
     * |a| ≤ c therefore means that q^x is irrational.
     */
    static @Nullable Rational exactPower(Rational q, Rational x, int maxBits) {
        if (q.signum() <= 0) {
            throw new IllegalArgumentException("real powers need a positive base, got " + q);
        }
        if (q.equals(Rational.ONE) || x.signum() == 0) {
            return Rational.ONE;
        }
        BigInteger a = x.numerator();
        BigInteger c = x.denominator();
        int bits = Math.max(q.numerator().bitLength(), q.denominator().bitLength());
        if (c.compareTo(BigInteger.valueOf(bits)) > 0) {
            // A c-th root of an integer of fewer than c bits is 1, and q ≠ 1 has a numerator or denominator ≥ 2.
            return null;
        }
        int ci = c.intValueExact();
        BigInteger num = integerRoot(q.numerator(), ci);
        BigInteger den = integerRoot(q.denominator(), ci);
        if (!num.pow(ci).equals(q.numerator()) || !den.pow(ci).equals(q.denominator())) {
            return null;
        }
        long size = (long) num.bitLength() + den.bitLength();
        if (a.abs().compareTo(BigInteger.valueOf(Math.max(1, maxBits / Math.max(1, size)))) > 0) {
            return null;
        }
        return Rational.of(num, den).pow(a.intValueExact());
    }

    /**
     * ⌊n^(1/k)⌋ for n ≥ 0, k ≥ 1. Newton's iteration x ← ((k−1)·x + ⌊n/x^(k−1)⌋)/k decreases monotonically to the
     * floor from any start x ≥ ⌊n^(1/k)⌋; the start is a floating-point estimate of n^(1/k) with about 50 correct
     * bits (so only a few quadratic steps remain), doubled until x^k ≥ n guarantees that it lies above the root.
     */
    static BigInteger integerRoot(BigInteger n, int k) {
        if (n.signum() < 0 || k < 1) {
            throw new IllegalArgumentException("integer root of a negative number or of order < 1");
        }
        if (k == 1 || n.compareTo(BigInteger.ONE) <= 0) {
            return n;
        }
        if (k == 2) {
            return n.sqrt();
        }
        if (k >= n.bitLength()) {
            return BigInteger.ONE;
        }
        int shift = Math.max(0, n.bitLength() - 63);
        double rootLog2 = (Math.log(n.shiftRight(shift).doubleValue()) / Math.log(2) + shift) / k;
        int whole = (int) Math.floor(rootLog2);
        BigInteger mantissa = BigInteger.valueOf((long) Math.ceil(Math.pow(2, rootLog2 - whole) * 0x1p52));
        BigInteger x = whole >= 52 ? mantissa.shiftLeft(whole - 52)
                : mantissa.shiftRight(52 - whole).add(BigInteger.ONE);
        while (x.pow(k).compareTo(n) < 0) {
            x = x.shiftLeft(1);
        }
        BigInteger kb = BigInteger.valueOf(k);
        while (true) {
            BigInteger y = kb.subtract(BigInteger.ONE).multiply(x).add(n.divide(x.pow(k - 1))).divide(kb);
            if (y.compareTo(x) >= 0) {
                return x;
            }
            x = y;
        }
    }

    private static void checkDomain(Rational alpha, Rational b, Rational e, Rational r) {
        if (alpha.signum() <= 0 || alpha.compareTo(Rational.ONE) >= 0) {
            throw ParameterException.outside("α", "in (0, 1)", alpha);
        }
        if (b.signum() <= 0) {
            throw ParameterException.outside("b", "> 0", b);
        }
        if (e.signum() <= 0) {
            throw ParameterException.outside("e", "> 0", e);
        }
        if (r.signum() <= 0) {
            throw ParameterException.outside("r", "> 0", r);
        }
    }

    private static void checkInherited(Certified e) {
        if (e.isExact() ? e.exact().signum() <= 0 : e.enclosure().lo().signum() <= 0) {
            throw ParameterException.outside("e", "certainly > 0", e);
        }
    }
}
