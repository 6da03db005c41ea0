package org.loopbound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixed-seed smoke runs of {@code kde loop}, with the K2 checks, and its errors. */
class KdeCommandTest {

    @Test
    void kdeLoopPassesTheK2ChecksWritesCsvAndResumes(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        String[] args = {"kde", "loop", "--scenario", "fixed-proportion", "--n", "50", "--lambda", "1/2",
            "--generations", "2", "--replicates", "40", "--seed", "5", "--out", out.toString(), "--json"};
        CliRunner.Result r = DiffusionCommandTest.run(args);
        assertEquals(0, r.exit(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("K2", o.get("result").getAsString());
        assertEquals("[derived]", o.get("label").getAsString());
        assertEquals("C5", o.get("claim").getAsString());
        assertTrue(o.get("k2_applies").getAsBoolean());
        assertTrue(o.get("k2_all_checks_pass").getAsBoolean(), r.out());
        JsonObject g0 = o.getAsJsonArray("values").get(0).getAsJsonObject();
        // theory.md §5: TV(E p̂_0, p₀) = 0.0094900 (rounded) for N(0,1), h = 0.2; certified: 0.00948996025….
        assertTrue(g0.getAsJsonObject("k2_tv_lower_bound").get("lo").getAsString().startsWith("0.00948996"),
                g0.toString());
        Path csv = out.resolve("replicates.csv");
        assertEquals(1 + 40 * 3, Files.readAllLines(csv).size());
        String rows = Files.readString(csv);

        // Resuming after an interruption recomputes only the missing replicates and gives the same bytes.
        Files.delete(out.resolve("runs").resolve("run-000007.json"));
        Files.delete(csv);
        String[] resume = java.util.Arrays.copyOf(args, args.length + 1);
        resume[args.length] = "--resume";
        CliRunner.Result b = DiffusionCommandTest.run(resume);
        assertEquals(0, b.exit(), b.err());
        assertEquals(r.out(), b.out());
        assertEquals(rows, Files.readString(csv));
    }

    @Test
    void k2IsDeclaredNotApplicableForSilverman() {
        CliRunner.Result r = DiffusionCommandTest.run("kde", "loop", "--n", "30", "--generations", "1",
                "--bandwidth", "silverman", "--replicates", "3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("K2 "), r.out());
        assertTrue(r.out().contains("K2 checks: not applicable (the bandwidth is not fixed)"), r.out());
    }

    @Test
    void badBandwidthIsAUsageError() {
        CliRunner.Result r = DiffusionCommandTest.run("kde", "loop", "--n", "30", "--bandwidth", "-1");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("--bandwidth (h) must be in (0, ∞), got -1"), r.err());
        r = DiffusionCommandTest.run("kde", "loop", "--n", "1");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("--n (N) must be a whole number in [2, 10^7], got 1"), r.err());
    }
}
