package org.loopbound.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.io.InputFileException;
import org.loopbound.param.ParameterException;
import org.loopbound.sim.Mixing;
import org.loopbound.sim.ReplicateResult;
import org.loopbound.sim.SimulationBuilder;
import org.loopbound.sim.SimulationConfig;
import org.loopbound.sim.Simulator;
import org.loopbound.stats.MeanInterval;

/** The oracle's parts: Holm's adjustment, the exact moment recursion, and the strict CSV reader. */
class OracleTest {

    @Test
    void holmAdjustsStepDown() {
        // Sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, max(0.06, 0.04·1) = 0.06.
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}),
                1e-15);
        assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.7, 0.9}), 0);
        assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[] {Double.NaN}));
    }

    @Test
    void fullySyntheticMomentsHaveTheClosedForm() {
        for (Mixing m : Mixing.values()) {
            SimulationConfig c = config("fully-synthetic", Map.of(ScenarioParameter.N, 7L), 12, m);
            CountMoments moments = CountMoments.of(c.schedule(), m);
            for (int i = 0; i <= 12; i++) {
                assertEquals(1 - Math.pow(1 - 1.0 / 7, i + 1), moments.a(i), 1e-14, m + " generation " + i);
            }
        }
    }

    /**
     * E[1 − Σ p̂²] = (1 − a_i)(1 − Σ p₀²) against loopbound's own simulator, whose 99.9 % t-interval (Bonferroni over
     * the generations, fixed seed) must contain it, for both mixings and a scenario that draws from every earlier
     * model.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"fixed-proportion, stratified", "fixed-proportion, iid", "accumulate, stratified",
        "accumulate, iid", "fully-synthetic, stratified"})
    void momentIdentitiesAgreeWithTheSimulator(String scenario, String mixing) throws InterruptedException {
        int g = 6;
        Map<ScenarioParameter, Long> sizes = scenario.equals("accumulate")
                ? Map.of(ScenarioParameter.REAL, 4L, ScenarioParameter.SYNTHETIC, 4L) : Map.of(ScenarioParameter.N, 6L);
        Mixing m = Mixing.byName(mixing);
        SimulationConfig c = config(scenario, sizes, g, m);
        CountMoments moments = CountMoments.of(c.schedule(), m);
        List<ReplicateResult> results = new Simulator(c).run(2, Map.of(), r -> { }, u -> { });
        double squares = 1.0 / 4 + 1.0 / 9 + 1.0 / 36;
        for (int i = 0; i <= g; i++) {
            double[] gs = new double[results.size()];
            for (int r = 0; r < gs.length; r++) {
                gs[r] = results.get(r).giniSimpson(i);
            }
            MeanInterval ci = MeanInterval.of(gs, 1 - 1e-3 / (g + 1));
            double expected = (1 - moments.a(i)) * (1 - squares);
            assertTrue(ci.contains(expected), scenario + " " + mixing + " generation " + i + ": " + expected
                    + " outside " + ci);
        }
    }

    private static SimulationConfig config(String scenario, Map<ScenarioParameter, Long> sizes, int g, Mixing m) {
        ScenarioArguments a = ScenarioArguments.of(g);
        for (Map.Entry<ScenarioParameter, Long> e : sizes.entrySet()) {
            a = a.with(e.getKey(), e.getValue());
        }
        if (scenario.equals("fixed-proportion")) {
            a = a.with(ScenarioParameter.LAMBDA, org.loopbound.arith.Rational.of(1, 3));
        }
        return SimulationBuilder.of(Scenario.byName(scenario), a).p0("1/2,1/3,1/6").mixing(m.cliName())
                .replicates(20_000).seed(18).build();
    }

    private static Observations read(String csv) {
        return ObservationsCsv.read(csv, "r.csv", List.of(2L, 2L), 2);
    }

    @Test
    void csvIsReadStrictlyWithLineNumbers() {
        Observations o = read("generation,replicate,tv,count_0,count_1\n0,0,0,1,1\n1,0,1/2,2,0\n0,1,0.5,0,2\n"
                + "1,1,0,1,1\n");
        assertEquals(1, o.generations());
        assertEquals(2, o.replicates());
        assertEquals(2, o.atoms());
        assertArrayEquals(new double[] {0.5, 0}, o.tv(1));
        assertArrayEquals(new long[] {0, 2}, o.counts(0, 1));
        assertError("line 3: tv must be in [0, 1], got 3/2",
                "replicate,generation,tv\n0,0,0\n0,1,3/2\n1,0,0\n1,1,0\n");
        assertError("line 2: tv must be a number in [0, 1] (e.g. 0.25, 1e-3, 1/3), got 'NaN'",
                "replicate,generation,tv\n0,0,NaN\n");
        assertError("line 1: has no column 'tv'", "replicate,generation\n0,0\n");
        assertError("line 1: unknown column 'entropy'", "replicate,generation,tv,entropy\n0,0,0,0\n");
        assertError("line 1: has 1 count columns", "replicate,generation,tv,count_0\n0,0,0,2\n");
        assertError("line 4: replicate 0 already has generation 0 (line 2)",
                "replicate,generation,tv\n0,0,0\n0,1,0\n0,0,0\n");
        assertError("line 3: generation 2 is beyond the declared last generation i = 1",
                "replicate,generation,tv\n0,0,0\n0,2,0\n");
        assertError("line 2: count_0..count_1 sum to 3, but the declared configuration has N_0 = 2",
                "replicate,generation,tv,count_0,count_1\n0,0,0,2,1\n");
        assertSyntaxError("line 2: expected 3 fields (as the header has), found 2", "replicate,generation,tv\n0,0\n");
        assertError("replicate 1 has no row for generation 1",
                "replicate,generation,tv\n0,0,0\n0,1,0\n1,0,0\n");
        assertError("needs at least 2 replicates, got 1", "replicate,generation,tv\n0,0,0\n0,1,0\n");
        assertError("line 2: replicate must be a whole number >= 0, got '-1'", "replicate,generation,tv\n-1,0,0\n");
        assertSyntaxError("line 3: a quoted field is never closed (unterminated quote)",
                "replicate,generation,tv\n0,0,0\n0,1,\"0\n");
        assertSyntaxError("line 1: the header names the column 'tv' twice", "replicate,generation,tv,tv\n");
    }

    /** CSV syntax is io.CsvTable's, the one strict reader that check uses too: its errors name the file and line. */
    private static void assertSyntaxError(String expected, String csv) {
        InputFileException e = assertThrows(InputFileException.class, () -> read(csv));
        assertTrue(e.getMessage().contains("r.csv") && e.getMessage().contains(expected), e.getMessage());
    }

    private static void assertError(String expected, String csv) {
        ParameterException e = assertThrows(ParameterException.class, () -> read(csv));
        assertEquals(ObservationsCsv.SYMBOL, e.symbol());
        assertTrue(e.requirement().contains(expected), e.getMessage());
    }
}
