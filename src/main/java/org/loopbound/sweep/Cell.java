package org.loopbound.sweep;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.param.ParameterException;
import org.loopbound.sim.SimulationBuilder;
import org.loopbound.sim.ReplicateStreams;
import org.loopbound.sim.SimulationConfig;

/**
 * One point of a grid: every parameter of the simulation with its canonical text (fixed and swept alike, defaults
 * filled in), its position in the grid's enumeration, and its canonical key {@code name=value;…} with the names in
 * sorted order. The key, not the position, determines the cell's randomness: the same parameters give the same
 * results in any grid that contains them.
 */
public final class Cell {

    private final long index;
    private final SortedMap<String, String> parameters;
    private final String key;

    private Cell(long index, SortedMap<String, String> parameters) {
        this.index = index;
        this.parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : this.parameters.entrySet()) {
            b.append(b.length() == 0 ? "" : ";").append(e.getKey()).append('=').append(e.getValue());
        }
        this.key = b.toString();
    }

    /** A cell at position {@code index} with these canonical parameter texts (grid name → text). */
    static Cell of(long index, Map<String, String> parameters) {
        return new Cell(index, new TreeMap<>(parameters));
    }

    /** The position in the grid's enumeration (0-based; the last axis in name order varies fastest). */
    public long index() {
        return index;
    }

    /** Grid name → canonical text, in name order. */
    public SortedMap<String, String> parameters() {
        return parameters;
    }

    /** The canonical key {@code name=value;…} (names sorted; values canonical). */
    public String key() {
        return key;
    }

    /** The seed of this cell's replicate streams: {@link ReplicateStreams#cellSeed}(seed, key). */
    public long cellSeed(long seed) {
        return ReplicateStreams.cellSeed(seed, key);
    }

    /**
     * Checks that the cell is a valid simulation (every check of {@link #config} except the bounds' computation,
     * which is the expensive part): required parameters present, stratified draws whole, sizes within bounds.
     *
     * @throws IllegalArgumentException naming the parameter (by its grid key) when the combination is invalid
     */
    public void check() {
        byKeys(() -> {
            builder().checkDraws();
            return this;
        });
    }

    /**
     * The simulation of this cell with {@code replicates} replicates and the cell seed derived from {@code seed}.
     *
     * @param seed the grid's seed
     * @param replicates the grid's replicates per cell
     * @return the configuration
     * @throws IllegalArgumentException naming the parameter (by its grid key) when the combination is invalid (a
     *     parameter the scenario needs is missing, stratified draws are not whole, …)
     */
    public SimulationConfig config(long seed, int replicates) {
        return byKeys(() -> builder().replicates(replicates).seed(cellSeed(seed))
                .delta(Rational.parse(require(SweepParameter.DELTA)))
                .epsScale(Rational.parse(require(SweepParameter.EPS_SCALE)))
                .alphaTest(Rational.parse(require(SweepParameter.ALPHA_TEST)))
                .precision(Precision.bits(Integer.parseInt(require(SweepParameter.PRECISION)))).build());
    }

    /** The simulation's builder from this cell's texts: the same path as {@code loopbound simulate}'s options. */
    private SimulationBuilder builder() {
        Scenario scenario = Scenario.byName(require(SweepParameter.SCENARIO));
        if (scenario == null) {
            throw new IllegalArgumentException("scenario: unknown scenario '" + get(SweepParameter.SCENARIO) + "'");
        }
        ScenarioArguments arguments = ScenarioArguments.of(0);
        for (ScenarioParameter sp : ScenarioParameter.values()) {
            arguments = arguments.withIfPresent(sp, rational(SweepParameter.of(sp)));
        }
        return SimulationBuilder.of(scenario, arguments).p0(require(SweepParameter.P0))
                .learner(require(SweepParameter.LEARNER), rational(SweepParameter.BETA))
                .mixing(require(SweepParameter.MIXING));
    }

    /** Runs {@code body}, turning a domain error's symbol into the grid key that names the parameter. */
    private static <T> T byKeys(java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (ParameterException e) {
            SweepParameter p = SweepParameter.bySymbol(e.symbol());
            throw new IllegalArgumentException((p == null ? e.symbol() : p.key()) + " " + e.requirement(), e);
        }
    }

    private @Nullable String get(SweepParameter p) {
        return parameters.get(p.key());
    }

    private String require(SweepParameter p) {
        String v = get(p);
        if (v == null) {
            throw new IllegalArgumentException(p.key() + " is required");
        }
        return v;
    }

    private @Nullable Rational rational(SweepParameter p) {
        String v = get(p);
        return v == null ? null : Rational.parse(v);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Cell && ((Cell) o).index == index && ((Cell) o).key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Long.hashCode(index);
    }

    @Override
    public String toString() {
        return "cell " + index + " {" + key + "}";
    }
}
