package org.loopbound.bound;

import java.math.BigInteger;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;

/**
 * The values given for a scenario's parameters, by {@link ScenarioParameter}; absent ones are not set. Immutable:
 * {@link #with} returns a new value. Which parameters a scenario needs, their defaults and domains are the
 * scenario's declaration ({@link Scenario#schedule}), not this value's.
 */
public final class ScenarioArguments {

    private final Map<ScenarioParameter, Rational> values;

    private ScenarioArguments(Map<ScenarioParameter, Rational> values) {
        this.values = values;
    }

    /**
     * The arguments with only the last generation set.
     *
     * @param generations the last generation i (generations 0..i)
     * @return the arguments
     */
    public static ScenarioArguments of(long generations) {
        return new ScenarioArguments(Collections.emptyMap()).with(ScenarioParameter.GENERATIONS, generations);
    }

    /**
     * These arguments with one more value, or a value replaced.
     *
     * @param parameter the parameter
     * @param value its value (checked against its domain only when a scenario uses it)
     * @return the new arguments
     */
    public ScenarioArguments with(ScenarioParameter parameter, Rational value) {
        Map<ScenarioParameter, Rational> m = new EnumMap<>(ScenarioParameter.class);
        m.putAll(values);
        m.put(parameter, value);
        return new ScenarioArguments(Collections.unmodifiableMap(m));
    }

    /** As {@link #with(ScenarioParameter, Rational)} for a whole number. */
    public ScenarioArguments with(ScenarioParameter parameter, long value) {
        return with(parameter, Rational.of(value));
    }

    /** As {@link #with(ScenarioParameter, Rational)} for a whole number. */
    public ScenarioArguments with(ScenarioParameter parameter, BigInteger value) {
        return with(parameter, Rational.of(value, BigInteger.ONE));
    }

    /**
     * These arguments with {@code parameter} set when {@code value} is not {@code null}.
     *
     * @param parameter the parameter
     * @param value its value, or {@code null} for "not given"
     * @return the new arguments, or these when {@code value} is {@code null}
     */
    public ScenarioArguments withIfPresent(ScenarioParameter parameter, @Nullable Rational value) {
        return value == null ? this : with(parameter, value);
    }

    /**
     * @param parameter a parameter
     * @return its value, or {@code null} when it was not given
     */
    public @Nullable Rational get(ScenarioParameter parameter) {
        return values.get(parameter);
    }

    /** @return the values given, by parameter, in declaration order */
    public Map<ScenarioParameter, Rational> values() {
        return values;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ScenarioArguments && ((ScenarioArguments) o).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
