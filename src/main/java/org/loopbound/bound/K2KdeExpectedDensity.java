package org.loopbound.bound;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Dyadic;
import org.loopbound.arith.Gaussian;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.arith.Rounding;
import org.loopbound.param.ParameterException;

/**
 * K2 [derived] (theory.md §5): the mean of the Gaussian-kernel KDE loop with constant bandwidth h and real
 * proportion λ, generation 0 fitted on real data only, is the exact mixture
 * E[p̂_i] = Σ_{j&lt;i} λ(1−λ)^j·(p₀ * N(0,(j+1)h²)) + (1−λ)^i·(p₀ * N(0,(i+1)h²)); fully synthetic (λ = 0) this is
 * p₀ * N(0,(i+1)h²), the effective bandwidth h√(i+1). By Jensen (TV is convex), TV(E p̂_i, p₀) ≤ E TV(p̂_i, p₀):
 * the value certified here is a <em>lower</em> bound on the expected error, not an upper bound.
 *
 * <p>The mixture form and the weight identities (sum 1; w_{i+1,0} = λ, w_{i+1,j+1} = (1−λ)·w_{i,j}) are proved in
 * Coq (Loopbound.KDE.K2_mean_mixture, K2_weights_sum, K2_weights_recursion, K2_w_sum); the Gaussian semigroup
 * N(0,a)*N(0,b) = N(0,a+b) and linearity of the kernel are hypotheses there. The TV value for p₀ = N(μ, σ²) is
 * certified numerically per instance by {@link #tvScaleMixture}.
 */
public final class K2KdeExpectedDensity {

    /** Bits of the starting bracket and of the starting point of Newton's method (plus the guard g for the former). */
    private static final int FIRST_PHASE_BITS = 64;
    /** Newton steps allowed in the floating-point phase (a quarter of those at full precision). */
    private static final int STEPS_PER_PHASE = 60;
    /** Doublings of the certification bracket before giving up. */
    private static final int BRACKET_DOUBLINGS = 80;
    /** 4/5 ≥ 2φ(0) = √(2/π) ≈ 0.7979: a Lipschitz constant of c ↦ P(|Z| ≤ c) and of the TV profile T(c). */
    private static final Rational LIPSCHITZ = Rational.of(4, 5);

    private K2KdeExpectedDensity() {
    }

    /*@ public normal_behavior
      @ requires 0 <= lambda && lambda <= 1 && generation >= 0;
      @ ensures \result.size() == generation + 1;
      @ ensures (\forall int j; 0 <= j && j < generation; \result.get(j) == lambda * (1 − lambda)^j);
      @ ensures \result.get(generation) == (1 − lambda)^generation;
      @ ensures (* Σ_j \result.get(j) == 1 exactly (Coq: K2_weights_sum, K2_w_sum) *);
      @ also public exceptional_behavior
      @ requires lambda < 0 || lambda > 1 || generation < 0;
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The exact weights w_{i,0..i} of E[p̂_i]: w_{i,j} = λ(1−λ)^j for j &lt; i and w_{i,i} = (1−λ)^i, where index j
     * is the component p₀ * N(0,(j+1)h²) (variance σ² + (j+1)h² for p₀ = N(μ, σ²)). They sum to 1 exactly and
     * satisfy w_{0,0} = 1, w_{i+1,0} = λ, w_{i+1,j+1} = (1−λ)·w_{i,j}.
     */
    public static List<Rational> weights(Rational lambda, int generation) {
        requireLambda(lambda);
        requireGeneration(generation);
        Rational keep = Rational.ONE.subtract(lambda);
        List<Rational> w = new ArrayList<>();
        Rational power = Rational.ONE;
        for (int j = 0; j < generation; j++) {
            w.add(lambda.multiply(power));
            power = power.multiply(keep);
        }
        w.add(power);
        return List.copyOf(w);
    }

    /*@ public normal_behavior
      @ requires variance > 0 && bandwidth > 0 && generation >= 0;
      @ ensures \result.size() == generation + 1;
      @ ensures (\forall int j; 0 <= j && j <= generation; \result.get(j) == variance + (j + 1) * bandwidth^2);
      @ also public exceptional_behavior
      @ requires variance <= 0 || bandwidth <= 0 || generation < 0;
      @ signals_only IllegalArgumentException;
      @*/
    /** The exact variances σ² + (j+1)h², j = 0..i, of the components of E[p̂_i] for p₀ = N(μ, σ²). */
    public static List<Rational> componentVariances(Rational variance, Rational bandwidth, int generation) {
        requirePositive("σ²", variance);
        requirePositive("h", bandwidth);
        requireGeneration(generation);
        Rational h2 = bandwidth.multiply(bandwidth);
        List<Rational> v = new ArrayList<>();
        for (int j = 0; j <= generation; j++) {
            v.add(variance.add(h2.multiply(Rational.of(j + 1L))));
        }
        return List.copyOf(v);
    }

    /*@ public normal_behavior
      @ requires 0 <= lambda && lambda <= 1 && generation >= 0;
      @ ensures (* \result == Σ_j w_{i,j}·(j+1); == generation + 1 for lambda == 0;
      @            == (1 − (1−lambda)^(generation+1))/lambda for lambda > 0 *);
      @ also public exceptional_behavior
      @ requires lambda < 0 || lambda > 1 || generation < 0;
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * Σ_j w_{i,j}·(j+1), exactly: the added variance of E[p̂_i] over p₀ in units of h² (the variance of the mixture
     * is σ² + h²·this, since every component has mean μ).
     */
    public static Rational bandwidthVarianceFactor(Rational lambda, int generation) {
        List<Rational> w = weights(lambda, generation);
        Rational sum = Rational.ZERO;
        for (int j = 0; j < w.size(); j++) {
            sum = sum.add(w.get(j).multiply(Rational.of(j + 1L)));
        }
        return sum;
    }

    /*@ public normal_behavior
      @ requires bandwidth > 0 && 0 <= lambda && lambda <= 1 && generation >= 0;
      @ ensures (* \result contains h·√(Σ_j w_{i,j}(j+1)); == h√(generation+1) for lambda == 0;
      @            exact iff that number is rational *);
      @ also public exceptional_behavior
      @ requires bandwidth <= 0 || lambda < 0 || lambda > 1 || generation < 0;
      @ signals_only IllegalArgumentException;
      @*/
    /**
     * The effective bandwidth h·√(Σ_j w_{i,j}(j+1)): the bandwidth of the single Gaussian kernel that adds the same
     * variance to p₀ as E[p̂_i] does. For λ = 0 it is h√(i+1) and E[p̂_i] is exactly p₀ * N(0, (h√(i+1))²); for
     * λ &gt; 0 E[p̂_i] is a scale mixture, and this is only its variance-matching summary. Exact when the value is
     * rational (e.g. h = 1/5, i = 3, λ = 0 gives 2/5), otherwise an enclosure at precision p.
     */
    public static Certified effectiveBandwidth(Rational bandwidth, Rational lambda, int generation, Precision p) {
        requirePositive("h", bandwidth);
        Rational square = bandwidth.multiply(bandwidth).multiply(bandwidthVarianceFactor(lambda, generation));
        BigInteger n = square.numerator();
        BigInteger d = square.denominator();
        BigInteger rn = n.sqrt();
        BigInteger rd = d.sqrt();
        if (rn.multiply(rn).equals(n) && rd.multiply(rd).equals(d)) {
            return Certified.exact(Rational.of(rn, rd));
        }
        Precision w = p.plus(8);
        return Certified.enclosed(Interval.of(square, w).sqrt(w).round(p));
    }

    /*@ public normal_behavior
      @ requires variance > 0 && bandwidth > 0 && 0 <= lambda && lambda <= 1 && generation >= 0;
      @ ensures (* \result contains TV(E p̂_i, p₀) for p₀ = N(μ, variance), for every μ *);
      @ ensures (* TV(E p̂_i, p₀) ≤ E TV(p̂_i, p₀) (Jensen): \result.lo() is a certified lower bound on E TV *);
      @ also public exceptional_behavior
      @ requires variance <= 0 || bandwidth <= 0 || lambda < 0 || lambda > 1 || generation < 0;
      @ signals_only IllegalArgumentException;
      @ also public exceptional_behavior
      @ requires (* the crossing point could not be certified *);
      @ signals_only ArithmeticException;
      @*/
    /**
     * The certified enclosure of TV(E p̂_i, p₀) for p₀ = N(μ, σ²), h &gt; 0, constant λ ∈ [0, 1] and generation
     * i ≥ 0: the TV between the mixture Σ_j w_{i,j}·N(μ, σ² + (j+1)h²) and N(μ, σ²). The value does not depend on μ
     * (translation invariance) and depends on h and σ² only through h²/σ² (scale invariance); it is
     * {@link #tvScaleMixture} with variance ratios 1 + (j+1)h²/σ². Relative width about 2^−p.
     * Reference (theory.md §5, p₀ = N(0,1), h = 0.2, λ = 0): 0.0094900 (i=0), 0.0186200 (i=1), 0.0440860 (i=4),
     * 0.0812250 (i=9).
     */
    public static Interval tvToReal(Rational variance, Rational bandwidth, Rational lambda, int generation,
                                    Precision p) {
        List<Rational> variances = componentVariances(variance, bandwidth, generation);
        List<Rational> ratios = new ArrayList<>();
        for (Rational v : variances) {
            ratios.add(v.divide(variance));
        }
        return tvScaleMixture(weights(lambda, generation), ratios, p);
    }

    /*@ public normal_behavior
      @ requires weights.size() == varianceRatios.size() && weights.size() >= 1;
      @ requires (* every weight ≥ 0, Σ weights == 1 exactly, every ratio > 1 *);
      @ ensures (* \result contains TV(Σ_j w_j N(0, v_j), N(0, 1)) *);
      @ also public exceptional_behavior
      @ requires (* sizes differ or are 0, a weight < 0, Σ weights ≠ 1, or a ratio ≤ 1 *);
      @ signals_only IllegalArgumentException;
      @ also public exceptional_behavior
      @ requires (* the crossing point could not be certified *);
      @ signals_only ArithmeticException;
      @*/
    /**
     * TV(Σ_j w_j N(0, v_j), N(0, 1)) for exact weights w_j ≥ 0 summing to 1 and variance ratios v_j &gt; 1: a
     * mixture of centred normals, each wider than the reference N(0, 1) (for p₀ = N(μ, σ²) measure x − μ in units of
     * σ and use v_j = σ_j²/σ²).
     *
     * <p>Method. With y = u²/2 the density difference is d(u) = φ(u)·G(y) where
     * G(y) = Σ_j w_j v_j^(−1/2) e^(a_j y) − 1, a_j = 1 − 1/v_j ∈ (0, 1). Each term is strictly increasing in y, so G
     * is strictly increasing, with G(0) = Σ_j w_j v_j^(−1/2) − 1 &lt; 0 and G(∞) = ∞: there is exactly one root y*,
     * d &lt; 0 for |u| &lt; c* = √(2y*) and d &gt; 0 beyond (this is the uniqueness argument; no numerics is involved in
     * it). As ∫d = 0, TV = ∫_{d&lt;0} (−d) = T(c*) with T(c) = P(|Z| ≤ c) − Σ_j w_j P(|Z| ≤ c/√v_j). Every
     * component root y_j = v_j·ln v_j/(2(v_j − 1)) (where the j-th term of G equals w_j) brackets y*: below the
     * smallest y_j every term is below its weight, so G &lt; 0, and above the largest every term exceeds it. Newton's method on G (convex and increasing, so globally convergent), started
     * from a floating-point Newton iterate (or the largest y_j), finds an approximation ŷ at the working precision; then
     * G(ŷ − δ) &lt; 0 &lt; G(ŷ + δ) is <em>certified</em> in interval arithmetic (δ doubled until it is), which by the
     * intermediate value theorem and monotonicity encloses y*, and c* ∈ √(2[ŷ − δ, ŷ + δ]) =: [c]. Finally, for the
     * point ĉ = mid [c]: T(ĉ) ≤ TV (T(c) = P₀(A_c) − Q(A_c) for the set A_c = {|u| ≤ c}, and TV is the supremum
     * over sets), and TV = T(c*) ≤ T(ĉ) + (4/5)·|c* − ĉ| because |T'(c)| = 2|d(c)| ≤ 2φ(0) &lt; 4/5. So
     * TV ∈ [T(ĉ).lo, T(ĉ).hi + (4/5)·width [c]], with the P(|Z| ≤ ·) values from {@link Gaussian#centralMass}.
     *
     * <p>Precision: G and T cancel to about a_min = min_j a_j, so with g = bitlength(⌈1/a_min⌉) the work is done at
     * p + 2g + 40 + bitlength(m) bits (m components), and the result is rounded outward to p bits.
     */
    public static Interval tvScaleMixture(List<Rational> weights, List<Rational> varianceRatios, Precision p) {
        List<Component> cs = components(weights, varianceRatios);
        Rational aMin = cs.get(0).a();
        for (Component c : cs) {
            aMin = aMin.min(c.a());
        }
        int g = bitsOfInverse(aMin);
        int mBits = 64 - Long.numberOfLeadingZeros(cs.size());
        Precision work = p.plus(2 * g + 40 + mBits);

        List<Prepared> prepared = prepare(cs, work);
        Interval bracket = rootBracket(cs, Precision.bits(FIRST_PHASE_BITS + g));
        Dyadic y = newton(prepared, bracket, floatingStart(cs, bracket), g, mBits, work);
        Interval yStar = certify(prepared, y, g, mBits, work);
        Interval c = yStar.multiply(Interval.of(2), work).sqrt(work);

        Dyadic cHat = c.midpoint().round(work, Rounding.DOWN);
        Interval t = profile(prepared, cHat, work);
        Interval slack = Interval.of(LIPSCHITZ, work).multiply(Interval.point(c.width()), work);
        return Interval.of(t.lo(), t.hi().add(slack.hi())).round(p);
    }

    /** One mixture component: weight w &gt; 0, variance ratio v &gt; 1, a = 1 − 1/v. */
    private record Component(Rational weight, Rational ratio, Rational a) {
    }

    private static List<Component> components(List<Rational> weights, List<Rational> ratios) {
        if (weights.isEmpty() || weights.size() != ratios.size()) {
            throw new IllegalArgumentException("need one variance ratio per weight, and at least one component");
        }
        Rational total = Rational.ZERO;
        List<Component> cs = new ArrayList<>();
        for (int j = 0; j < weights.size(); j++) {
            Rational w = weights.get(j);
            Rational v = ratios.get(j);
            if (w.signum() < 0) {
                throw new IllegalArgumentException("mixture weight " + j + " must be ≥ 0, got " + w);
            }
            if (v.compareTo(Rational.ONE) <= 0) {
                throw new IllegalArgumentException("variance ratio " + j + " must be > 1, got " + v);
            }
            total = total.add(w);
            if (w.signum() > 0) {
                cs.add(new Component(w, v, Rational.ONE.subtract(Rational.ONE.divide(v))));
            }
        }
        if (!total.equals(Rational.ONE)) {
            throw new IllegalArgumentException("mixture weights must sum to 1, got " + total);
        }
        return cs;
    }

    /** bitlength(⌈1/a⌉) for 0 &lt; a &lt; 1: the bits lost to cancellation when G or T is of size about a. */
    private static int bitsOfInverse(Rational a) {
        // ⌈d/n⌉ = ⌊(d + n − 1)/n⌋ for a = n/d with n, d ≥ 1.
        BigInteger n = a.numerator();
        return a.denominator().add(n).subtract(BigInteger.ONE).divide(n).bitLength();
    }

    /**
     * [min_j y_j, max_j y_j] ∋ y* at low precision (only a range for Newton's method). y(v) = v·ln v/(2(v − 1)) is
     * increasing (its derivative is (v − 1 − ln v)/(2(v − 1)²) &gt; 0), so the extremes are at the smallest and the
     * largest ratio.
     */
    private static Interval rootBracket(List<Component> cs, Precision q) {
        Component narrow = cs.get(0);
        Component wide = cs.get(0);
        for (Component c : cs) {
            narrow = c.ratio().compareTo(narrow.ratio()) < 0 ? c : narrow;
            wide = c.ratio().compareTo(wide.ratio()) > 0 ? c : wide;
        }
        return componentRoot(narrow, q).hull(componentRoot(wide, q));
    }

    private static Interval componentRoot(Component c, Precision q) {
        return Interval.of(c.ratio(), q).ln(q).divide(Interval.of(c.a().multiply(Rational.of(2)), q), q);
    }

    /** A component at a working precision: a, w·v^(−1/2) and √v enclosed once, reused by every evaluation. */
    private record Prepared(Component component, Interval a, Interval coefficient, Interval sqrtRatio) {
    }

    private static List<Prepared> prepare(List<Component> cs, Precision q) {
        List<Prepared> out = new ArrayList<>();
        for (Component c : cs) {
            Interval sqrtRatio = Interval.of(c.ratio(), q).sqrt(q);
            out.add(new Prepared(c, Interval.of(c.a(), q), Interval.of(c.weight(), q).divide(sqrtRatio, q),
                    sqrtRatio));
        }
        return out;
    }

    /** G(y) and G'(y) at a point y. */
    private record Value(Interval g, Interval slope) {
    }

    private static Value evaluate(List<Prepared> cs, Dyadic y, Precision q) {
        Interval g = Interval.of(-1);
        Interval slope = Interval.of(0);
        Rational yq = y.toRational();
        for (Prepared c : cs) {
            Interval term = c.coefficient().multiply(Gaussian.exp(Interval.of(c.component().a().multiply(yq), q), q),
                    q);
            g = g.add(term, q);
            slope = slope.add(term.multiply(c.a(), q), q);
        }
        return new Value(g, slope);
    }

    /**
     * A starting point for Newton's method from a floating-point Newton iteration on G (doubles, from the upper end
     * of the bracket). It only saves high-precision steps: its value is never trusted, and where the parameters are
     * out of double range or G cancels below double resolution the upper end of the bracket is used instead.
     */
    private static Dyadic floatingStart(List<Component> cs, Interval bracket) {
        int m = cs.size();
        double[] k = new double[m];
        double[] a = new double[m];
        double aMin = Double.POSITIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            Component c = cs.get(j);
            k[j] = c.weight().doubleValue() / Math.sqrt(c.ratio().doubleValue());
            a[j] = c.a().doubleValue();
            aMin = Math.min(aMin, a[j]);
        }
        double y = bracket.hi().doubleValue();
        if (!(aMin > 1e-6) || !Double.isFinite(y)) {
            return bracket.hi();
        }
        for (int it = 0; it < STEPS_PER_PHASE; it++) {
            double gv = -1;
            double slope = 0;
            for (int j = 0; j < m; j++) {
                double term = k[j] * Math.exp(a[j] * y);
                gv += term;
                slope += term * a[j];
            }
            double step = gv / slope;
            if (!Double.isFinite(step)) {
                return bracket.hi();
            }
            y -= step;
            if (Math.abs(step) <= 1e-15 * y) {
                break;
            }
        }
        Rational start = Rational.of(new java.math.BigDecimal(y));
        return Dyadic.of(start, Precision.bits(FIRST_PHASE_BITS), Rounding.DOWN)
                .max(bracket.lo()).min(bracket.hi());
    }

    /**
     * An approximation of y* by Newton's method at the working precision, on midpoints of the enclosures of G and
     * G', clamped to the bracket; only a candidate, which {@link #certify} checks. G is convex with
     * 0 &lt; G''/G' &lt; 1, so a step of size s leaves an error of about s²/2: the iteration stops once s² is below
     * the noise floor of G at this precision (2^−q per term against a slope of at least about 2^−g).
     */
    private static Dyadic newton(List<Prepared> cs, Interval bracket, Dyadic start, int g, int mBits,
                                 Precision work) {
        Dyadic y = start;
        // Half the initial certification radius of certify(), so that one certification attempt normally suffices.
        Dyadic tolerance = Dyadic.ONE.scaleByPowerOfTwo(-(work.bits() - g - mBits - 11));
        for (int k = 0; k < 4 * STEPS_PER_PHASE; k++) {
            Value v = evaluate(cs, y, work);
            Dyadic step = v.g().midpoint().divide(v.slope().midpoint(), work, Rounding.DOWN);
            y = y.subtract(step).round(work, Rounding.DOWN).max(bracket.lo()).min(bracket.hi());
            if (step.multiply(step).compareTo(tolerance) <= 0) {
                break;
            }
        }
        return y;
    }

    /**
     * [ŷ − δ, ŷ + δ] with G(ŷ − δ) &lt; 0 &lt; G(ŷ + δ) certified, hence containing the unique root y*; δ starts near the
     * noise floor of G at the working precision and is doubled until both signs are certain.
     */
    private static Interval certify(List<Prepared> cs, Dyadic y, int g, int mBits, Precision work) {
        Dyadic delta = y.scaleByPowerOfTwo(-(work.bits() - g - mBits - 12));
        for (int k = 0; k < BRACKET_DOUBLINGS; k++) {
            Dyadic lo = y.subtract(delta);
            Dyadic hi = y.add(delta);
            if (lo.signum() > 0
                    && evaluate(cs, lo, work).g().hi().signum() < 0
                    && evaluate(cs, hi, work).g().lo().signum() > 0) {
                return Interval.of(lo, hi);
            }
            delta = delta.scaleByPowerOfTwo(1);
        }
        throw new ArithmeticException("could not certify the crossing point of the KDE mixture and p0 near y = "
                + y.toDecimalString(20, Rounding.DOWN));
    }

    /** T(ĉ) = P(|Z| ≤ ĉ) − Σ_j w_j P(|Z| ≤ ĉ/√v_j) for a point ĉ &gt; 0. */
    private static Interval profile(List<Prepared> cs, Dyadic cHat, Precision q) {
        Interval point = Interval.point(cHat);
        Interval t = Gaussian.centralMass(point, q);
        for (Prepared c : cs) {
            Interval scaled = point.divide(c.sqrtRatio(), q);
            t = t.subtract(Interval.of(c.component().weight(), q).multiply(massNear(scaled, q), q), q);
        }
        return t;
    }

    /**
     * P(|Z| ≤ x) for all x in a narrow interval x ≥ 0, by the mean-value form P(|Z| ≤ mid) ± (4/5)·radius
     * (the derivative 2φ(x) is at most 4/5): one evaluation instead of one per endpoint.
     */
    private static Interval massNear(Interval x, Precision q) {
        Dyadic mid = x.midpoint().round(q, Rounding.DOWN);
        Interval atMid = Gaussian.centralMass(Interval.point(mid), q);
        Dyadic radius = x.hi().subtract(mid).max(mid.subtract(x.lo()));
        Dyadic slack = Interval.of(LIPSCHITZ, q).multiply(Interval.point(radius), q).hi();
        return Interval.of(atMid.lo().subtract(slack), atMid.hi().add(slack));
    }

    static void requireLambda(Rational lambda) {
        if (lambda.signum() < 0 || lambda.compareTo(Rational.ONE) > 0) {
            throw ParameterException.outside("λ", "in [0, 1]", lambda);
        }
    }

    static void requireGeneration(int generation) {
        if (generation < 0) {
            throw ParameterException.outside("i", "≥ 0", generation);
        }
    }

    static void requirePositive(String symbol, Rational v) {
        if (v.signum() <= 0) {
            throw ParameterException.outside(symbol, "> 0", v);
        }
    }
}
