package org.loopbound.sweep;

import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.Mixing;
import org.loopbound.sim.SimulationConfig;

/**
 * The parameters of one sweep cell: the options of {@code loopbound simulate} under the same names (without the
 * leading {@code --}), each with its domain, its default and its canonical text. Canonical texts make cell keys
 * stable: rationals print as p/q in lowest terms, whole numbers in decimal, names in lower case.
 */
public enum SweepParameter {
    /** The scenario name (theory.md §1). Required. */
    SCENARIO("scenario", null),
    /** p₀: exact weights or a preset (uniform:k, zipf:k:s, geometric:k:q). Required. */
    P0("p0", null),
    /** N (growing-size: N₀), whole, in [1, 10^12]. */
    N("n", null),
    /** λ in [0, 1]. */
    LAMBDA("lambda", null),
    /** r, whole, in [1, 10^12]. */
    REAL("real", null),
    /** s, whole, in [0, 10^12]. */
    SYNTHETIC("synthetic", null),
    /** The growing-size exponent, in [0, 16]. */
    GROWTH_EXPONENT("growth-exponent", "4"),
    /** The last generation g, in [0, 10^6]. */
    GENERATIONS("generations", "10"),
    /** δ in (0, 1). */
    DELTA("delta", "1/100"),
    /** empirical | add-beta. */
    LEARNER("learner", "empirical"),
    /** β &gt; 0 (add-beta only). */
    BETA("beta", null),
    /** stratified | iid. */
    MIXING("mixing", "stratified"),
    /** The level of the binomial test, in (0, 1). */
    ALPHA_TEST("alpha-test", "1/1000"),
    /** The falsification factor c &gt; 0 applied to ε. */
    EPS_SCALE("eps-scale", "1"),
    /** Working precision of the bounds in bits. */
    PRECISION("precision", "128");

    private static final Rational MAX_SIZE = Rational.of(SimulationConfig.MAX_SIZE);
    private static final int MAX_GENERATIONS = 1_000_000;

    private final String key;
    private final @Nullable String defaultValue;

    SweepParameter(String key, @Nullable String defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    /** The name in grid files, in cell keys and in output columns. */
    public String key() {
        return key;
    }

    /** The canonical default, or {@code null} when the parameter has none (required or scenario-specific). */
    public @Nullable String defaultValue() {
        return defaultValue;
    }

    /** The parameter with this grid name, or {@code null}. */
    public static @Nullable SweepParameter byKey(String key) {
        for (SweepParameter p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        return null;
    }

    /** All grid names, comma-separated, for error messages. */
    public static String keys() {
        StringBuilder b = new StringBuilder();
        for (SweepParameter p : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(p.key);
        }
        return b.toString();
    }

    /**
     * The canonical text of {@code raw} as a value of this parameter.
     *
     * @throws IllegalArgumentException naming the parameter and its domain when {@code raw} is outside it
     */
    public String canonical(String raw) {
        String t = raw.strip();
        switch (this) {
            case SCENARIO: {
                Scenario s = Scenario.byName(t);
                if (s == null) {
                    throw new IllegalArgumentException("scenario must be one of " + Scenario.names() + ", got '" + t
                            + "'");
                }
                return s.cliName();
            }
            case P0:
                return AtomDistribution.parse(t).spec();
            case N:
                return whole(t, 1, "[1, 10^12]");
            case REAL:
                return whole(t, 1, "[1, 10^12]");
            case SYNTHETIC:
                return whole(t, 0, "[0, 10^12]");
            case LAMBDA:
                return within(t, Rational.ZERO, true, Rational.ONE, true, "[0, 1]");
            case DELTA:
            case ALPHA_TEST:
                return within(t, Rational.ZERO, false, Rational.ONE, false, "(0, 1)");
            case BETA:
            case EPS_SCALE:
                return within(t, Rational.ZERO, false, null, false, "(0, ∞)");
            case GROWTH_EXPONENT:
                return Integer.toString(integer(t, 0, 16));
            case GENERATIONS:
                return Integer.toString(integer(t, 0, MAX_GENERATIONS));
            case PRECISION:
                return Integer.toString(integer(t, Precision.MIN_BITS, Precision.MAX_BITS));
            case LEARNER: {
                String l = t.toLowerCase(Locale.ROOT);
                if (!l.equals("empirical") && !l.equals("add-beta")) {
                    throw new IllegalArgumentException("learner must be empirical or add-beta, got '" + t + "'");
                }
                return l;
            }
            case MIXING: {
                Mixing m = Mixing.byName(t);
                if (m == null) {
                    throw new IllegalArgumentException("mixing must be stratified or iid, got '" + t + "'");
                }
                return m.cliName();
            }
            default:
                throw new AssertionError(this);
        }
    }

    private Rational number(String t) {
        try {
            return Rational.parse(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an exact number: " + e.getMessage());
        }
    }

    private String whole(String t, long min, String domain) {
        Rational v = number(t);
        if (!v.isInteger() || v.compareTo(Rational.of(min)) < 0 || v.compareTo(MAX_SIZE) > 0) {
            throw new IllegalArgumentException(key + " must be a whole number in " + domain + ", got " + v);
        }
        return v.toString();
    }

    private String within(String t, Rational lo, boolean loClosed, @Nullable Rational hi, boolean hiClosed,
                          String domain) {
        Rational v = number(t);
        int cLo = v.compareTo(lo);
        boolean ok = loClosed ? cLo >= 0 : cLo > 0;
        if (hi != null) {
            int cHi = v.compareTo(hi);
            ok &= hiClosed ? cHi <= 0 : cHi < 0;
        }
        if (!ok) {
            throw new IllegalArgumentException(key + " must be in " + domain + ", got " + v);
        }
        return v.toString();
    }

    private int integer(String t, int min, int max) {
        Rational v = number(t);
        if (!v.isInteger() || v.compareTo(Rational.of(min)) < 0 || v.compareTo(Rational.of(max)) > 0) {
            throw new IllegalArgumentException(key + " must be a whole number in [" + min + ", " + max + "], got "
                    + v);
        }
        return v.numerator().intValueExact();
    }
}
