package org.loopbound.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Dyadic;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.exact.Arithmetic;
import org.loopbound.exact.ExactLoop;
import org.loopbound.exact.GenerationLaw;
import org.loopbound.exact.TvAtom;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.Learner;
import org.loopbound.sim.Mixing;
import org.loopbound.sim.SimulationConfig;

/**
 * The exact chain's targets of issue 16 (k = 2, N = 2000, 100 generations; k = 3, N = 100, 50 generations; each under
 * 60 s on one core), as a main-method harness: JMH is not needed for runs of seconds, and the harness also reports
 * what the targets are about besides time, the widest enclosure of each run.
 *
 * <p>Each workload is evaluated under certified arithmetic with the R3 bounds of {@code simulate} (δ = 1/100), so
 * P(TV &gt; B_i) is part of the work; the bounds are built before the clock starts. Per run: wall time, CPU time of
 * the evaluating thread (the machine is shared, so wall time includes waiting), and the widest probability or
 * expectation enclosure over all generations. Run pinned to one core:
 * {@code taskset -c 0 java -cp <classes:deps> org.loopbound.bench.ExactTiming [repeats]}.
 */
public final class ExactTiming {

    private ExactTiming() {
    }

    /** Runs every workload {@code args[0]} times (default 3) and prints one line per run and a median line. */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String[][] workloads = {
            {"fully-synthetic", "1/3,2/3", "2000", "100", "1/10", "iid"},
            {"fixed-proportion", "1/3,2/3", "2000", "100", "1/10", "iid"},
            {"fixed-proportion", "1/3,2/3", "2000", "100", "1/2", "stratified"},
            {"fully-synthetic", "1/2,1/4,1/4", "100", "50", "1/10", "iid"},
            {"fixed-proportion", "1/2,1/4,1/4", "100", "50", "1/10", "iid"},
            {"fixed-proportion", "1/2,1/4,1/4", "100", "50", "1/2", "stratified"},
        };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String[] w : workloads) {
            Scenario sc = Scenario.byName(w[0]);
            SimulationConfig config = new SimulationConfig(sc, sc.schedule(ScenarioArguments.of(Integer.parseInt(w[3]))
                    .with(ScenarioParameter.N, new BigInteger(w[2])).with(ScenarioParameter.LAMBDA, Rational.parse(w[4]))
                    .with(ScenarioParameter.GROWTH_EXPONENT, 0)),
                    AtomDistribution.parse(w[1]), Learner.empirical(), Mixing.byName(w[5]), 1, 1,
                    Rational.of(1, 100), Rational.ONE, Rational.of(1, 1000), Precision.bits(128));
            List<Certified> bounds = config.bounds();
            String name = String.format(Locale.ROOT, "%s p0=%s N=%s g=%s lambda=%s %s", w[0], w[1], w[2], w[3],
                    w[0].equals("fully-synthetic") ? "0" : w[4], w[5]);
            double[] wall = new double[repeats];
            double[] cpu = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                ExactLoop loop = ExactLoop.of(sc, config.schedule(), config.p0(), config.learner(), config.mixing());
                List<GenerationLaw> laws = loop.run(Arithmetic.CERTIFIED, bounds);
                wall[r] = (System.nanoTime() - t0) / 1e9;
                cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                System.out.printf(Locale.ROOT, "%s: run %d wall %.2f s, thread CPU %.2f s, widest enclosure %.3g%n",
                        name, r + 1, wall[r], cpu[r], widest(laws));
            }
            System.out.printf(Locale.ROOT, "%s: median wall %.2f s, median thread CPU %.2f s%n", name,
                    median(wall), median(cpu));
        }
    }

    private static double widest(List<GenerationLaw> laws) {
        List<Certified> all = new ArrayList<>();
        for (GenerationLaw l : laws) {
            all.add(l.expectedTv());
            all.add(l.expectedGiniSimpson());
            if (l.violationProbability() != null) {
                all.add(l.violationProbability());
            }
            for (TvAtom a : l.tvDistribution()) {
                all.add(a.probability());
            }
        }
        Dyadic w = Dyadic.ZERO;
        for (Certified c : all) {
            w = w.max(c.enclosure().width());
        }
        return w.doubleValue();
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
