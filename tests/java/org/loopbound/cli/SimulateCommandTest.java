package org.loopbound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopbound.arith.Rational;

class SimulateCommandTest {

    private static final String[] BASE = {"simulate", "--scenario", "fixed-proportion", "--p0", "1/2,1/4,1/8,1/8",
        "--n", "400", "--lambda", "1/4", "--generations", "6", "--replicates", "24", "--seed", "12345"};

    /** The base command line with options added or, when already present, replaced (picocli refuses repeats). */
    private static String[] args(String[] base, String... more) {
        List<String> a = new ArrayList<>(Arrays.asList(base));
        for (int i = 0; i < more.length; i++) {
            String option = more[i];
            boolean flag = i + 1 >= more.length || more[i + 1].startsWith("--") && !more[i + 1].matches("--?\\d.*");
            int at = a.indexOf(option);
            if (at >= 0 && !flag) {
                a.set(at + 1, more[++i]);
            } else {
                a.add(option);
                if (!flag) {
                    a.add(more[++i]);
                }
            }
        }
        return a.toArray(new String[0]);
    }

    @Test
    void jsonNamesTheResultItsLabelsAndEveryMeasure() {
        CliRunner.Result r = CliRunner.run(args(BASE, "--json", "--threads", "2"));
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err(), "nothing on stderr when it is not a terminal");
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("R3", o.get("result").getAsString());
        assertEquals("[derived]", o.get("label").getAsString());
        assertEquals("EPS-EMP", o.getAsJsonArray("uses").get(1).getAsJsonObject().get("result").getAsString());
        assertTrue(o.get("provenance").getAsString().contains("McDiarmid's inequality [imported]"));
        JsonObject p = o.getAsJsonObject("parameters");
        assertEquals("12345", p.get("seed").getAsString());
        assertEquals(4, p.get("atoms").getAsInt());
        assertFalse(p.has("threads"), "the thread count must not be part of the output");
        JsonArray gens = o.getAsJsonArray("generations");
        assertEquals(7, gens.size());
        for (int i = 0; i < 7; i++) {
            JsonObject g = gens.get(i).getAsJsonObject();
            assertEquals(i, g.get("generation").getAsInt());
            for (String key : List.of("mean_tv", "tv_ci", "tv_quantiles", "gini_simpson", "entropy", "atoms_lost",
                    "bound", "failure_probability", "violation_rate", "violation_ci", "verdict")) {
                assertTrue(g.has(key), key);
            }
            assertTrue(g.getAsJsonObject("mean_tv").has("exact"));
            assertTrue(g.getAsJsonObject("tv_ci").has("lo") && g.getAsJsonObject("tv_ci").has("hi"));
            assertTrue(g.getAsJsonObject("bound").has("hi"));
            assertEquals(Rational.of(i + 1, 100),
                    Rational.parse(g.getAsJsonObject("failure_probability").get("exact").getAsString()));
            assertEquals("PASS", g.get("verdict").getAsString());
        }
    }

    @Test
    void threadCountNeverChangesAByte() {
        CliRunner.Result one = CliRunner.run(args(BASE, "--json", "--threads", "1", "--mixing", "iid"));
        CliRunner.Result two = CliRunner.run(args(BASE, "--json", "--threads", "2", "--mixing", "iid"));
        CliRunner.Result three = CliRunner.run(args(BASE, "--json", "--threads", "3", "--mixing", "iid"));
        assertEquals(0, one.exit(), one.err());
        assertEquals(one.out(), two.out());
        assertEquals(one.out(), three.out());
        CliRunner.Result otherSeed = CliRunner.run(args(BASE, "--json", "--threads", "2", "--mixing", "iid",
                "--seed", "12346"));
        assertFalse(one.out().equals(otherSeed.out().replace("\"12346\"", "\"12345\"")),
                "a different seed must give different draws");
    }

    @Test
    void resumeAfterAnInterruptionGivesTheSameBytes(@TempDir Path tmp) throws IOException {
        String[] acc = {"simulate", "--scenario", "accumulate", "--p0", "uniform:6", "--real", "60", "--synthetic",
            "30", "--generations", "5", "--replicates", "16", "--seed", "-7", "--json"};
        Path full = tmp.resolve("full");
        CliRunner.Result a = CliRunner.run(args(acc, "--out", full.toString(), "--threads", "2"));
        assertEquals(0, a.exit(), a.err());
        String summary = Files.readString(full.resolve("summary.json"));
        assertEquals(a.out(), summary, "summary.json is the printed JSON");
        assertTrue(Files.readString(full.resolve("generations.csv")).startsWith("generation,n,lambda,mean_tv"));
        try (Stream<Path> s = Files.list(full.resolve("replicates"))) {
            assertEquals(16, s.count());
        }

        // Simulate an interruption: some replicates never finished, the final files were never written, and a
        // writer died mid-file (only its temporary exists).
        Path cut = tmp.resolve("cut");
        CliRunner.copyTree(full, cut);
        Files.delete(cut.resolve("summary.json"));
        Files.delete(cut.resolve("generations.csv"));
        for (int j : new int[] {0, 3, 15}) {
            Files.delete(cut.resolve("replicates").resolve(String.format("rep-%06d.json", j)));
        }
        Files.writeString(cut.resolve("replicates").resolve(".rep-000003.json.123.tmp"),
                "{\"replicate\": 3, \"tv_num", StandardCharsets.UTF_8);
        CliRunner.Result b = CliRunner.run(args(acc, "--out", cut.toString(), "--resume", "--threads", "1"));
        assertEquals(0, b.exit(), b.err());
        assertEquals(a.out(), b.out());
        assertEquals(summary, Files.readString(cut.resolve("summary.json")));
        assertEquals(Files.readString(full.resolve("generations.csv")),
                Files.readString(cut.resolve("generations.csv")));
        for (int j = 0; j < 16; j++) {
            String name = String.format("rep-%06d.json", j);
            assertEquals(Files.readString(full.resolve("replicates").resolve(name)),
                    Files.readString(cut.resolve("replicates").resolve(name)), name);
        }
        try (Stream<Path> s = Files.list(cut.resolve("replicates"))) {
            assertEquals(16, s.count(), "the stale temporary is gone");
        }

        // Resuming with another configuration is refused, and so is overwriting a run.
        CliRunner.Result other = CliRunner.run(args(acc, "--out", cut.toString(), "--resume", "--seed", "8"));
        assertEquals(2, other.exit());
        assertTrue(other.err().contains("--resume") && other.err().contains("seed"), other.err());
        CliRunner.Result again = CliRunner.run(args(acc, "--out", full.toString()));
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("--out"), again.err());
    }

    @Test
    void addBetaSaysItHasNoBound() {
        CliRunner.Result r = CliRunner.run(args(BASE, "--learner", "add-beta", "--beta", "1/2", "--json"));
        assertEquals(0, r.exit(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertFalse(o.getAsJsonObject("learner").get("proven_error").getAsBoolean());
        JsonObject g = o.getAsJsonArray("generations").get(3).getAsJsonObject();
        assertTrue(g.get("bound").getAsString().startsWith("none"), g.toString());
        assertEquals("NO-BOUND", g.get("verdict").getAsString());
    }

    @Test
    void tableNamesTheResultAndTheMethods() {
        CliRunner.Result r = CliRunner.run(args(BASE, "--scenario", "fully-synthetic", "--p0", "uniform:4"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("R3 Unrolled bound [derived]"), r.out());
        assertTrue(r.out().contains("EPS-EMP [derived] (McDiarmid [imported])"), r.out());
        assertTrue(r.out().contains("one-sided exact binomial test"), r.out());
        assertTrue(r.out().contains("fixation at generation 6"), r.out());
        assertTrue(r.out().contains("PASS"), r.out());
    }

    @Test
    void epsScaleBelowOneIsFlaggedAndCaught() {
        CliRunner.Result r = CliRunner.run("simulate", "--scenario", "fixed-proportion", "--p0", "uniform:1000",
                "--n", "100000", "--lambda", "1/2", "--generations", "1", "--replicates", "20", "--eps-scale", "1/2",
                "--json");
        assertEquals(0, r.exit(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertTrue(o.get("warning").getAsString().contains("NOT"));
        assertEquals("FAIL", o.getAsJsonArray("generations").get(0).getAsJsonObject().get("verdict").getAsString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "--p0 1/2,1/4; --p0",
        "--p0 1/2,-1/4,3/4; --p0",
        "--p0 zipf:10:1/2; zipf",
        "--p0 geometric:5:3/2; geometric",
        "--p0 uniform:20000000; --p0",
        "--p0 binomial:3; --p0",
        "--lambda 3/2; --lambda",
        "--n 0; --n",
        "--n 2000000000000; --n",
        "--generations -1; --generations",
        "--replicates 0; --replicates",
        "--seed abc; --seed",
        "--seed 99999999999999999999; --seed",
        "--threads 0; --threads",
        "--n 401; --n (N) must make every draw count",
        "--delta 1; --delta",
        "--alpha-test 0; --alpha-test",
        "--eps-scale 0; --eps-scale",
        "--learner add-beta; --beta",
        "--mixing shuffled; --mixing",
        "--resume; --resume",
    })
    void badInputIsOneLineNamingTheOptionWithExitTwo(String extra, String named) {
        CliRunner.Result r = CliRunner.run(args(BASE, extra.split(" ")));
        assertEquals(2, r.exit(), r.err() + r.out());
        assertTrue(r.err().contains(named), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out());
    }
}
