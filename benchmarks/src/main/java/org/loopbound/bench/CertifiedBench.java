package org.loopbound.bench;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.EmpiricalLearnerError;
import org.loopbound.bound.P2UnrolledPhaseTransition;
import org.loopbound.bound.R3UnrolledBound;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.bound.Schedule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The certified computations mpmath_ref.py mirrors: the R3 recursion B_0..B_g at a fixed precision with the
 * enclosed ε of EPS-EMP (fixed-proportion: N = 1000, k = 10, δ = 1/1000, λ = 1/10; ε is enclosed once in the set-up,
 * as on the mpmath side), and the certified P2 maximiser for α = 1/2, b = 1, r = 100, i generations, to a width.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CertifiedBench {

    @Param({"100000"})
    public int generations;

    @Param({"200"})
    public int bits;

    @Param({"10"})
    public int p2Generations;

    @Param({"1e-30"})
    public String width;

    private Schedule schedule;
    private List<Certified> eps;
    private Precision precision;

    /** The schedule and ε_0..ε_g; not timed. */
    @Setup
    public void setUp() {
        precision = Precision.bits(bits);
        schedule = Scenario.FIXED_PROPORTION.schedule(ScenarioArguments.of(generations)
                .with(ScenarioParameter.N, BigInteger.valueOf(1000))
                .with(ScenarioParameter.LAMBDA, Rational.of(1, 10)));
        eps = Collections.nCopies(generations + 1, Certified.enclosed(EmpiricalLearnerError.epsilon(
                BigInteger.valueOf(1000), Rational.of(1, 1000), 10, precision)));
    }

    /** B_0..B_g by R3's recursion, every B_i kept. */
    @Benchmark
    public List<Certified> r3() {
        return R3UnrolledBound.recursion(schedule, eps, precision);
    }

    /** The certified enclosure of s* (P2), with the sign change of F_i′ at its ends. */
    @Benchmark
    public P2UnrolledPhaseTransition.Maximizer p2() {
        return P2UnrolledPhaseTransition.maximizer(Rational.of(1, 2), Rational.ONE, Rational.of(100), p2Generations,
                Rational.parse(width), Precision.bits(128));
    }
}
