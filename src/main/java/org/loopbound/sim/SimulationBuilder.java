package org.loopbound.sim;

import java.math.BigInteger;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.Schedule;
import org.loopbound.param.ParameterException;

/**
 * The one way from a simulation's parameters, as a user gives them (a scenario with its arguments, p₀ and the names
 * of learner and mixing as text, the rest as numbers), to a {@link SimulationConfig}: {@code loopbound simulate} and
 * every cell of a sweep build their configurations here, so both accept and reject exactly the same inputs. Each
 * setter checks its value once; errors name the parameter by its symbol ({@link ParameterException}). Unset
 * parameters keep the defaults of {@code loopbound simulate}.
 */
public final class SimulationBuilder {

    /** The default replicate count. */
    public static final int DEFAULT_REPLICATES = 100;

    private final Scenario scenario;
    private final Schedule schedule;
    private @Nullable AtomDistribution p0;
    private Learner learner = Learner.empirical();
    private Mixing mixing = Mixing.STRATIFIED;
    private int replicates = DEFAULT_REPLICATES;
    private long seed = 1;
    private Rational delta = Rational.of(1, 100);
    private Rational epsScale = Rational.ONE;
    private Rational alphaTest = Rational.of(1, 1000);
    private Precision precision = Precision.bits(128);

    private SimulationBuilder(Scenario scenario, Schedule schedule) {
        this.scenario = scenario;
        this.schedule = schedule;
    }

    /**
     * A builder for a scenario.
     *
     * @param scenario the scenario
     * @param arguments its arguments
     * @return the builder
     * @throws ParameterException naming the scenario parameter that is missing or outside its domain (sizes up to
     *     {@link SimulationConfig#MAX_SIZE})
     */
    public static SimulationBuilder of(Scenario scenario, ScenarioArguments arguments) {
        return new SimulationBuilder(scenario,
                scenario.schedule(arguments, BigInteger.valueOf(SimulationConfig.MAX_SIZE)));
    }

    /**
     * @param spec p₀ as exact weights or a preset ({@link AtomDistribution#parse})
     * @return this builder
     * @throws ParameterException (symbol {@code p₀}) when the text is not a distribution
     */
    public SimulationBuilder p0(String spec) {
        try {
            this.p0 = AtomDistribution.parse(spec);
        } catch (ParameterException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            throw ParameterException.violates("p₀", m.startsWith("--p0 ") ? m.substring(5) : m);
        }
        return this;
    }

    /**
     * @param name {@code empirical} or {@code add-beta} (any case)
     * @param beta β for add-beta, {@code null} for the empirical learner
     * @return this builder
     * @throws ParameterException naming {@code L} for an unknown name and {@code β} when β is missing, superfluous
     *     or not &gt; 0
     */
    public SimulationBuilder learner(String name, @Nullable Rational beta) {
        String l = name.strip().toLowerCase(Locale.ROOT);
        if (l.equals("empirical")) {
            if (beta != null) {
                throw ParameterException.violates("β", "is only for the add-beta learner");
            }
            this.learner = Learner.empirical();
        } else if (l.equals("add-beta")) {
            if (beta == null) {
                throw ParameterException.missing("β", "by the add-beta learner");
            }
            if (beta.signum() <= 0) {
                throw ParameterException.outside("β", "> 0", beta);
            }
            this.learner = Learner.addBeta(beta);
        } else {
            throw ParameterException.outside("L", "empirical or add-beta", "'" + name + "'");
        }
        return this;
    }

    /**
     * @param name {@code stratified} or {@code iid}
     * @return this builder
     * @throws ParameterException (symbol {@code M}) for another name
     */
    public SimulationBuilder mixing(String name) {
        Mixing m = Mixing.byName(name.strip());
        if (m == null) {
            throw ParameterException.outside("M", "stratified or iid", "'" + name + "'");
        }
        this.mixing = m;
        return this;
    }

    /**
     * @param r replicates, in [1, {@link SimulationConfig#MAX_REPLICATES}]
     * @return this builder
     * @throws ParameterException (symbol {@code R}) outside that range
     */
    public SimulationBuilder replicates(long r) {
        if (r < 1 || r > SimulationConfig.MAX_REPLICATES) {
            throw ParameterException.outside("R", "a whole number in [1, " + SimulationConfig.MAX_REPLICATES + "]", r);
        }
        this.replicates = (int) r;
        return this;
    }

    /**
     * @param s the seed (any long)
     * @return this builder
     */
    public SimulationBuilder seed(long s) {
        this.seed = s;
        return this;
    }

    /**
     * @param d δ in (0, 1)
     * @return this builder
     * @throws ParameterException (symbol {@code δ}) outside (0, 1)
     */
    public SimulationBuilder delta(Rational d) {
        this.delta = open01("δ", d);
        return this;
    }

    /**
     * @param c the falsification factor c &gt; 0 of ε
     * @return this builder
     * @throws ParameterException (symbol {@code c}) when c ≤ 0
     */
    public SimulationBuilder epsScale(Rational c) {
        if (c.signum() <= 0) {
            throw ParameterException.outside("c", "> 0", c);
        }
        this.epsScale = c;
        return this;
    }

    /**
     * @param a the level α_test of the per-generation test, in (0, 1)
     * @return this builder
     * @throws ParameterException (symbol {@code α_test}) outside (0, 1)
     */
    public SimulationBuilder alphaTest(Rational a) {
        this.alphaTest = open01("α_test", a);
        return this;
    }

    /**
     * @param p the working precision of the bounds
     * @return this builder
     */
    public SimulationBuilder precision(Precision p) {
        this.precision = p;
        return this;
    }

    /**
     * Checks what depends on the combination of parameters (whole stratified draws, sizes, the memory of
     * accumulate) without computing the bounds, which cost far more.
     *
     * @throws IllegalArgumentException naming the parameters whose combination is invalid
     */
    public void checkDraws() {
        SimulationConfig.checkDraws(scenario, schedule, p0(), learner, mixing);
    }

    /**
     * @return the configuration
     * @throws IllegalArgumentException naming the parameters whose combination is invalid
     */
    public SimulationConfig build() {
        return new SimulationConfig(scenario, schedule, p0(), learner, mixing, replicates, seed, delta, epsScale,
                alphaTest, precision);
    }

    private AtomDistribution p0() {
        AtomDistribution d = p0;
        if (d == null) {
            throw ParameterException.missing("p₀", "by every simulation");
        }
        return d;
    }

    private static Rational open01(String symbol, Rational v) {
        if (v.signum() <= 0 || v.compareTo(Rational.ONE) >= 0) {
            throw ParameterException.outside(symbol, "in (0, 1)", v);
        }
        return v;
    }
}
