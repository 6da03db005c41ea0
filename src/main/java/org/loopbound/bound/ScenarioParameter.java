package org.loopbound.bound;

import java.math.BigInteger;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import org.loopbound.param.Domain;
import org.loopbound.param.ParameterException;

/**
 * The parameters of the scenarios of theory.md §1, each with the key that names it everywhere (command-line option
 * {@code --key}, sweep grid field, JSON parameter), its symbol, its meaning and its domain. A {@link Scenario}
 * declares which of them it uses; the command line, sweep grids and help texts derive from these declarations.
 */
public enum ScenarioParameter {
    /** The last generation i: generations 0..i are computed. */
    GENERATIONS("generations", "i", "last generation i (generations 0..i)", 0),
    /** N: samples per generation (growing-size: N_0). */
    N("n", "N", "samples per generation N (growing-size: N_0)", 1),
    /** λ: the real proportion of a generation that receives real data. */
    LAMBDA("lambda", "λ", "real proportion λ", 0),
    /** r: real samples per generation. */
    REAL("real", "r", "real samples r per generation", 1),
    /** s: synthetic samples (per generation, or from each earlier generation). */
    SYNTHETIC("synthetic", "s", "synthetic samples s", 0),
    /** g: the exponent of the growing-size schedule N_j = N_0 (j+1)^g. */
    GROWTH_EXPONENT("growth-exponent", "g", "growth exponent g of N_j = N_0 (j+1)^g", 0),
    /** p: the period of real-data injection. */
    PERIOD("period", "p", "period p: real data at the generations j ≥ 1 that p divides", 1);

    /** The largest size N, r or s any computation accepts; commands may accept less. */
    public static final BigInteger MAX_SIZE = BigInteger.TEN.pow(18);
    /** The largest last generation any computation accepts. */
    public static final int MAX_GENERATIONS = 1_000_000;
    /** The largest growth exponent: N_0 (i+1)^g stays a number of reasonable size. */
    public static final int MAX_GROWTH_EXPONENT = 16;

    private final String key;
    private final String symbol;
    private final String meaning;
    private final int min;

    ScenarioParameter(String key, String symbol, String meaning, int min) {
        this.key = key;
        this.symbol = symbol;
        this.meaning = meaning;
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
     * @return the domain, e.g. the whole numbers in [1, 10^18]
     */
    public Domain domain(BigInteger maxSize) {
        switch (this) {
            case LAMBDA:
                return Domain.parse("[0, 1]", false);
            case GENERATIONS:
                return Domain.whole(0, MAX_GENERATIONS);
            case GROWTH_EXPONENT:
                return Domain.whole(0, MAX_GROWTH_EXPONENT);
            case PERIOD:
                return Domain.whole(1, MAX_GENERATIONS);
            default:
                return Domain.whole(BigInteger.valueOf(min), maxSize);
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
        return domain(maxSize).check(symbol, value);
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
}
