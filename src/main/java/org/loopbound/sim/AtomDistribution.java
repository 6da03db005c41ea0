package org.loopbound.sim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.index.qual.Positive;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * The real distribution p₀ on k atoms with exact rational weights p_j = a_j / D over a common denominator D
 * (gcd(a_0, …, a_{k−1}, D) = 1), so that TV(p̂, p₀) can be computed exactly with integer arithmetic.
 *
 * <p>Given as exact weights ({@code 1/2,1/4,1/4}) or as presets: {@code uniform:k}, {@code zipf:k:s} (p_j ∝ j^−s,
 * j = 1..k, s a whole number ≥ 0: for non-integer s the weights are irrational and no exact p₀ exists) and
 * {@code geometric:k:q} (p_j ∝ q^j, j = 0..k−1, q ∈ (0, 1) rational: the geometric law truncated to k atoms and
 * normalised exactly).
 */
public final class AtomDistribution {

    /** Largest number of atoms accepted (the per-replicate state is a few arrays of k longs). */
    public static final int MAX_ATOMS = 10_000_000;
    /** Largest total size, in bits, of the exact numerators a_j (zipf and geometric presets grow as k²). */
    static final long MAX_NUMERATOR_BITS = 400_000_000L;

    private final String spec;
    private final BigInteger[] numerators;
    private final BigInteger denominator;
    private final long[] numeratorsLong;
    private final double[] conditional;
    private final double[] probabilities;

    private AtomDistribution(String spec, BigInteger[] numerators, BigInteger denominator) {
        this.spec = spec;
        this.numerators = numerators;
        this.denominator = denominator;
        boolean fits = denominator.bitLength() < 63;
        this.numeratorsLong = new long[fits ? numerators.length : 0];
        for (int j = 0; j < numeratorsLong.length && j < numerators.length; j++) {
            numeratorsLong[j] = numerators[j].longValueExact();
        }
        this.probabilities = new double[numerators.length];
        for (int j = 0; j < numerators.length; j++) {
            probabilities[j] = Rational.of(numerators[j], denominator).doubleValue();
        }
        this.conditional = new double[numerators.length];
        BigInteger tail = denominator;
        for (int j = 0; j < numerators.length; j++) {
            BigInteger a = numerators[j];
            conditional[j] = tail.signum() == 0 ? 1 : Rational.of(a, tail).doubleValue();
            tail = tail.subtract(a);
        }
    }

    /*@ public normal_behavior
      @ requires (* text is a weight list or a preset as described in the class comment *);
      @ ensures \result.atoms() >= 1 && (* Σ_j \result.weight(j) == 1 exactly *);
      @ also public exceptional_behavior
      @ requires (* text is malformed, a weight is negative, the weights do not sum to 1, or a preset parameter is
      @             outside its domain *);
      @ signals_only IllegalArgumentException;
      @*/
    /** Parses p₀; an error is a {@link ParameterException} for p₀ that names the allowed form. */
    public static AtomDistribution parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("uniform:")) {
            String[] parts = t.split(":", -1);
            if (parts.length != 2) {
                throw badPreset("uniform:k", t);
            }
            int k = atoms(parts[1]);
            BigInteger[] a = new BigInteger[k];
            java.util.Arrays.fill(a, BigInteger.ONE);
            return new AtomDistribution(t, a, BigInteger.valueOf(k));
        }
        if (t.startsWith("zipf:")) {
            String[] parts = t.split(":", -1);
            if (parts.length != 3) {
                throw badPreset("zipf:k:s", t);
            }
            int k = atoms(parts[1]);
            Rational s = number(parts[2], "zipf:k:s exponent s");
            if (s.signum() < 0 || !s.isInteger() || s.numerator().bitLength() > 31) {
                throw ParameterException.violates("p₀", "zipf:k:s needs a whole number s ≥ 0 (for other s the"
                        + " weights j^-s are irrational, so p₀ would not be exact), got s = "
                        + ParameterException.cut(s));
            }
            int e = s.numerator().intValueExact();
            checkBits((long) k * k * e * 3 / 2, "zipf:k:s (k^2 s must be at most about 2.7e8)");
            return zipf(t, k, e);
        }
        if (t.startsWith("geometric:")) {
            String[] parts = t.split(":", -1);
            if (parts.length != 3) {
                throw badPreset("geometric:k:q", t);
            }
            int k = atoms(parts[1]);
            Rational q = number(parts[2], "geometric:k:q ratio q");
            if (q.signum() <= 0 || q.compareTo(Rational.ONE) >= 0) {
                throw ParameterException.violates("p₀", "geometric:k:q needs q in (0, 1), got q = "
                        + ParameterException.cut(q));
            }
            long bits = Math.max(q.numerator().bitLength(), q.denominator().bitLength());
            checkBits((long) k * k * bits, "geometric:k:q (k^2 times the bits of q must be at most 4e8)");
            return geometric(t, k, q);
        }
        if (t.isEmpty()) {
            throw ParameterException.outside("p₀", "exact weights like 1/2,1/4,1/4 or uniform:k, zipf:k:s,"
                    + " geometric:k:q", "''");
        }
        String[] parts = t.split(",", -1);
        if (parts.length > MAX_ATOMS) {
            throw ParameterException.violates("p₀", "has " + parts.length + " weights, at most " + MAX_ATOMS);
        }
        List<Rational> w = new ArrayList<>();
        for (String part : parts) {
            Rational x = number(part, "weight");
            if (x.signum() < 0) {
                throw ParameterException.violates("p₀", "weights must be ≥ 0, got " + ParameterException.cut(x));
            }
            w.add(x);
        }
        return ofWeights(text.trim(), w);
    }

    /*@ public normal_behavior
      @ requires weights.size() >= 1 && (* each weight ≥ 0 and Σ weights == 1 *);
      @ ensures \result.atoms() == weights.size() && (* \result.weight(j).equals(weights.get(j)) *);
      @ also public exceptional_behavior
      @ requires (* a weight is negative or Σ weights != 1 *);
      @ signals_only IllegalArgumentException;
      @*/
    /** p₀ from exact weights, which must be ≥ 0 and sum to exactly 1. */
    public static AtomDistribution ofWeights(String spec, List<Rational> weights) {
        if (weights.isEmpty() || weights.size() > MAX_ATOMS) {
            throw ParameterException.outside("p₀", "1 to " + MAX_ATOMS + " weights", weights.size());
        }
        Rational sum = Rational.ZERO;
        BigInteger d = BigInteger.ONE;
        for (Rational x : weights) {
            if (x.signum() < 0) {
                throw ParameterException.violates("p₀", "weights must be ≥ 0, got " + ParameterException.cut(x));
            }
            sum = sum.add(x);
            d = lcm(d, x.denominator());
        }
        if (!sum.equals(Rational.ONE)) {
            throw ParameterException.violates("p₀", "weights must sum to exactly 1, they sum to "
                    + ParameterException.cut(sum));
        }
        BigInteger[] a = new BigInteger[weights.size()];
        for (int j = 0; j < a.length; j++) {
            Rational x = weights.get(j);
            a[j] = x.numerator().multiply(d.divide(x.denominator()));
        }
        return new AtomDistribution(spec, a, d);
    }

    private static AtomDistribution zipf(String spec, @Positive int k, int s) {
        BigInteger l = BigInteger.ONE;
        for (int j = 2; j <= k; j++) {
            l = lcm(l, BigInteger.valueOf(j));
        }
        BigInteger m = l.pow(s);
        BigInteger[] a = new BigInteger[k];
        BigInteger d = BigInteger.ZERO;
        for (int j = 0; j < a.length; j++) {
            a[j] = m.divide(BigInteger.valueOf(j + 1L).pow(s));
            d = d.add(a[j]);
        }
        return reduced(spec, a, d);
    }

    private static AtomDistribution geometric(String spec, @Positive int k, Rational q) {
        BigInteger u = q.numerator();
        BigInteger v = q.denominator();
        BigInteger[] a = new BigInteger[k];
        BigInteger d = BigInteger.ZERO;
        for (int j = 0; j < a.length; j++) {
            // q^j = u^j / v^j over the common denominator v^(k−1).
            a[j] = u.pow(j).multiply(v.pow(k - 1 - j));
            d = d.add(a[j]);
        }
        return reduced(spec, a, d);
    }

    private static AtomDistribution reduced(String spec, BigInteger[] a, BigInteger d) {
        BigInteger g = d;
        for (BigInteger x : a) {
            g = g.gcd(x);
        }
        if (!g.equals(BigInteger.ONE)) {
            for (int j = 0; j < a.length; j++) {
                a[j] = a[j].divide(g);
            }
            d = d.divide(g);
        }
        return new AtomDistribution(spec, a, d);
    }

    private static ParameterException badPreset(String form, String text) {
        return ParameterException.outside("p₀", "the preset " + form, "'" + text + "'");
    }

    private static @Positive int atoms(String text) {
        Rational k = number(text, "number of atoms k");
        int v = k.isInteger() && k.numerator().bitLength() < 32 ? k.numerator().intValue() : 0;
        if (v < 1 || v > MAX_ATOMS) {
            throw ParameterException.violates("p₀", "number of atoms k must be a whole number in [1, " + MAX_ATOMS
                    + "], got " + ParameterException.cut(k));
        }
        return v;
    }

    private static Rational number(String text, String what) {
        try {
            return Rational.parse(text);
        } catch (NumberFormatException e) {
            throw ParameterException.violates("p₀", what + " must be an exact number, got '"
                    + ParameterException.cut(text.trim()) + "'");
        }
    }

    private static void checkBits(long bits, String what) {
        if (bits > MAX_NUMERATOR_BITS) {
            throw ParameterException.violates("p₀", what + ": the exact weights would be too large");
        }
    }

    private static BigInteger lcm(BigInteger a, BigInteger b) {
        return a.divide(a.gcd(b)).multiply(b);
    }

    /** The specification as given (preset or weight list), for outputs and for comparing configurations. */
    public String spec() {
        return spec;
    }

    /*@ public normal_behavior
      @ ensures \result == (* k *) && \result >= 1;
      @*/
    /** The number of atoms k. */
    public int atoms() {
        return numerators.length;
    }

    /*@ public normal_behavior
      @ requires 0 <= j && j < atoms();
      @ ensures \result.equals(Rational.of(numerator(j), denominator()));
      @*/
    /** The exact weight p_j. */
    public Rational weight(int j) {
        if (j < 0 || j >= numerators.length) {
            throw new IndexOutOfBoundsException("atom " + j + " of " + numerators.length);
        }
        return Rational.of(numerators[j], denominator);
    }

    /*@ public normal_behavior
      @ requires 0 <= j && j < atoms();
      @ ensures (* \result == a_j, with p_j = a_j / D *);
      @*/
    /** The numerator a_j of p_j over the common denominator D. */
    public BigInteger numerator(int j) {
        if (j < 0 || j >= numerators.length) {
            throw new IndexOutOfBoundsException("atom " + j + " of " + numerators.length);
        }
        return numerators[j];
    }

    /*@ public normal_behavior
      @ ensures (* \result == D = Σ_j a_j ≥ 1 *);
      @*/
    /** The common denominator D = Σ_j a_j. */
    public BigInteger denominator() {
        return denominator;
    }

    /** The numerators a_j as longs when D &lt; 2^62 (then every a_j fits), else an empty array. */
    long[] numeratorsLong() {
        return numeratorsLong;
    }

    /** The numerators a_j as BigIntegers (shared; never modified). */
    BigInteger[] numeratorsBig() {
        return numerators;
    }

    /** p_j, each correctly rounded to a double (for screening and statistics only). */
    double[] probabilities() {
        return probabilities;
    }

    /** p_j / (p_j + … + p_{k−1}), each rounded once from the exact ratio; 1 once the remaining mass is p_j alone. */
    double[] conditional() {
        return conditional;
    }
}
