package org.loopbound.bound;

import java.math.BigInteger;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * The parameters of the scenarios of theory.md §1, each with the key that names it everywhere (command-line option
 * {@code --key}, sweep grid field, JSON parameter), its symbol, its meaning and its domain. A {@link Scenario}
 * declares which of them it uses; the command line, sweep grids and help texts derive from these declarations.
 */
public enum ScenarioParameter {
    /** The last generation i: generations 0..i are computed. */
    GENERATIONS("generations", "i", "last generation i (generations 0..i)", Kind.WHOLE, 0),
    /** N: samples per generation (growing-size: N_0). */
    N("n", "N", "samples per generation N (growing-size: N_0)", Kind.WHOLE, 1),
    /** λ: the real proportion of a generation that receives real data. */
    LAMBDA("lambda", "λ", "real proportion λ", Kind.PROPORTION, 0),
    /** r: real samples per generation. */
    REAL("real", "r", "real samples r per generation", Kind.WHOLE, 1),
    /** s: synthetic samples (per generation, or from each earlier generation). */
    SYNTHETIC("synthetic", "s", "synthetic samples s", Kind.WHOLE, 0),
    /** g: the exponent of the growing-size schedule N_j = N_0 (j+1)^g. */
    GROWTH_EXPONENT("growth-exponent", "g", "growth exponent g of N_j = N_0 (j+1)^g", Kind.WHOLE, 0),
    /** p: the period of real-data injection. */
    PERIOD("period", "p", "period p: real data at the generations j ≥ 1 that p divides", Kind.WHOLE, 1);

    /** The largest size N, r or s any computation accepts; commands may accept less. */
    public static final BigInteger MAX_SIZE = BigInteger.TEN.pow(18);
    /** The largest last generation any computation accepts. */
    public static final int MAX_GENERATIONS = 1_000_000;
    /** The largest growth exponent: N_0 (i+1)^g stays a number of reasonable size. */
    public static final int MAX_GROWTH_EXPONENT = 16;

    private enum Kind { WHOLE, PROPORTION }

    private final String key;
    private final String symbol;
    private final String meaning;
    private final Kind kind;
    private final int min;

    ScenarioParameter(String key, String symbol, String meaning, Kind kind, int min) {
        this.key = key;
        this.symbol = symbol;
        this.meaning = meaning;
        this.kind = kind;
        this.min = min;
    }

    /** @return the name of the parameter in options ({@code --key}), sweep grids and JSON */
    public String key() {
        return key;
    }

    /** @return the symbol as the theory writes it, e.g. {@code λ} */
    public String symbol() {
        return symbol;
    }

    /** @return what the parameter means, for help texts */
    public String meaning() {
        return meaning;
    }

    /**
     * The domain of the parameter when the largest accepted size is {@code maxSize}.
     *
     * @param maxSize the largest N, r or s accepted
     * @return the domain, phrased to follow "must be", e.g. "a whole number in [1, 10^18]"
     */
    public String domain(BigInteger maxSize) {
        switch (this) {
            case LAMBDA:
                return "in [0, 1]";
            case GENERATIONS:
                return "a whole number in [0, " + MAX_GENERATIONS + "]";
            case GROWTH_EXPONENT:
                return "a whole number in [0, " + MAX_GROWTH_EXPONENT + "]";
            case PERIOD:
                return "a whole number in [1, " + MAX_GENERATIONS + "]";
            default:
                return "a whole number in [" + min + ", " + power(maxSize) + "]";
        }
    }

    /**
     * Checks a value against the domain.
     *
     * @param value the value
     * @param maxSize the largest N, r or s accepted
     * @return {@code value}
     * @throws ParameterException naming the symbol when {@code value} lies outside {@link #domain}
     */
    public Rational check(Rational value, BigInteger maxSize) {
        boolean ok;
        if (kind == Kind.PROPORTION) {
            ok = value.signum() >= 0 && value.compareTo(Rational.ONE) <= 0;
        } else {
            BigInteger max = this == GENERATIONS || this == PERIOD ? BigInteger.valueOf(MAX_GENERATIONS)
                    : this == GROWTH_EXPONENT ? BigInteger.valueOf(MAX_GROWTH_EXPONENT) : maxSize;
            ok = value.isInteger() && value.compareTo(Rational.of(min)) >= 0
                    && value.numerator().compareTo(max) <= 0;
        }
        if (!ok) {
            throw ParameterException.outside(symbol, domain(maxSize), value);
        }
        return value;
    }

    /**
     * The parameter with this key.
     *
     * @param key a key such as {@code lambda}
     * @return the parameter, or {@code null} when no parameter has that key
     */
    public static @Nullable ScenarioParameter byKey(String key) {
        for (ScenarioParameter p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The parameter with this symbol.
     *
     * @param symbol a symbol such as {@code λ}
     * @return the parameter, or {@code null} when no parameter has that symbol
     */
    public static @Nullable ScenarioParameter bySymbol(String symbol) {
        for (ScenarioParameter p : values()) {
            if (p.symbol.equals(symbol)) {
                return p;
            }
        }
        return null;
    }

    /**
     * A size limit as messages print it.
     *
     * @param v a limit
     * @return {@code 10^k} for exact powers of ten above 9999, the decimal digits otherwise
     */
    public static String power(BigInteger v) {
        String s = v.toString();
        return s.matches("10+") && s.length() > 4 ? "10^" + (s.length() - 1) : s;
    }
}
