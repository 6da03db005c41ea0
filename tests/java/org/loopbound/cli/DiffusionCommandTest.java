package org.loopbound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fixed-seed smoke runs of every diffusion experiment, thread-count independence, and bad-input errors. */
class DiffusionCommandTest {

    /** Small model settings so that each run takes well under a second of CPU. */
    private static final String[] SMALL = {"--width", "16", "--eval-samples", "300", "--steps", "20", "--bins", "20",
        "--replicates", "2", "--seed", "11"};

    /** Runs the command line through {@link Main#run}: its exit codes and one-line messages. */
    static CliRunner.Result run(String... args) {
        return CliRunner.run(args);
    }

    private static String[] with(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(more, 0, all, 0, more.length);
        System.arraycopy(base, 0, all, more.length, base.length);
        return all;
    }

    @Test
    void oracleNamesItsResultsAndReportsAnEstimateWithItsInterval() {
        CliRunner.Result r = run(with(SMALL, "diffusion", "oracle", "--json"));
        assertEquals(0, r.exit(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("D0", o.get("result").getAsString());
        assertEquals("[imported]", o.get("label").getAsString());
        assertEquals("C4", o.get("claim").getAsString());
        assertTrue(o.get("simulation").getAsString().contains("not certified"));
        JsonObject tv = o.getAsJsonObject("tv_histogram");
        double lo = Double.parseDouble(tv.get("ci95_lo").getAsString());
        double mean = Double.parseDouble(tv.get("mean").getAsString());
        double hi = Double.parseDouble(tv.get("ci95_hi").getAsString());
        assertTrue(lo <= mean && mean <= hi && mean >= 0 && mean <= 1, tv.toString());
        CliRunner.Result table = run(with(SMALL, "diffusion", "oracle"));
        assertTrue(table.out().startsWith("D0 "), table.out());
        assertTrue(table.out().contains("[imported]") && table.out().contains("not the paper's own theorems"));
    }

    @Test
    void tauSweepReportsD2CertifiedTauStarAndIsIndependentOfThreads(@TempDir Path dir) throws Exception {
        String[] args = with(SMALL, "diffusion", "tau-sweep", "--n", "20,40", "--taus", "1e3,1e6",
                "--generations", "1", "--json");
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        CliRunner.Result a = run(with(new String[] {"--threads", "1", "--out", one.toString()}, args));
        CliRunner.Result b = run(with(new String[] {"--threads", "3", "--out", two.toString()}, args));
        assertEquals(0, a.exit(), a.err());
        assertEquals(a.out(), b.out());
        byte[] csv = Files.readAllBytes(one.resolve("replicates.csv"));
        assertTrue(java.util.Arrays.equals(csv, Files.readAllBytes(two.resolve("replicates.csv"))));
        assertEquals(1 + 2 * 2 * 2 * 2, Files.readAllLines(one.resolve("replicates.csv")).size());
        assertEquals(a.out(), Files.readString(one.resolve("summary.json")), "summary.json is the printed JSON");
        JsonObject o = JsonParser.parseString(a.out()).getAsJsonObject();
        assertEquals("D2", o.get("result").getAsString());
        assertEquals("[derived]", o.get("label").getAsString());
        JsonArray best = o.getAsJsonArray("best_tau");
        assertEquals(4, best.size());
        JsonObject d2 = best.get(0).getAsJsonObject().getAsJsonObject("d2");
        assertEquals("D2", d2.get("result").getAsString());
        // m N / 4 = 16·20/4 = 80: τ* = 80^(1/5) = 2.4022…, an enclosure.
        JsonObject star = d2.getAsJsonObject("tau_star");
        assertTrue(star.get("lo").getAsString().startsWith("2.4022"), star.toString());
        assertEquals(2, o.getAsJsonArray("scaling").size());
    }

    @Test
    void loopResumesFromItsStoredReplicatesWithTheSameBytes(@TempDir Path dir) throws Exception {
        String[] args = with(SMALL, "diffusion", "loop", "--scenario", "fully-synthetic", "--n", "20",
                "--generations", "1", "--tau", "1e5", "--tau-scale", "1e4", "--json");
        Path full = dir.resolve("full");
        CliRunner.Result a = run(with(new String[] {"--out", full.toString()}, args));
        assertEquals(0, a.exit(), a.err());
        Path runs = full.resolve("runs");
        try (Stream<Path> s = Files.list(runs)) {
            assertEquals(4, s.count(), "one record per (policy, replicate)");
        }

        // An interruption: two tasks never finished, the final files were never written, a writer died mid-file.
        Path cut = dir.resolve("cut");
        CliRunner.copyTree(full, cut);
        Files.delete(cut.resolve("summary.json"));
        Files.delete(cut.resolve("replicates.csv"));
        Files.delete(cut.resolve("runs").resolve("run-000001.json"));
        Files.delete(cut.resolve("runs").resolve("run-000003.json"));
        Files.writeString(cut.resolve("runs").resolve(".run-000001.json.7.tmp"), "{\"generations\": [",
                StandardCharsets.UTF_8);
        CliRunner.Result b = run(with(new String[] {"--out", cut.toString(), "--resume", "--threads", "1"}, args));
        assertEquals(0, b.exit(), b.err());
        assertEquals(a.out(), b.out());
        assertEquals(Files.readString(full.resolve("replicates.csv")), Files.readString(cut.resolve("replicates.csv")));
        try (Stream<Path> s = Files.list(cut.resolve("runs"))) {
            assertEquals(4, s.count(), "the stale temporary is gone");
        }

        // Stored records are used, not recomputed: an edited record changes the resumed result.
        Path record = cut.resolve("runs").resolve("run-000000.json");
        JsonObject r0 = JsonParser.parseString(Files.readString(record)).getAsJsonObject();
        r0.getAsJsonArray("generations").get(0).getAsJsonObject().addProperty("tv", "0.875");
        Files.writeString(record, r0.toString());
        CliRunner.Result c = run(with(new String[] {"--out", cut.toString(), "--resume"}, args));
        assertEquals(0, c.exit(), c.err());
        assertTrue(!c.out().equals(a.out()) && Files.readString(cut.resolve("replicates.csv")).contains(",0.875000,"),
                c.out());

        // Another configuration, or a second run into the same directory, is refused.
        CliRunner.Result other = run(with(new String[] {"--out", cut.toString(), "--resume", "--noise-draws", "2"},
                args));
        assertEquals(2, other.exit());
        assertTrue(other.err().contains("--resume") && other.err().contains("noise_draws"), other.err());
        CliRunner.Result again = run(with(new String[] {"--out", full.toString()}, args));
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("already holds a run"), again.err());
        CliRunner.Result noDir = run(with(new String[] {"--resume"}, args));
        assertEquals(2, noDir.exit());
        assertTrue(noDir.err().contains("--resume needs --out"), noDir.err());
    }

    @Test
    void loopComparesFixedAndPerGenerationTau() {
        CliRunner.Result r = run(with(SMALL, "diffusion", "loop", "--scenario", "growing-size", "--n", "10",
                "--growth-exponent", "1", "--generations", "2", "--tau", "1e5", "--tau-scale", "1e4", "--json"));
        assertEquals(0, r.exit(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("D1", o.get("result").getAsString());
        JsonArray v = o.getAsJsonArray("values");
        assertEquals(3, v.size());
        double t0 = Double.parseDouble(v.get(0).getAsJsonObject().get("tau_d2").getAsString());
        double t2 = Double.parseDouble(v.get(2).getAsJsonObject().get("tau_d2").getAsString());
        // N_j = 10 (j+1): τ_2/τ_0 = 3^(1/5).
        assertEquals(Math.pow(3, 0.2), t2 / t0, 1e-4);
        assertEquals("100000", v.get(2).getAsJsonObject().get("tau_fixed").getAsString());
    }

    @Test
    void phaseSweepRunsAndNamesP2AndC3() {
        CliRunner.Result r = run(with(SMALL, "diffusion", "phase", "--real", "20", "--synthetic", "0,20,60",
                "--generations", "1", "--tau", "1e5"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("P2 "), r.out());
        assertTrue(r.out().contains("C3") && r.out().contains("largest mean TV at s ="), r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "diffusion oracle --p0 1/2:0:1,1/3:1:1 | --p0 (p₀) weights must sum to exactly 1",
        "diffusion oracle --steps 0 | --steps (K) must be a whole number in [1, 10^5], got 0",
        "diffusion oracle --cutoff 7 | --cutoff (t₀) must be below the horizon T = 6, got 7",
        "diffusion oracle --sampler euler | --sampler must be sde or ode",
        "diffusion oracle --replicates 1 | --replicates (R) must be a whole number in [2, 10^5], got 1",
        "diffusion loop --scenario fixed-proportion --n 10 --lambda 1/3 --tau 1 --tau-scale 1 | --n (N) must make"
                + " every draw count of stratified mixing whole, got λ_1·N = 1/3·10 = 10/3",
        "diffusion phase --real 10 --tau 1 --tau-scale 2 | give exactly one of --tau",
        "diffusion tau-sweep --taus 0,1 | --taus (τ) must be in (0, ∞), got 0",
        "diffusion tau-sweep --scenario accumulate --real 5 --synthetic 5 | --scenario for tau-sweep",
        // Over-training on 100 points: generation 0's samples fly off, and generation 1 must say why it stops.
        "diffusion tau-sweep --n 100 --taus 1e14 --generations 1 --replicates 2 | --taus (τ) must be smaller:"
                + " generation 1 cannot be trained, the samples of the earlier models (training time τ up to 1.0E14)"})
    void badInputIsAOneLineErrorWithExitCode2(String args, String message) {
        CliRunner.Result r = run(with(new String[] {"--eval-samples", "10"}, args.trim().split(" ")));
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
