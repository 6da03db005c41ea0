package org.loopbound.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopbound.cli.CliRunner;

/**
 * {@code loopbound sweep} end to end: byte-identical outputs whatever the thread count, a sweep killed mid-run
 * (SIGKILL of a real subprocess) resumes without recomputing its finished cells, bad grids fail before anything is
 * written.
 */
class SweepResumeTest {

    /** 48 cells of a few tens of milliseconds each, so that a kill lands mid-run. */
    private static final String GRID = "{\n"
            + "  \"parameters\": {\"scenario\": \"fixed-proportion\", \"p0\": \"uniform:20\", \"generations\": 20},\n"
            + "  \"axes\": {\"lambda\": [\"1/10\", \"1/5\", \"1/2\", \"4/5\"], \"n\": {\"from\": 100, \"to\": 1200,"
            + " \"step\": 100}},\n"
            + "  \"replicates\": 200,\n"
            + "  \"seed\": 5\n"
            + "}\n";

    @Test
    void outputsDoNotDependOnTheThreadCount(@TempDir Path tmp) throws IOException {
        Path grid = write(tmp.resolve("grid.json"), GRID.replace("\"replicates\": 200", "\"replicates\": 20"));
        CliRunner.Result one = CliRunner.run("sweep", grid.toString(), "--out", tmp.resolve("a").toString(),
                "--threads", "1");
        CliRunner.Result two = CliRunner.run("sweep", grid.toString(), "--out", tmp.resolve("b").toString(),
                "--threads", "2");
        assertEquals(0, one.exit(), one.err());
        assertEquals(0, two.exit(), two.err());
        assertTrue(one.out().contains("48 cells (48 computed with engine local, 0 reused)"), one.out());
        assertSameOutputs(tmp.resolve("a"), tmp.resolve("b"));
        List<String> rows = Files.readAllLines(tmp.resolve("a/results.csv"));
        assertEquals(49, rows.size());
        assertTrue(rows.get(0).startsWith("cell,key,alpha-test,delta,"), rows.get(0));
        assertTrue(rows.get(0).endsWith(",bound_lo,bound_hi,mean_tv,mean_tv_decimal,tv_ci_lo,tv_ci_hi,tv_median,"
                + "tv_p90,tv_max,gini_simpson,atoms_lost,failure_probability,violations,violation_rate,"
                + "violation_ci_lo,violation_ci_hi,p_value,verdict,failing_generations"), rows.get(0));
        String html = Files.readString(tmp.resolve("a/summary/index.html"));
        assertTrue(html.contains("heat-lambda-n-mean-tv.svg") && html.contains("line-n-mean-tv.svg"), html);
        assertTrue(html.contains("[derived]"), "the bound carries its label");
    }

    @Test
    void aKilledSweepResumesWithoutRecomputingFinishedCells(@TempDir Path tmp) throws Exception {
        Path grid = write(tmp.resolve("grid.json"), GRID);
        Path cut = tmp.resolve("cut");
        Process p = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "org.loopbound.cli.Main", "sweep", grid.toString(), "--out", cut.toString(), "--threads", "1")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        Path cells = cut.resolve("cells");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (records(cells).size() < 5 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.destroyForcibly().waitFor();
        Map<Path, Object> before = records(cells);
        assertTrue(before.size() >= 5, "cells stored before the kill: " + before.size());
        assertTrue(before.size() < 48, "the kill must land mid-run, but all cells were done");
        assertFalse(Files.exists(cut.resolve("results.csv")), "no outputs before the last cell");

        CliRunner.Result resumed = CliRunner.run("sweep", grid.toString(), "--out", cut.toString(), "--threads", "2");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().contains("48 cells (" + (48 - before.size()) + " computed with engine local, "
                + before.size() + " reused)"), resumed.out());
        Map<Path, Object> after = records(cells);
        for (Map.Entry<Path, Object> e : before.entrySet()) {
            assertEquals(e.getValue(), after.get(e.getKey()), "record rewritten: " + e.getKey());
        }
        assertEquals(48, after.size());

        CliRunner.Result whole = CliRunner.run("sweep", grid.toString(), "--out", tmp.resolve("whole").toString());
        assertEquals(0, whole.exit(), whole.err());
        assertSameOutputs(cut, tmp.resolve("whole"));
    }

    @Test
    void badGridsFailWithOneLineAndWriteNothing(@TempDir Path tmp) throws IOException {
        Path grid = write(tmp.resolve("bad.json"), "{\"parameters\": {\"scenario\": \"fixed-proportion\","
                + " \"p0\": \"uniform:4\"},\n \"axes\": {\"n\": [10, 15], \"lambda\": [\"1/3\"]}}");
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("sweep", grid.toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("loopbound sweep: bad.json:2: cell 0 {"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out), "nothing written for a bad grid");
        CliRunner.Result engine = CliRunner.run("sweep", grid.toString(), "--out", out.toString(), "--engine",
                "hadoop");
        assertEquals(2, engine.exit());
        assertTrue(engine.err().contains("--engine hadoop is not available"), engine.err());
    }

    private static void assertSameOutputs(Path a, Path b) throws IOException {
        List<Path> files = outputs(a);
        assertEquals(files, outputs(b));
        assertTrue(files.size() > 10, "results, summary and cell records: " + files);
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
        }
    }

    private static List<Path> outputs(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().collect(Collectors.toList());
        }
    }

    /** Stored record → (file key, i.e. inode, and modification time): an unchanged pair means never rewritten. */
    private static Map<Path, Object> records(Path cells) throws IOException {
        Map<Path, Object> out = new TreeMap<>();
        if (!Files.isDirectory(cells)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(cells)) {
            for (Path f : s.filter(x -> x.toString().endsWith(".json")).collect(Collectors.toList())) {
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    out.put(cells.relativize(f), List.of(String.valueOf(a.fileKey()), a.lastModifiedTime()));
                } catch (IOException e) {
                    // renamed away between listing and reading: not a finished record
                }
            }
        }
        return out;
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
