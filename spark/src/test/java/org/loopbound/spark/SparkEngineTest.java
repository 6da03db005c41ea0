package org.loopbound.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopbound.sweep.Grid;
import org.loopbound.sweep.LocalEngine;
import org.loopbound.sweep.Sweep;
import org.loopbound.sweep.SweepEngine;

/** The Spark engine in local mode writes exactly the bytes of the in-process engine. */
class SparkEngineTest {

    private static final String GRID = "{\n"
            + "  \"parameters\": {\"scenario\": \"fixed-proportion\", \"p0\": \"zipf:8:1\", \"generations\": 4},\n"
            + "  \"axes\": {\"lambda\": [\"1/10\", \"1/2\", \"9/10\"], \"n\": [50, 200],\n"
            + "           \"mixing\": [\"stratified\", \"iid\"]},\n"
            + "  \"replicates\": 30,\n"
            + "  \"seed\": 11\n"
            + "}\n";

    @Test
    void sparkLocalModeGivesTheSameBytesAsTheLocalEngine(@TempDir Path tmp) throws Exception {
        Grid grid = Grid.parse(GRID, "grid.json");
        Path local = tmp.resolve("local");
        Path spark = tmp.resolve("spark");
        Sweep.Outcome a = Sweep.run(grid, local, new LocalEngine(), 2, n -> { }, n -> { });
        SweepEngine engine = SweepEngine.find("spark");
        assertTrue(engine instanceof SparkEngine, "the service loader finds the Spark engine");
        Sweep.Outcome b = Sweep.run(grid, spark, engine, 2, n -> { }, n -> { });
        assertEquals(12, a.computed());
        assertEquals(12, b.computed());
        List<Path> files = files(local);
        assertEquals(files, files(spark), "same files");
        assertTrue(files.contains(Path.of("results.csv")) && files.contains(Path.of("results.jsonl")));
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(local.resolve(f)), Files.readAllBytes(spark.resolve(f)), f.toString());
        }
        Sweep.Outcome again = Sweep.run(grid, spark, engine, 2, n -> { }, n -> { });
        assertEquals(0, again.computed(), "a rerun reuses every stored cell");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().collect(Collectors.toList());
        }
    }
}
