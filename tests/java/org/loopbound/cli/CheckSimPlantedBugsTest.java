package org.loopbound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopbound.sim.Statistics;

/**
 * Issue 18's acceptance test of {@code check-sim}: a reference loop in plain Python + NumPy
 * ({@code tests/resources/oracle/loop.py}), correct and with six planted bugs, writes the per-replicate CSV; check-sim
 * must pass the correct loop and fail every bugged one at the sizes below, and the correct loop's false-alarm rate
 * over many seeds must be consistent with the stated family-wise level α = 1/100. Skipped (not failed) where python3
 * with NumPy is missing.
 *
 * <p>The sizes were chosen before running check-sim on them, from the size of each bug's effect: the binomial
 * mixing bug changes the covariance coefficient a_i of the counts by λ(1 − λ)a_{i−1}/N_i (under 8 % at N = 4, λ =
 * 1/2), so its configuration has N = 4 and R = 10 000 replicates (a z of about 8 for the dispersion test at
 * equilibrium); replace-for-accumulate changes a_i by 4 % to 20 % over generations 2..10 at r = s = 10 (R = 4 000).
 */
class CheckSimPlantedBugsTest {

    private static final String P0 = "1/2,1/3,1/6";
    private static final double ALPHA = 0.01;

    /** A loop configuration: the reference loop's arguments and check-sim's declaration of the same loop. */
    private record Config(String name, List<String> loop, List<String> declared) {
    }

    private static final Config FULLY_SYNTHETIC = new Config("fully-synthetic N=20, i=10, R=2000",
            List.of("--scenario", "fully-synthetic", "--n", "20", "--generations", "10", "--replicates", "2000"),
            List.of("--scenario", "fully-synthetic", "--n", "20", "--generations", "10"));
    private static final Config FIXED_PROPORTION = new Config("fixed-proportion N=4, lambda=1/2, i=10, R=10000",
            List.of("--scenario", "fixed-proportion", "--n", "4", "--lambda", "1/2", "--generations", "10",
                    "--replicates", "10000"),
            List.of("--scenario", "fixed-proportion", "--n", "4", "--lambda", "1/2", "--generations", "10"));
    private static final Config ACCUMULATE = new Config("accumulate r=s=10, i=10, R=4000",
            List.of("--scenario", "accumulate", "--real", "10", "--synthetic", "10", "--generations", "10",
                    "--replicates", "4000"),
            List.of("--scenario", "accumulate", "--real", "10", "--synthetic", "10", "--generations", "10"));

    /** A planted bug (or none) in the configuration where it acts. */
    private record Case(String bug, Config config) {
    }

    private static final List<Case> CASES = List.of(
            new Case("none", FULLY_SYNTHETIC),
            new Case("none", FIXED_PROPORTION),
            new Case("none", ACCUMULATE),
            new Case("off-by-one", FULLY_SYNTHETIC),
            new Case("ddof", FULLY_SYNTHETIC),
            new Case("from-p0", FULLY_SYNTHETIC),
            new Case("stale", FULLY_SYNTHETIC),
            new Case("binomial", FIXED_PROPORTION),
            new Case("replace", ACCUMULATE));

    @TempDir
    Path dir;

    @Test
    void passesTheCorrectLoopAndFailsEveryPlantedBug() throws IOException, InterruptedException {
        assumePython();
        List<String> table = new ArrayList<>();
        table.add(String.format(Locale.ROOT, "%-11s %-48s %-7s %-16s %-40s %s", "bug", "configuration", "exit",
                "first FAIL at i", "statistics failing there", "failing tests"));
        List<String> wrong = new ArrayList<>();
        for (Case c : CASES) {
            Path csv = dir.resolve(c.bug() + "-" + c.config().declared().get(1) + ".csv");
            List<String> args = new ArrayList<>(c.config().loop());
            args.addAll(List.of("--seed", "1", "--out", csv.toString()));
            if (!c.bug().equals("none")) {
                args.addAll(List.of("--bug", c.bug()));
            }
            python(args);
            CliRunner.Result r = checkSim(c.config(), csv);
            JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
            int firstFail = -1;
            TreeSet<String> statistics = new TreeSet<>();
            int failing = 0;
            for (JsonElement e : o.getAsJsonArray("tests")) {
                JsonObject t = e.getAsJsonObject();
                if (t.get("verdict").getAsString().equals("FAIL")) {
                    failing++;
                    int i = t.get("generation").getAsInt();
                    if (firstFail < 0 || i < firstFail) {
                        firstFail = i;
                        statistics.clear();
                    }
                    if (i == firstFail) {
                        statistics.add(t.get("statistic").getAsString());
                    }
                }
            }
            table.add(String.format(Locale.ROOT, "%-11s %-48s %-7d %-16s %-40s %d/%d", c.bug(), c.config().name(),
                    r.exit(), firstFail < 0 ? "-" : Integer.toString(firstFail), String.join(", ", statistics),
                    failing, o.getAsJsonArray("tests").size()));
            int expected = c.bug().equals("none") ? 0 : 1;
            if (r.exit() != expected) {
                wrong.add(c.bug() + " in " + c.config().name() + ": exit " + r.exit() + ", expected " + expected);
            }
        }
        System.out.println("check-sim on the planted bugs (alpha = 1/100, seed 1):\n" + String.join("\n", table));
        assertTrue(wrong.isEmpty(), String.join("; ", wrong) + "\n" + String.join("\n", table));
    }

    @Test
    void falseAlarmRateOfTheCorrectLoopIsAtMostAlpha() throws IOException, InterruptedException {
        assumePython();
        int runsPerConfig = 30;
        int runs = 0;
        int alarms = 0;
        List<String> alarmed = new ArrayList<>();
        for (Config c : List.of(FULLY_SYNTHETIC, ACCUMULATE)) {
            Path out = Files.createDirectories(dir.resolve("runs-" + c.declared().get(1)));
            List<String> args = new ArrayList<>(c.loop());
            args.addAll(List.of("--seed", "1001", "--runs", Integer.toString(runsPerConfig), "--out-dir",
                    out.toString()));
            python(args);
            for (int s = 1001; s < 1001 + runsPerConfig; s++) {
                CliRunner.Result r = checkSim(c, out.resolve("run-" + s + ".csv"));
                assertTrue(r.exit() == 0 || r.exit() == 1, r.err());
                runs++;
                if (r.exit() == 1) {
                    alarms++;
                    alarmed.add(c.declared().get(1) + " seed " + s);
                }
            }
        }
        double[] ci = Statistics.clopperPearson(alarms, runs, 0.95);
        // H0: the false-alarm rate is at most alpha; reject when P(Bin(runs, alpha) >= alarms) < 1/1000.
        double p = Statistics.upperTail(alarms, runs, ALPHA);
        System.out.printf(Locale.ROOT, "check-sim false alarms of the correct loop: %d of %d runs (95%% CI [%.4f,"
                + " %.4f]); P(Bin(%d, %.2f) >= %d) = %.4f %s%n", alarms, runs, ci[0], ci[1], runs, ALPHA, alarms, p,
                alarmed);
        assertTrue(p >= 1e-3, "false-alarm rate " + alarms + "/" + runs + " is above alpha = " + ALPHA
                + " (binomial p = " + p + "): " + alarmed);
    }

    private static CliRunner.Result checkSim(Config c, Path csv) {
        List<String> args = new ArrayList<>(List.of("check-sim", csv.toString(), "--p0", P0, "--json"));
        args.addAll(c.declared());
        CliRunner.Result r = CliRunner.run(args.toArray(new String[0]));
        assertTrue(r.exit() == 0 || r.exit() == 1, "check-sim " + args + ": exit " + r.exit() + ": " + r.err());
        return r;
    }

    private static Path script() {
        return Path.of(System.getProperty("loopbound.projectDir", "."), "tests", "resources", "oracle", "loop.py");
    }

    private static void python(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("python3", script().toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "loop.py did not finish");
        assertEquals(0, p.exitValue(), cmd + ": " + out);
    }

    private static void assumePython() throws InterruptedException {
        boolean ok;
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            ok = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        }
        assumeTrue(ok && Files.exists(script()), "python3 with numpy is not available: the planted-bug tests of"
                + " check-sim need it");
    }
}
