package org.loopbound.sweep;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.param.Domain;
import org.loopbound.param.ParameterException;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.Mixing;
import org.loopbound.sim.SimulationConfig;

/**
 * The parameters of one sweep cell: the options of {@code loopbound simulate} under the same names (without the
 * leading {@code --}), each with its domain, its default and its canonical text. Canonical texts make cell keys
 * stable: rationals print as p/q in lowest terms, whole numbers in decimal, names in lower case.
 */
public final class SweepParameter {
    /** The scenario name (theory.md §1). Required. */
    public static final SweepParameter SCENARIO = new SweepParameter("scenario", null, null, null);
    /** p₀: exact weights or a preset (uniform:k, zipf:k:s, geometric:k:q). Required. */
    public static final SweepParameter P0 = new SweepParameter("p0", null, "p₀", null);
    /** δ in (0, 1). */
    public static final SweepParameter DELTA = new SweepParameter("delta", "1/100", "δ", null);
    /** empirical | add-beta. */
    public static final SweepParameter LEARNER = new SweepParameter("learner", "empirical", "L", null);
    /** β &gt; 0 (add-beta only). */
    public static final SweepParameter BETA = new SweepParameter("beta", null, "β", null);
    /** stratified | iid. */
    public static final SweepParameter MIXING = new SweepParameter("mixing", "stratified", "M", null);
    /** The level of the per-generation binomial test, in (0, 1). */
    public static final SweepParameter ALPHA_TEST = new SweepParameter("alpha-test", "1/1000", "α_test", null);
    /** The falsification factor c &gt; 0 of ε. */
    public static final SweepParameter EPS_SCALE = new SweepParameter("eps-scale", "1", "c", null);
    /** Bits of working precision. */
    public static final SweepParameter PRECISION = new SweepParameter("precision", "128", null, null);

    /** Every parameter: the simulation's own and one per {@link ScenarioParameter}, by key. */
    private static final Map<String, SweepParameter> ALL = all();

    /** The default last generation, as in {@code loopbound simulate}. */
    private static final String DEFAULT_GENERATIONS = "10";

    private final String key;
    private final @Nullable String defaultValue;
    private final @Nullable String symbol;
    private final @Nullable ScenarioParameter scenarioParameter;

    private SweepParameter(String key, @Nullable String defaultValue, @Nullable String symbol,
                           @Nullable ScenarioParameter scenarioParameter) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.symbol = symbol;
        this.scenarioParameter = scenarioParameter;
    }

    /**
     * @param symbol a parameter's symbol, as a {@link ParameterException} names it
     * @return the parameter with that symbol, or {@code null}
     */
    public static @Nullable SweepParameter bySymbol(String symbol) {
        for (SweepParameter p : ALL.values()) {
            if (symbol.equals(p.symbol)) {
                return p;
            }
        }
        return null;
    }

    private static Map<String, SweepParameter> all() {
        Map<String, SweepParameter> m = new LinkedHashMap<>();
        for (SweepParameter p : List.of(SCENARIO, P0)) {
            m.put(p.key, p);
        }
        for (ScenarioParameter sp : ScenarioParameter.values()) {
            m.put(sp.key(), new SweepParameter(sp.key(), scenarioDefault(sp), sp.symbol(), sp));
        }
        for (SweepParameter p : List.of(DELTA, LEARNER, BETA, MIXING, ALPHA_TEST, EPS_SCALE, PRECISION)) {
            m.put(p.key, p);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * The default a cell fills in for a scenario parameter: the last generation of {@code simulate}, or the one
     * default the scenarios declare for it (so that every cell key names it), or none.
     */
    private static @Nullable String scenarioDefault(ScenarioParameter sp) {
        if (sp == ScenarioParameter.GENERATIONS) {
            return DEFAULT_GENERATIONS;
        }
        Rational d = null;
        for (Scenario s : Scenario.values()) {
            Rational v = s.defaultValue(sp);
            if (v != null && sp != ScenarioParameter.LAMBDA) {
                d = v;
            }
        }
        return d == null ? null : d.toString();
    }

    /**
     * @param sp a scenario parameter
     * @return the sweep parameter of the same key
     */
    public static SweepParameter of(ScenarioParameter sp) {
        SweepParameter p = ALL.get(sp.key());
        if (p == null) {
            throw new IllegalStateException("no sweep parameter for " + sp.key());
        }
        return p;
    }

    /** @return every parameter, in a fixed order */
    public static Collection<SweepParameter> values() {
        return ALL.values();
    }

    /** @return the name in grids and cell keys ({@code simulate}'s option without the leading {@code --}) */
    public String key() {
        return key;
    }

    /** @return the default text a cell gets when the grid does not set the parameter, or {@code null} */
    public @Nullable String defaultValue() {
        return defaultValue;
    }

    /**
     * @param key a key
     * @return the parameter with that key, or {@code null}
     */
    public static @Nullable SweepParameter byKey(String key) {
        return ALL.get(key);
    }

    /** @return all keys, comma-separated, for error messages */
    public static String keys() {
        return String.join(", ", ALL.keySet());
    }

    /**
     * The canonical text of a value: rationals as p/q in lowest terms, whole numbers in decimal, names in lower case.
     *
     * @param raw the text from the grid
     * @return the canonical text
     * @throws IllegalArgumentException naming the key and the domain when the value is outside it
     */
    public String canonical(String raw) {
        String t = raw.strip();
        ScenarioParameter sp = scenarioParameter;
        if (sp != null) {
            try {
                return sp.domain(java.math.BigInteger.valueOf(SimulationConfig.MAX_SIZE)).parse(key, t).toString();
            } catch (ParameterException e) {
                throw new IllegalArgumentException(key + " " + e.requirement());
            }
        }
        if (this == SCENARIO) {
            Scenario s = Scenario.byName(t);
            if (s == null) {
                throw new IllegalArgumentException("scenario must be one of " + Scenario.names() + ", got '" + t
                        + "'");
            }
            return s.cliName();
        }
        if (this == P0) {
            return AtomDistribution.parse(t).spec();
        }
        if (this == DELTA || this == ALPHA_TEST) {
            return in(Domain.parse("(0, 1)", false), t).toString();
        }
        if (this == BETA || this == EPS_SCALE) {
            return in(Domain.parse("(0, ∞)", false), t).toString();
        }
        if (this == PRECISION) {
            return in(Domain.whole(Precision.MIN_BITS, Precision.MAX_BITS), t).numerator().toString();
        }
        if (this == LEARNER) {
            String l = t.toLowerCase(Locale.ROOT);
            if (!l.equals("empirical") && !l.equals("add-beta")) {
                throw new IllegalArgumentException("learner must be empirical or add-beta, got '" + t + "'");
            }
            return l;
        }
        Mixing m = Mixing.byName(t);
        if (m == null) {
            throw new IllegalArgumentException("mixing must be stratified or iid, got '" + t + "'");
        }
        return m.cliName();
    }

    @Override
    public String toString() {
        return key;
    }

    /** The value of {@code t} in {@code domain}; the message of a failure names the key, the domain and the text. */
    private Rational in(Domain domain, String t) {
        try {
            return domain.parse(key, t);
        } catch (ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
