package org.loopbound.bound;

import static org.loopbound.bound.ScenarioParameter.GROWTH_EXPONENT;
import static org.loopbound.bound.ScenarioParameter.LAMBDA;
import static org.loopbound.bound.ScenarioParameter.N;
import static org.loopbound.bound.ScenarioParameter.PERIOD;
import static org.loopbound.bound.ScenarioParameter.REAL;
import static org.loopbound.bound.ScenarioParameter.SYNTHETIC;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;

/**
 * The mixed-training scenarios of theory.md §1, each declared once: its name, the parameters it uses (with their
 * defaults), the least last generation it accepts, the schedule of sizes N_j, real proportions λ_j and synthetic
 * weights μ_{j,l} it builds, the result that bounds it (R3 when only the previous generation supplies synthetic
 * data, R5 otherwise) and the R4 corollaries that apply to it with a constant ε. Generation 0 is always trained on
 * real data only (λ_0 = 1). Command-line options, sweep grid fields and help texts derive from these declarations.
 */
public enum Scenario {
    /** λ_j = 0 for j ≥ 1, N_j = N. */
    FULLY_SYNTHETIC("fully-synthetic", "λ_j = 0 for j ≥ 1, N_j = N", "R3", 0, uses(N),
            v -> v.previous(j -> v.size(N), j -> Rational.ZERO)) {
        @Override
        public List<Corollary> corollaries(Schedule schedule, Rational eps) {
            int g = schedule.generations();
            return List.of(new Corollary("fully-synthetic (i+1) eps at i=" + g, R4Corollaries.fullySynthetic(eps, g)));
        }
    },
    /** λ_j = λ, N_j = N. */
    FIXED_PROPORTION("fixed-proportion", "λ_j = λ for j ≥ 1, N_j = N", "R3", 0, uses(N, LAMBDA),
            v -> v.previous(j -> v.size(N), j -> v.proportion(LAMBDA))) {
        @Override
        public List<Corollary> corollaries(Schedule schedule, Rational eps) {
            int g = schedule.generations();
            Rational lam = schedule.lambda(g);
            if (g < 1 || lam.signum() <= 0) {
                return List.of();
            }
            return List.of(
                    new Corollary("fixed-proportion closed form eps (1-(1-lambda)^(i+1))/lambda at i=" + g,
                            R4Corollaries.fixedProportion(eps, lam, g)),
                    new Corollary("fixed-proportion limit eps/lambda (never exceeded)",
                            R4Corollaries.fixedProportionLimit(eps, lam)));
        }
    },
    /** λ_1..λ_{i−1} = 0, λ_i = λ, N_j = N. */
    LAST_INJECTION("last-injection", "λ_j = 0 for 1 ≤ j < i, λ_i = λ, N_j = N", "R3", 1, uses(N, LAMBDA),
            v -> v.previous(j -> v.size(N), j -> j == v.generations() ? v.proportion(LAMBDA) : Rational.ZERO)) {
        @Override
        public List<Corollary> corollaries(Schedule schedule, Rational eps) {
            int g = schedule.generations();
            return List.of(
                    new Corollary("last-injection: B_i <= 2 eps iff lambda_i >= (i-1)/i =",
                            R4Corollaries.lastInjectionThreshold(g)),
                    new Corollary("last-injection B_i = (1-lambda_i) i eps + eps",
                            R4Corollaries.lastInjection(eps, schedule.lambda(g), g)));
        }
    },
    /** N_j = N₀·(j+1)^g, λ_j = λ (default 0). */
    GROWING_SIZE("growing-size", "N_j = N_0 (j+1)^g, λ_j = λ for j ≥ 1", "R3", 0,
            uses(N).optional(LAMBDA, Rational.ZERO).optional(GROWTH_EXPONENT, Rational.of(4)),
            v -> v.previous(j -> v.size(N).multiply(BigInteger.valueOf(j + 1L).pow(v.whole(GROWTH_EXPONENT))),
                    j -> v.proportion(LAMBDA))),
    /** N_0 = r; for j ≥ 1: r real + s synthetic, λ_j = r/(r+s). */
    EXPANDING_SYNTHETIC("expanding-synthetic", "N_0 = r; N_j = r + s and λ_j = r/(r+s) for j ≥ 1", "R3", 0,
            uses(REAL, SYNTHETIC),
            v -> v.previous(j -> j == 0 ? v.size(REAL) : v.size(REAL).add(v.size(SYNTHETIC)),
                    j -> Rational.of(v.size(REAL), v.size(REAL).add(v.size(SYNTHETIC))))),
    /** N_j = r + j·s: r real plus s synthetic from each earlier generation, μ_{j,l} = s/N_j. */
    ACCUMULATE("accumulate", "N_j = r + j s: r real and s synthetic from each earlier generation, μ_{j,l} = s/N_j",
            "R5", 0, uses(REAL, SYNTHETIC), Scenario::accumulate) {
        @Override
        public List<Certified> closedForm(Schedule schedule, List<Certified> eps, Precision p) {
            BigInteger r = schedule.size(0);
            BigInteger s = schedule.generations() == 0 ? BigInteger.ZERO : schedule.size(1).subtract(r);
            return R5Accumulate.closedForm(r, s, eps, p);
        }
    },
    /** λ_j = λ when p divides j ≥ 1, else 0; N_j = N. */
    PERIODIC_INJECTION("periodic-injection", "λ_j = λ when p divides j ≥ 1, else 0; N_j = N", "R3", 0,
            uses(N, LAMBDA, PERIOD),
            v -> v.previous(j -> v.size(N), j -> j % v.whole(PERIOD) == 0 ? v.proportion(LAMBDA) : Rational.ZERO));

    private final String cliName;
    private final String description;
    private final String resultId;
    private final int minGenerations;
    private final Uses uses;
    private final Rule rule;

    Scenario(String cliName, String description, String resultId, int minGenerations, Uses uses, Rule rule) {
        this.cliName = cliName;
        this.description = description;
        this.resultId = resultId;
        this.minGenerations = minGenerations;
        this.uses = uses;
        this.rule = rule;
    }

    /** An R4 corollary of a scenario: what it states and its exact value. */
    public record Corollary(String name, Rational value) {
    }

    /** @return the name used on the command line, in the spec and in every output */
    public String cliName() {
        return cliName;
    }

    /** @return the schedule in the theory's symbols, for help texts and documentation */
    public String description() {
        return description;
    }

    /** @return the id of the result that bounds this scenario: {@code R3} or {@code R5} */
    public String resultId() {
        return resultId;
    }

    /** @return the least last generation the scenario accepts (last-injection needs a generation to inject at) */
    public int minGenerations() {
        return minGenerations;
    }

    /** @return the parameters this scenario uses (besides the last generation), in declaration order */
    public List<ScenarioParameter> parameters() {
        return List.copyOf(uses.defaults.keySet());
    }

    /**
     * @param parameter a parameter this scenario uses
     * @return its default, or {@code null} when the parameter is required (or not used)
     */
    public @Nullable Rational defaultValue(ScenarioParameter parameter) {
        return uses.defaults.get(parameter);
    }

    /**
     * B_0..B_g by this scenario's closed form, computed independently of the recursion (R3's closed form for
     * previous-generation schedules, R5's for accumulate), so that their agreement checks both.
     *
     * @param schedule a schedule this scenario built
     * @param eps ε_0..ε_g
     * @param p the working precision of enclosures
     * @return B_0..B_g
     */
    public List<Certified> closedForm(Schedule schedule, List<Certified> eps, Precision p) {
        return R3UnrolledBound.closedForm(schedule, eps, p);
    }

    /**
     * The R4 corollaries that apply to a schedule of this scenario with the constant learning error ε.
     *
     * @param schedule a schedule this scenario built
     * @param eps the constant ε ≥ 0
     * @return the corollaries, possibly none
     */
    public List<Corollary> corollaries(Schedule schedule, Rational eps) {
        return List.of();
    }

    /**
     * The scenario with this name.
     *
     * @param name a name such as {@code fixed-proportion} (case-insensitive)
     * @return the scenario, or {@code null} when none has that name
     */
    public static @Nullable Scenario byName(String name) {
        for (Scenario s : values()) {
            if (s.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    /** @return all names, comma-separated, for error messages and help */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (Scenario s : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(s.cliName);
        }
        return b.toString();
    }

    /*@ public normal_behavior
      @ requires a.generations() >= minGenerations();
      @ ensures \result.generations() == a.generations();
      @ also public exceptional_behavior
      @ requires (* a parameter this scenario needs is missing or out of its domain *);
      @ signals_only ParameterException;
      @*/
    /**
     * The schedule of generations 0..i for these arguments.
     *
     * @param a the arguments; parameters the scenario does not use are ignored
     * @param maxSize the largest N, r or s the caller accepts (at most {@link ScenarioParameter#MAX_SIZE})
     * @return the schedule
     * @throws ParameterException naming the symbol of the first parameter that is required and missing, or outside
     *     its domain, or of i when it is below {@link #minGenerations()}
     */
    public Schedule schedule(ScenarioArguments a, BigInteger maxSize) {
        Rational gi = a.get(ScenarioParameter.GENERATIONS);
        if (gi == null) {
            throw ParameterException.missing(ScenarioParameter.GENERATIONS.symbol(), "by every scenario");
        }
        ScenarioParameter.GENERATIONS.check(gi, maxSize);
        int g = gi.numerator().intValueExact();
        if (g < minGenerations) {
            throw ParameterException.outside(ScenarioParameter.GENERATIONS.symbol(),
                    "≥ " + minGenerations + " for " + cliName, g);
        }
        Map<ScenarioParameter, Rational> values = new EnumMap<>(ScenarioParameter.class);
        for (Map.Entry<ScenarioParameter, @Nullable Rational> e : uses.defaults.entrySet()) {
            Rational v = a.get(e.getKey());
            if (v == null) {
                v = e.getValue();
            }
            if (v == null) {
                throw ParameterException.missing(e.getKey().symbol(), "by scenario " + cliName);
            }
            values.put(e.getKey(), e.getKey().check(v, maxSize));
        }
        return rule.schedule(new Values(g, values));
    }

    /** As {@link #schedule(ScenarioArguments, BigInteger)} with the largest size any computation accepts. */
    public Schedule schedule(ScenarioArguments a) {
        return schedule(a, ScenarioParameter.MAX_SIZE);
    }

    private static Schedule accumulate(Values v) {
        BigInteger r = v.size(REAL);
        BigInteger s = v.size(SYNTHETIC);
        List<BigInteger> sizes = new ArrayList<>();
        List<Rational> lambdas = new ArrayList<>();
        List<Rational> weights = new ArrayList<>();
        for (int j = 0; j <= v.generations(); j++) {
            BigInteger nj = r.add(s.multiply(BigInteger.valueOf(j)));
            sizes.add(nj);
            lambdas.add(Rational.of(r, nj));
            weights.add(Rational.of(s, nj));
        }
        return Schedule.uniformEarlier(sizes, lambdas, weights);
    }

    private static Uses uses(ScenarioParameter... required) {
        Uses u = new Uses(new java.util.LinkedHashMap<>());
        for (ScenarioParameter p : required) {
            u.defaults.put(p, null);
        }
        return u;
    }

    /** The parameters a scenario uses, each with its default ({@code null}: required). */
    private static final class Uses {
        final Map<ScenarioParameter, @Nullable Rational> defaults;

        Uses(Map<ScenarioParameter, @Nullable Rational> defaults) {
            this.defaults = defaults;
        }

        Uses optional(ScenarioParameter p, Rational defaultValue) {
            defaults.put(p, defaultValue);
            return this;
        }
    }

    /** How a scenario turns its checked parameter values into a schedule. */
    @FunctionalInterface
    private interface Rule {
        Schedule schedule(Values v);
    }

    /** A scenario's parameter values, present and inside their domains. */
    private static final class Values {
        private final int generations;
        private final Map<ScenarioParameter, Rational> values;

        Values(int generations, Map<ScenarioParameter, Rational> values) {
            this.generations = generations;
            this.values = Collections.unmodifiableMap(values);
        }

        int generations() {
            return generations;
        }

        Rational proportion(ScenarioParameter p) {
            return get(p);
        }

        BigInteger size(ScenarioParameter p) {
            return get(p).numerator();
        }

        int whole(ScenarioParameter p) {
            return get(p).numerator().intValueExact();
        }

        private Rational get(ScenarioParameter p) {
            Rational v = values.get(p);
            if (v == null) {
                throw new IllegalStateException("scenario rule reads undeclared parameter " + p.key());
            }
            return v;
        }

        /** The previous-generation schedule with N_j = size(j) and λ_j = lambda(j) for j ≥ 1 (λ_0 = 1). */
        Schedule previous(IntFunction<BigInteger> size, IntFunction<Rational> lambda) {
            List<BigInteger> sizes = new ArrayList<>();
            List<Rational> lambdas = new ArrayList<>();
            for (int j = 0; j <= generations; j++) {
                sizes.add(size.apply(j));
                lambdas.add(j == 0 ? Rational.ONE : lambda.apply(j));
            }
            return Schedule.previousGeneration(sizes, lambdas);
        }
    }
}
