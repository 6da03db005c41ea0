package org.loopbound.cli;

import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.Schedule;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The scenario of theory.md §1 as command-line options, declared once so that {@code bound}, {@code simulate},
 * {@code diffusion} and {@code kde} give the same names the same symbols and the same domains. The sample size N is a
 * separate mixin ({@link SampleSize}) because {@code diffusion tau-sweep} sweeps a list of N. What differs
 * between commands (the default scenario and generation count, the largest sizes a command can afford) is a
 * {@link Limits} value the command passes in, and the defaults shown in {@code --help} come from the command's
 * {@link Defaults} provider rather than from these annotations.
 */
final class ScenarioOptions {

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "fully-synthetic | fixed-proportion | last-injection | growing-size | expanding-synthetic"
                    + " | accumulate. Required, except in diffusion loop and kde loop (default fully-synthetic).")
    @Nullable String scenario;

    @Option(names = "--generations", paramLabel = "I",
            description = "Last generation i (generations 0..i), whole, >= 0 (last-injection: >= 1)"
                    + " (default: ${DEFAULT-VALUE}).")
    int generations;

    @Option(names = "--lambda", converter = RationalConverter.class, paramLabel = "λ",
            description = "Real proportion lambda in [0, 1] (fixed-proportion; last-injection: at the last"
                    + " generation; growing-size: default 0).")
    @Nullable Rational lambda;

    @Option(names = "--real", converter = RationalConverter.class, paramLabel = "r",
            description = "Real samples r per generation (expanding-synthetic, accumulate), whole, >= 1.")
    @Nullable Rational real;

    @Option(names = "--synthetic", converter = RationalConverter.class, paramLabel = "s",
            description = "Synthetic samples s (expanding-synthetic: per generation; accumulate: from each earlier"
                    + " generation), whole, >= 0.")
    @Nullable Rational synthetic;

    @Option(names = "--growth-exponent", defaultValue = "4", paramLabel = "g",
            description = "growing-size schedule N_j = N_0 (j+1)^g, g in [0, 16] (default: ${DEFAULT-VALUE}).")
    int growthExponent;

    /**
     * The domain of a command's scenario: at most {@code maxGenerations} generations and sizes in
     * [{@code minSize}, {@code maxSize}] (N, r, s all share the upper limit; s may be 0).
     */
    record Limits(int maxGenerations, long minSize, BigInteger maxSize, String maxSizeText) {
        /** Closed-form bounds: sizes only enter rational arithmetic. */
        static final Limits BOUND = new Limits(Domains.MAX_GENERATIONS, 1, Domains.MAX_SIZE, "10^18");
    }

    /** The per-command defaults of {@code --scenario} and {@code --generations}, shown in {@code --help}. */
    abstract static class Defaults implements CommandLine.IDefaultValueProvider {
        private final Map<String, String> values;

        Defaults(Map<String, String> values) {
            this.values = values;
        }

        // picocli's contract: null means "no default from this provider"; its interface is not annotated.
        @Override
        @SuppressWarnings("nullness:override.return")
        public @Nullable String defaultValue(CommandLine.Model.ArgSpec argSpec) {
            return argSpec.isOption() ? values.get(((CommandLine.Model.OptionSpec) argSpec).longestName()) : null;
        }
    }

    /** Ten generations, no default scenario: {@code bound} and {@code simulate}. */
    static final class TenGenerations extends Defaults {
        TenGenerations() {
            super(Map.of("--generations", "10"));
        }
    }

    /** Two generations of the fully-synthetic loop: the sample-storing learners ({@code diffusion}, {@code kde}). */
    static final class ShortFullySynthetic extends Defaults {
        ShortFullySynthetic() {
            super(Map.of("--generations", "2", "--scenario", "fully-synthetic"));
        }
    }

    /** The scenario named by {@code --scenario}; a usage error when it is missing or unknown. */
    Scenario scenario() {
        return byName(Domains.required("--scenario", scenario, "(one of " + Scenario.names() + ")"));
    }

    /** The sample size N per generation (growing-size: N_0), as a mixin of its own. */
    static final class SampleSize {
        @Option(names = "--n", converter = RationalConverter.class, paramLabel = "N",
                description = "Samples per generation N (growing-size: N_0), whole, >= 1; the largest N a command"
                        + " accepts is in its error message.")
        @Nullable Rational n;
    }

    /**
     * The schedule of λ_i and N_i these options describe with N = {@code n}, every option checked against
     * {@code limits}; a usage error naming the first option outside its domain.
     */
    Schedule schedule(@Nullable Rational n, Limits limits) {
        return schedule(scenario(), generations, n, lambda, real, synthetic, growthExponent, limits);
    }

    /**
     * The schedule of a scenario from option values (for commands whose own options carry the scenario's symbols
     * under other meanings, such as {@code threshold}); every value is checked against {@code limits}.
     */
    static Schedule schedule(Scenario sc, int generations, @Nullable Rational n, @Nullable Rational lambda,
            @Nullable Rational real, @Nullable Rational synthetic, int growthExponent, Limits limits) {
        if (generations < 0 || generations > limits.maxGenerations()) {
            throw new UsageError("--generations must be in [0, " + limits.maxGenerations() + "], got " + generations);
        }
        if (sc == Scenario.LAST_INJECTION && generations < 1) {
            throw new UsageError("--generations must be >= 1 for last-injection, got " + generations);
        }
        if (growthExponent < 0 || growthExponent > 16) {
            throw new UsageError("--growth-exponent must be in [0, 16], got " + growthExponent);
        }
        Rational lam = lambda == null ? null : Domains.closed("--lambda", lambda, Rational.ZERO, Rational.ONE);
        return sc.schedule(new Scenario.Parameters(generations, size("--n", n, limits.minSize(), limits), lam,
                size("--real", real, 1, limits), size("--synthetic", synthetic, 0, limits), growthExponent));
    }

    /** The scenario named {@code name}; a usage error listing the names when there is none. */
    static Scenario byName(String name) {
        Scenario sc = Scenario.byName(name);
        if (sc == null) {
            throw new UsageError("--scenario must be one of " + Scenario.names() + ", got '" + name + "'");
        }
        return sc;
    }

    /** Adds the scenario's parameters with N = {@code n}, as given (exact strings), to a JSON {@code parameters} object. */
    void describe(JsonObject params, @Nullable Rational n) {
        Scenario sc = scenario();
        params.addProperty("scenario", sc.cliName());
        params.addProperty("generations", generations);
        describeSizes(params, n, lambda, real, synthetic);
        if (sc == Scenario.GROWING_SIZE) {
            params.addProperty("growth_exponent", growthExponent);
        }
    }

    /** Adds the given size and proportion options to a JSON {@code parameters} object, skipping absent ones. */
    static void describeSizes(JsonObject params, @Nullable Rational n, @Nullable Rational lambda,
            @Nullable Rational real, @Nullable Rational synthetic) {
        Json.addIfPresent(params, "n", n);
        Json.addIfPresent(params, "lambda", lambda);
        Json.addIfPresent(params, "real", real);
        Json.addIfPresent(params, "synthetic", synthetic);
    }

    private static @Nullable BigInteger size(String option, @Nullable Rational v, long min, Limits limits) {
        if (v == null) {
            return null;
        }
        if (!v.isInteger() || v.compareTo(Rational.of(min)) < 0
                || v.numerator().compareTo(limits.maxSize()) > 0) {
            throw new UsageError(option + " must be a whole number in [" + min + ", " + limits.maxSizeText()
                    + "], got " + v);
        }
        return v.numerator();
    }
}
