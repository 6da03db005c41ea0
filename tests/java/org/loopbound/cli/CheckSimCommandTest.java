package org.loopbound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopbound.arith.Rational;
import org.loopbound.exact.ExactLoop;
import org.loopbound.exact.GenerationLaw;
import org.loopbound.exact.TvAtom;
import org.loopbound.sim.ReplicateResult;
import org.loopbound.sim.SimulationBuilder;
import org.loopbound.sim.SimulationConfig;
import org.loopbound.sim.Simulator;

/**
 * {@code check-sim} from the command line: results written from loopbound's own simulator pass (under both ground
 * truths), the same results labelled one generation late fail, and bad input exits 2 with one line naming the CSV
 * line or the option.
 */
class CheckSimCommandTest {

    private static final String[] LOOP = {"--scenario", "fully-synthetic", "--p0", "1/2,1/4,1/4", "--n", "12",
        "--generations", "4"};

    @TempDir
    Path dir;

    /** The CSV of loopbound's own simulation of LOOP (seed 77), optionally with every generation label shifted. */
    private Path ownResults(int shift) throws IOException, InterruptedException {
        SimulationConfig c = SimulationBuilder.of(org.loopbound.bound.Scenario.FULLY_SYNTHETIC,
                org.loopbound.bound.ScenarioArguments.of(4 + shift).with(org.loopbound.bound.ScenarioParameter.N, 12))
                .p0("1/2,1/4,1/4").replicates(400).seed(77).build();
        StringBuilder b = new StringBuilder("replicate,generation,tv,gini_simpson\n");
        for (ReplicateResult r : new Simulator(c).run(1, java.util.Map.of(), x -> { }, u -> { })) {
            for (int i = shift; i <= 4 + shift; i++) {
                Rational tv = Rational.of(r.tvNumerator(i), c.tvDenominator(i));
                b.append(r.replicate()).append(',').append(i - shift).append(',').append(tv).append(',')
                        .append(r.giniSimpson(i)).append('\n');
            }
        }
        Path p = dir.resolve("own-" + shift + ".csv");
        Files.writeString(p, b.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static CliRunner.Result run(Path csv, String... extra) {
        String[] args = new String[2 + LOOP.length + extra.length];
        args[0] = "check-sim";
        args[1] = csv.toString();
        System.arraycopy(LOOP, 0, args, 2, LOOP.length);
        System.arraycopy(extra, 0, args, 2 + LOOP.length, extra.length);
        return CliRunner.run(args);
    }

    @Test
    void ownSimulationPassesUnderBothGroundTruthsAndALateLabelFails() throws IOException, InterruptedException {
        Path good = ownResults(0);
        for (String truth : new String[] {"exact", "simulation"}) {
            CliRunner.Result r = run(good, "--ground-truth", truth, "--json");
            assertEquals(0, r.exit(), r.out() + r.err());
            JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
            assertEquals("PASS", o.get("verdict").getAsString());
            // E TV, TV law and Gini-Simpson at each of generations 0..4.
            assertEquals(15, o.getAsJsonArray("tests").size());
            for (JsonElement e : o.getAsJsonArray("generations")) {
                assertTrue(e.getAsJsonObject().get("detectable_shift_e_tv").getAsDouble() > 0);
            }
        }
        CliRunner.Result late = run(ownResults(1));
        assertEquals(1, late.exit(), late.out());
        assertTrue(late.out().contains("first failing generation 0 ("), late.out());
    }

    @Test
    void exactMeanOfTheChainIsWhatTheZTestUses() throws IOException, InterruptedException {
        CliRunner.Result r = run(ownResults(0), "--json");
        JsonObject first = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("tests").get(0)
                .getAsJsonObject();
        SimulationConfig c = SimulationBuilder.of(org.loopbound.bound.Scenario.FULLY_SYNTHETIC,
                org.loopbound.bound.ScenarioArguments.of(4).with(org.loopbound.bound.ScenarioParameter.N, 12))
                .p0("1/2,1/4,1/4").build();
        GenerationLaw law = ExactLoop.of(c.scenario(), c.schedule(), c.p0(), c.learner(), c.mixing())
                .run(org.loopbound.exact.Arithmetic.EXACT, null).get(0);
        Rational mean = Rational.ZERO;
        for (TvAtom a : law.tvDistribution()) {
            mean = mean.add(a.tv().multiply(a.probability().exact()));
        }
        assertEquals("E TV", first.get("statistic").getAsString());
        assertEquals(mean.doubleValue(), first.get("expected").getAsDouble(), 1e-12);
    }

    @Test
    void badInputExitsTwoWithOneLine() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "replicate,generation,tv\n0,0,0.1\n0,1,x\n", StandardCharsets.UTF_8);
        CliRunner.Result r = run(bad);
        assertEquals(2, r.exit());
        assertEquals("loopbound check-sim: CSV bad.csv line 3: tv must be a number in [0, 1] (e.g. 0.25, 1e-3, 1/3), got 'x'",
                r.err().strip().replace(bad.toString(), "bad.csv"));
        CliRunner.Result missing = run(dir.resolve("none.csv"));
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        CliRunner.Result alpha = run(bad, "--alpha", "3/2");
        assertEquals(2, alpha.exit());
        assertTrue(alpha.err().startsWith("loopbound check-sim: --alpha (α) must be in (0, 1), got 3/2"), alpha.err());
        Path acc = dir.resolve("acc.csv");
        Files.writeString(acc, "replicate,generation,tv\n0,0,0\n0,1,0\n0,2,0\n1,0,0\n1,1,0\n1,2,0\n", StandardCharsets.UTF_8);
        CliRunner.Result exactRefused = CliRunner.run("check-sim", acc.toString(), "--scenario", "accumulate",
                "--real", "2", "--synthetic", "2", "--generations", "2", "--p0", "1/2,1/2", "--ground-truth", "exact");
        assertEquals(2, exactRefused.exit(), exactRefused.err());
        assertTrue(exactRefused.err().contains("exact is not available"), exactRefused.err());
    }
}
