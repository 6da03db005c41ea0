package org.loopbound.cli;

import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.bound.Schedule;
import org.loopbound.param.Domain;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The scenario options of a command, derived from the scenario declarations ({@link Scenario},
 * {@link ScenarioParameter}): {@code --scenario} and one option {@code --key} per parameter, labelled by its symbol,
 * its help text naming the scenarios that use it. A command that has them implements {@link Command} and names
 * {@link Install} as its picocli model transformer, which adds the options to the command's model; what differs
 * between commands (default scenario and last generation, the sizes a command can afford, whether N is a single
 * value) is given when the command creates its {@code ScenarioOptions}.
 */
final class ScenarioOptions {

    /** A command with scenario options. */
    interface Command {
        /** @return the command's scenario options */
        ScenarioOptions scenarioOptions();
    }

    /** picocli's model transformer that adds a {@link Command}'s scenario options to its model. */
    static final class Install implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            ((Command) spec.userObject()).scenarioOptions().addTo(spec);
            return spec;
        }
    }

    /**
     * The domain of a command's scenario: last generation at most {@code maxGenerations}, sizes N in
     * [{@code minSize}, {@code maxSize}] (r and s share the upper limit).
     */
    record Limits(int maxGenerations, long minSize, BigInteger maxSize) {
        /** Closed-form bounds: sizes only enter rational arithmetic. */
        static final Limits BOUND = new Limits(ScenarioParameter.MAX_GENERATIONS, 1, ScenarioParameter.MAX_SIZE);
    }

    private final Limits limits;
    private final @Nullable Scenario defaultScenario;
    private final int defaultGenerations;
    private final boolean withSize;
    private @Nullable CommandSpec spec;

    private ScenarioOptions(Limits limits, @Nullable Scenario defaultScenario, int defaultGenerations,
            boolean withSize) {
        this.limits = limits;
        this.defaultScenario = defaultScenario;
        this.defaultGenerations = defaultGenerations;
        this.withSize = withSize;
    }

    /**
     * Options with a required {@code --scenario} and a single N.
     *
     * @param limits the command's domain
     * @param defaultGenerations the default last generation
     * @return the options
     */
    static ScenarioOptions of(Limits limits, int defaultGenerations) {
        return new ScenarioOptions(limits, null, defaultGenerations, true);
    }

    /**
     * Options with a default scenario.
     *
     * @param limits the command's domain
     * @param defaultScenario the scenario when {@code --scenario} is not given
     * @param defaultGenerations the default last generation
     * @param withSize whether {@code --n} is one of these options (false when the command takes a list of N)
     * @return the options
     */
    static ScenarioOptions of(Limits limits, Scenario defaultScenario, int defaultGenerations, boolean withSize) {
        return new ScenarioOptions(limits, defaultScenario, defaultGenerations, withSize);
    }

    private void addTo(CommandSpec target) {
        List<String> lines = new ArrayList<>();
        lines.add("The scenario (theory.md section 1)" + (defaultScenario == null ? ", required:"
                : ", default " + defaultScenario.cliName() + ":"));
        for (Scenario s : Scenario.values()) {
            lines.add("  " + s.cliName() + ": " + s.description());
        }
        OptionSpec.Builder scenario = OptionSpec.builder("--scenario").paramLabel("NAME").type(String.class)
                .description(lines.toArray(new String[0]));
        if (defaultScenario != null) {
            scenario.defaultValue(defaultScenario.cliName());
        }
        target.addOption(scenario.build());
        for (ScenarioParameter p : ScenarioParameter.values()) {
            if (p == ScenarioParameter.N && !withSize) {
                continue;
            }
            OptionSpec.Builder o = OptionSpec.builder("--" + p.key()).paramLabel(p.symbol()).type(Rational.class)
                    .userObject(domain(p)).description(help(p));
            if (p == ScenarioParameter.GENERATIONS) {
                o.defaultValue(Integer.toString(defaultGenerations));
            }
            target.addOption(o.build());
        }
        this.spec = target;
    }

    /** The domain of a parameter in this command: the parameter's own, within the command's limits. */
    private Domain domain(ScenarioParameter p) {
        return p == ScenarioParameter.GENERATIONS ? Domain.whole(0, limits.maxGenerations())
                : p == ScenarioParameter.N ? Domain.whole(BigInteger.valueOf(limits.minSize()), limits.maxSize())
                : p.domain(limits.maxSize());
    }

    /** The help text of a parameter: meaning, the scenarios that use it and their defaults (the domain is added). */
    private String help(ScenarioParameter p) {
        StringBuilder b = new StringBuilder(p.meaning());
        if (p == ScenarioParameter.GENERATIONS) {
            return b.append(leastGenerations()).append(" (default: ").append(defaultGenerations).append(").")
                    .toString();
        }
        List<String> users = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            if (s.parameters().contains(p)) {
                Rational d = s.defaultValue(p);
                users.add(s.cliName() + (d == null ? "" : " (default " + d + ")"));
            }
        }
        return b.append(". Used by ").append(String.join(", ", users)).append('.').toString();
    }

    /** The scenarios that need more than generation 0, e.g. " (last-injection: >= 1)", from their declarations. */
    private static String leastGenerations() {
        List<String> parts = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            if (s.minGenerations() > 0) {
                parts.add(s.cliName() + ": >= " + s.minGenerations());
            }
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** The scenario named by {@code --scenario}; a usage error when it is missing or unknown. */
    Scenario scenario() {
        String name = raw("--scenario");
        if (name == null) {
            throw new UsageError("--scenario is required (one of " + Scenario.names() + ")");
        }
        Scenario sc = Scenario.byName(name);
        if (sc == null) {
            throw new UsageError("--scenario must be one of " + Scenario.names() + ", got '"
                    + org.loopbound.param.ParameterException.cut(name) + "'");
        }
        return sc;
    }

    /** The arguments given (each in its domain: the options' converters checked them). */
    ScenarioArguments arguments() {
        ScenarioArguments a = ScenarioArguments.of(0);
        for (ScenarioParameter p : ScenarioParameter.values()) {
            Rational v = p == ScenarioParameter.N && !withSize ? null : value("--" + p.key());
            if (v != null) {
                a = a.with(p, v);
            }
        }
        return a;
    }

    /**
     * The schedule these options describe, checked against the command's limits.
     *
     * @return the schedule
     * @throws org.loopbound.param.ParameterException naming the symbol of the first value outside its domain
     */
    Schedule schedule() {
        return schedule(arguments());
    }

    /** The schedule with N = {@code n} (for commands that take a list of N). */
    Schedule schedule(Rational n) {
        return schedule(arguments().with(ScenarioParameter.N, n));
    }

    private Schedule schedule(ScenarioArguments a) {
        Rational n = a.get(ScenarioParameter.N);
        if (n != null) {
            domain(ScenarioParameter.N).check(ScenarioParameter.N.symbol(), n);
        }
        return scenario().schedule(a, limits.maxSize());
    }

    /** The last generation i given (or the command's default). */
    int generations() {
        Rational g = arguments().get(ScenarioParameter.GENERATIONS);
        return g == null ? defaultGenerations : g.numerator().intValueExact();
    }

    /** Adds the scenario and its parameters as given (exact strings) to a JSON {@code parameters} object. */
    void describe(JsonObject params) {
        Scenario sc = scenario();
        params.addProperty("scenario", sc.cliName());
        ScenarioArguments a = arguments();
        Rational g = a.get(ScenarioParameter.GENERATIONS);
        params.addProperty("generations", g == null ? defaultGenerations : g.numerator().intValueExact());
        for (ScenarioParameter p : ScenarioParameter.values()) {
            Rational v = a.get(p);
            if (p == ScenarioParameter.GENERATIONS || v == null) {
                continue;
            }
            if (p == ScenarioParameter.GROWTH_EXPONENT) {
                if (sc == Scenario.GROWING_SIZE) {
                    params.addProperty("growth_exponent", v.numerator().intValueExact());
                }
                continue;
            }
            params.addProperty(p.key(), v.toString());
        }
        if (sc == Scenario.GROWING_SIZE && a.get(ScenarioParameter.GROWTH_EXPONENT) == null) {
            Rational d = sc.defaultValue(ScenarioParameter.GROWTH_EXPONENT);
            params.addProperty("growth_exponent", d == null ? 0 : d.numerator().intValueExact());
        }
    }

    private @Nullable Rational value(String option) {
        OptionSpec o = spec().findOption(option);
        return o == null ? null : o.getValue();
    }

    private @Nullable String raw(String option) {
        OptionSpec o = spec().findOption(option);
        return o == null ? null : o.getValue();
    }

    private CommandSpec spec() {
        CommandSpec s = spec;
        if (s == null) {
            throw new IllegalStateException("scenario options used before picocli installed them");
        }
        return s;
    }
}
