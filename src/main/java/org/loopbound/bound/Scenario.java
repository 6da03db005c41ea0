package org.loopbound.bound;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;

/**
 * The mixed-training scenarios of theory.md §1, by the names every part of loopbound uses, each turning its
 * parameters into a {@link Schedule} of sizes N_j, real proportions λ_j and synthetic weights μ_{j,l}.
 * Generation 0 is always trained on real data only.
 */
public enum Scenario {
    /** λ_j = 0 for j ≥ 1, N_j = N. Parameters: n. */
    FULLY_SYNTHETIC("fully-synthetic"),
    /** λ_j = λ, N_j = N. Parameters: n, lambda. */
    FIXED_PROPORTION("fixed-proportion"),
    /** λ_1..λ_{i−1} = 0, λ_i = λ, N_j = N. Parameters: n, lambda. */
    LAST_INJECTION("last-injection"),
    /** N_j = N₀·(j+1)^g, λ_j = λ (default 0). Parameters: n (N₀), lambda, growth exponent g (default 4). */
    GROWING_SIZE("growing-size"),
    /** N_0 = r; for j ≥ 1: r real + s synthetic, λ_j = r/(r+s). Parameters: real, synthetic. */
    EXPANDING_SYNTHETIC("expanding-synthetic"),
    /** N_j = r + j·s: r real plus s synthetic from each earlier generation, μ_{j,l} = s/N_j. Parameters: real, synthetic. */
    ACCUMULATE("accumulate");

    private final String cliName;

    Scenario(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line, in the spec and in every output. */
    public String cliName() {
        return cliName;
    }

    /** The scenario with this name, or {@code null}. */
    public static @Nullable Scenario byName(String name) {
        for (Scenario s : values()) {
            if (s.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    /** All names, comma-separated, for error messages and help. */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (Scenario s : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(s.cliName);
        }
        return b.toString();
    }

    /**
     * The parameters a scenario may use. Unused ones may be {@code null}; {@link #schedule} reports the first
     * required one that is missing, naming its option.
     */
    public record Parameters(int generations, @Nullable BigInteger n, @Nullable Rational lambda,
                             @Nullable BigInteger real, @Nullable BigInteger synthetic, int growthExponent) {
    }

    /*@ public normal_behavior
      @ requires p.generations() >= 0;
      @ ensures \result.generations() == p.generations();
      @ also public exceptional_behavior
      @ requires (* a parameter this scenario needs is missing or out of its domain *);
      @ signals_only IllegalArgumentException;
      @*/
    /** The schedule of generations 0..p.generations(). */
    public Schedule schedule(Parameters p) {
        int g = p.generations();
        List<BigInteger> sizes = new ArrayList<>();
        List<Rational> lambdas = new ArrayList<>();
        switch (this) {
            case FULLY_SYNTHETIC:
            case FIXED_PROPORTION:
            case LAST_INJECTION: {
                BigInteger n = require(p.n(), "--n");
                Rational lambda = this == FULLY_SYNTHETIC ? Rational.ZERO : require(p.lambda(), "--lambda");
                for (int j = 0; j <= g; j++) {
                    sizes.add(n);
                    boolean real = j == 0 || this == FIXED_PROPORTION || j == g;
                    lambdas.add(j == 0 ? Rational.ONE : real ? lambda : Rational.ZERO);
                }
                return Schedule.previousGeneration(sizes, lambdas);
            }
            case GROWING_SIZE: {
                BigInteger n0 = require(p.n(), "--n");
                Rational lambda = p.lambda() == null ? Rational.ZERO : p.lambda();
                for (int j = 0; j <= g; j++) {
                    sizes.add(n0.multiply(BigInteger.valueOf(j + 1L).pow(p.growthExponent())));
                    lambdas.add(j == 0 ? Rational.ONE : lambda);
                }
                return Schedule.previousGeneration(sizes, lambdas);
            }
            case EXPANDING_SYNTHETIC: {
                BigInteger r = require(p.real(), "--real");
                BigInteger s = require(p.synthetic(), "--synthetic");
                for (int j = 0; j <= g; j++) {
                    sizes.add(j == 0 ? r : r.add(s));
                    lambdas.add(j == 0 ? Rational.ONE : Rational.of(r, r.add(s)));
                }
                return Schedule.previousGeneration(sizes, lambdas);
            }
            case ACCUMULATE: {
                BigInteger r = require(p.real(), "--real");
                BigInteger s = require(p.synthetic(), "--synthetic");
                List<List<Rational>> weights = new ArrayList<>();
                for (int j = 0; j <= g; j++) {
                    BigInteger nj = r.add(s.multiply(BigInteger.valueOf(j)));
                    sizes.add(nj);
                    lambdas.add(Rational.of(r, nj));
                    weights.add(R5Accumulate.weights(r, s, j));
                }
                return Schedule.general(sizes, lambdas, weights);
            }
            default:
                throw new AssertionError(this);
        }
    }

    private <T> T require(@Nullable T value, String option) {
        if (value == null) {
            throw new IllegalArgumentException("scenario " + cliName + " needs " + option);
        }
        return value;
    }
}
