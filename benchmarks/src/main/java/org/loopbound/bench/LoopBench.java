package org.loopbound.bench;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.Learner;
import org.loopbound.sim.Mixing;
import org.loopbound.sim.ReplicateResult;
import org.loopbound.sim.SimulationConfig;
import org.loopbound.sim.Simulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The discrete loop, the workload numpy_loop.py runs: p₀ = uniform:k, empirical learner, stratified mixing, exact TV
 * (and the other per-generation measures) of every generation of every replicate. The configuration (plans and the
 * certified bounds B_i) is built in the set-up; only {@link Simulator#run} is timed, as only the loop is timed on
 * the NumPy side. One invocation is one whole run, so the mode is single-shot time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class LoopBench {

    @Param({"fixed-proportion"})
    public String scenario;

    @Param({"1000"})
    public int k;

    @Param({"1000000"})
    public long n;

    @Param({"1/2"})
    public String lambda;

    @Param({"200"})
    public int generations;

    @Param({"64"})
    public int replicates;

    @Param({"1"})
    public int threads;

    private SimulationConfig config;

    /** Builds the configuration; not timed. */
    @Setup(Level.Trial)
    public void setUp() {
        Scenario sc = Scenario.byName(scenario);
        if (sc == null) {
            throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        config = new SimulationConfig(sc, sc.schedule(ScenarioArguments.of(generations)
                .with(ScenarioParameter.N, BigInteger.valueOf(n))
                .with(ScenarioParameter.LAMBDA, Rational.parse(lambda))
                .with(ScenarioParameter.GROWTH_EXPONENT, 0)), AtomDistribution.parse("uniform:" + k),
                Learner.empirical(), Mixing.STRATIFIED, replicates, 1, Rational.of(1, 100), Rational.ONE,
                Rational.of(1, 1000), Precision.bits(64));
    }

    /** One run of every replicate on {@code threads} threads. */
    @Benchmark
    public List<ReplicateResult> loop() throws InterruptedException {
        return new Simulator(config).run(threads, Map.of(), r -> { }, g -> { });
    }
}
