package org.loopbound.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Grid parsing: canonical values and keys, enumeration, and errors that name the file, line and field. */
class GridTest {

    private static final String GRID = "{\n"
            + "  \"parameters\": {\"scenario\": \"Fixed-Proportion\", \"p0\": \"uniform:4\", \"delta\": 0.01},\n"
            + "  \"axes\": {\n"
            + "    \"n\": {\"from\": 100, \"to\": 300, \"step\": 100},\n"
            + "    \"lambda\": [0.5, \"1/4\"]\n"
            + "  },\n"
            + "  \"replicates\": 5,\n"
            + "  \"seed\": -3\n"
            + "}\n";

    @Test
    void valuesAreCanonicalAndCellsEnumerateAxesInNameOrder() throws InterruptedException {
        Grid g = Grid.parse(GRID, "g.json");
        assertEquals(6, g.cellCount());
        assertEquals(List.of("1/2", "1/4"), g.axes().get("lambda"));
        assertEquals(List.of("100", "200", "300"), g.axes().get("n"));
        assertEquals("fixed-proportion", g.fixed().get("scenario"));
        assertEquals("1/100", g.fixed().get("delta"));
        assertEquals(-3, g.seed());
        // lambda before n by name; n varies fastest.
        assertEquals("1/2", g.cell(2).parameters().get("lambda"));
        assertEquals("300", g.cell(2).parameters().get("n"));
        assertEquals("1/4", g.cell(3).parameters().get("lambda"));
        assertEquals("alpha-test=1/1000;delta=1/100;eps-scale=1;generations=10;growth-exponent=4;lambda=1/4;"
                + "learner=empirical;mixing=stratified;n=100;p0=uniform:4;precision=128;scenario=fixed-proportion",
                g.cell(3).key());
        g.validateCells(2);
    }

    @Test
    void aCellsKeyAndSeedDoNotDependOnTheGridItCameFrom() {
        Grid a = Grid.parse(GRID, "a.json");
        Grid b = Grid.parse("{\"parameters\": {\"scenario\": \"fixed-proportion\", \"p0\": \"uniform:4\","
                + " \"n\": \"200\", \"lambda\": \"0.25\", \"generations\": \"10\"}, \"seed\": -3}", "b.json");
        assertEquals(1, b.cellCount());
        Cell fromA = a.cell(4);
        assertEquals(fromA.key(), b.cell(0).key());
        assertEquals(fromA.cellSeed(-3), b.cell(0).cellSeed(-3));
        assertNotEquals(a.cell(0).cellSeed(-3), a.cell(1).cellSeed(-3));
        assertNotEquals(fromA.cellSeed(-3), fromA.cellSeed(-2));
    }

    static Stream<Arguments> badGrids() {
        return Stream.of(
            Arguments.of("{\"parameters\": {\"scenario\": \"fixed-proportion\",\n \"lambda\": \"3/2\"}}",
                    "g.json:2: parameters.lambda: lambda must be in [0, 1], got 3/2"),
            Arguments.of("{\"axes\": {\n\"n\": [10,\n 0]}}",
                    "g.json:3: axes.n[1]: n must be a whole number in [1, 10^12], got 0"),
            Arguments.of("{\n\"axes\": {\"colour\": [1]}}", "g.json:2: axes.colour: unknown parameter"),
            Arguments.of("{\"parameters\": {\"n\": 5},\n\"axes\": {\"n\": [1, 2]}}",
                    "g.json:2: axes.n: n is also a fixed parameter"),
            Arguments.of("{\"seed\": 1,\n\n \"seed\": 2}", "g.json:3: seed: duplicate field"),
            Arguments.of("{\"replicates\": 0}",
                    "g.json:1: replicates: replicates must be a whole number in [1, 10^7], got 0"),
            Arguments.of("{\"outputs\": [\"bound\",\n \"plots\"]}",
                    "g.json:2: outputs[1]: outputs must be among bound, simulation, verdict"),
            Arguments.of("{\"axes\": {\"lambda\": {\"from\": 0, \"to\": 1}}}",
                    "g.json:1: axes.lambda: a range needs from, to and step"),
            Arguments.of("{\"axes\": {\"lambda\": [\"1/2\", 0.5]}}",
                    "g.json:1: axes.lambda: an axis must not repeat a value"),
            Arguments.of("{\"parameters\": {\"p0\": \"uniform:0\"}}", "g.json:1: parameters.p0: p₀"),
            Arguments.of("{\"parameters\": {\n\"n\": 5,}}", "g.json:2: json: not valid JSON: expected a key in double quotes at $.parameters.n (line 2, column 9)"),
            Arguments.of("[1, 2]", "g.json:1: grid: the file must be one JSON object"));
    }

    @ParameterizedTest
    @MethodSource("badGrids")
    void errorsNameFileLineAndField(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Grid.parse(text, "g.json"));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("--"), "grid errors use grid names: " + e.getMessage());
    }

    /** Every field takes every exact spelling of a whole number, as the command line does; none takes other digits. */
    @Test
    void wholeNumbersTakeEveryExactSpellingInEveryField() {
        Grid g = Grid.parse("{\"parameters\": {\"scenario\": \"fully-synthetic\", \"p0\": \"uniform:4\","
                + " \"n\": 1e2, \"precision\": \"256/2\"}, \"replicates\": 1e1, \"seed\": \"-7e0\"}", "g.json");
        assertTrue(g.replicates() == 10 && g.seed() == -7, g.replicates() + " " + g.seed());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Grid.parse(
                "{\"parameters\": {\"scenario\": \"fully-synthetic\", \"p0\": \"uniform:4\"}, \"seed\": \"٣\"}",
                "g.json"));
        assertTrue(e.getMessage().startsWith("g.json:1: seed: seed must be a whole number in [-2^63, 2^63), got '٣'"),
                e.getMessage());
    }

    @Test
    void invalidCombinationsAreFoundBeforeAnythingRuns() {
        Grid g = Grid.parse("{\"parameters\": {\"scenario\": \"fixed-proportion\", \"p0\": \"uniform:4\"},\n"
                + " \"axes\": {\"n\": [10, 15],\n \"lambda\": [\"1/2\", \"1/3\"]}}", "g.json");
        for (int threads : new int[] {1, 4}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.validateCells(threads));
            assertTrue(e.getMessage().startsWith("g.json:2,3: cell 1 {"), e.getMessage());
            assertTrue(e.getMessage().contains("n must make every draw count of stratified mixing whole, got λ_1·N_1"),
                    e.getMessage());
        }
        // Many bad cells, validated by several workers: the first bad one in grid order is reported, every time.
        Grid many = Grid.parse("{\"parameters\": {\"scenario\": \"fixed-proportion\", \"p0\": \"uniform:4\"},\n"
                + " \"axes\": {\"n\": {\"from\": 2, \"to\": 400, \"step\": 2},\n \"lambda\": [\"1/2\", \"1/4\"]}}", "h.json");
        String first = assertThrows(IllegalArgumentException.class, () -> many.validateCells(1)).getMessage();
        assertTrue(first.startsWith("h.json:2,3: cell 200 {"), first);
        for (int run = 0; run < 20; run++) {
            assertEquals(first, assertThrows(IllegalArgumentException.class, () -> many.validateCells(3)).getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.validateCells(1));
        assertTrue(e.getMessage().contains("n must make every draw count of stratified mixing whole, got λ_1·N_1"),
                e.getMessage());
        Grid missing = Grid.parse("{\"parameters\": {\"scenario\": \"accumulate\", \"p0\": \"uniform:4\"}}", "m.json");
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> missing.validateCells(2));
        assertTrue(m.getMessage().contains("real is required by scenario accumulate"), m.getMessage());
    }
}
