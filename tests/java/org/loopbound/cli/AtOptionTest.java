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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --at LIST} of {@code bound}, {@code simulate} and {@code exact}: only the listed generations are printed, in
 * JSON and in the table, each exactly as the unfiltered run prints it; a generation outside [0, generations] or a
 * malformed list is refused in one line naming --at.
 */
class AtOptionTest {

    /** Each command with 6 generations, and the JSON array that holds its generations. */
    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("values", new String[] {"bound", "--scenario", "fixed-proportion", "--n", "1000",
                    "--lambda", "1/10", "--atoms", "10", "--delta", "1e-3", "--generations", "6"}),
                Arguments.of("generations", new String[] {"simulate", "--scenario", "fixed-proportion", "--p0",
                    "1/2,1/4,1/4", "--n", "400", "--lambda", "1/4", "--generations", "6", "--replicates", "12",
                    "--seed", "7", "--threads", "2"}),
                Arguments.of("generations", new String[] {"exact", "--scenario", "fully-synthetic", "--p0",
                    "1/2,1/2", "--n", "6", "--generations", "6"}));
    }

    private static String[] with(String[] base, String... more) {
        List<String> a = new ArrayList<>(Arrays.asList(base));
        a.addAll(Arrays.asList(more));
        return a.toArray(new String[0]);
    }

    private static JsonObject json(String[] args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exit(), r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void jsonPrintsExactlyTheListedGenerationsAsTheFullRunDoes(String key, String[] base) {
        JsonObject full = json(with(base, "--json"));
        JsonObject some = json(with(base, "--json", "--at", "6,0, 3,3"));
        JsonArray all = full.getAsJsonArray(key);
        JsonArray listed = some.getAsJsonArray(key);
        assertEquals(7, all.size());
        assertEquals(3, listed.size(), listed.toString());
        int[] expected = {0, 3, 6};
        for (int j = 0; j < expected.length; j++) {
            assertEquals(all.get(expected[j]), listed.get(j), "generation " + expected[j]);
        }
        JsonArray at = new JsonArray();
        at.add(0);
        at.add(3);
        at.add(6);
        assertEquals(at, some.get("at"));
        assertFalse(full.has("at"));
        // Nothing else changes: the computation is the same.
        some.remove("at");
        some.remove(key);
        full.remove(key);
        assertEquals(full, some);
    }

    @ParameterizedTest
    @MethodSource("commands")
    void tablePrintsOnlyTheListedRows(String key, String[] base) {
        CliRunner.Result full = CliRunner.run(base);
        CliRunner.Result some = CliRunner.run(with(base, "--at", "2,5"));
        assertEquals(0, some.exit(), some.err());
        List<String> rows = full.out().lines().filter(l -> l.matches("\\d+\\s.*")).toList();
        List<String> kept = some.out().lines().filter(l -> l.matches("\\d+\\s.*")).toList();
        assertEquals(7, rows.size(), full.out());
        assertEquals(List.of("2", "5"), kept.stream().map(l -> l.split("\\s+")[0]).toList(), some.out());
        // Column widths follow the printed rows, so compare the cells, not the padding.
        assertEquals(Arrays.asList(rows.get(2).split("\\s{2,}")), Arrays.asList(kept.get(0).split("\\s{2,}")));
        assertEquals(Arrays.asList(rows.get(5).split("\\s{2,}")), Arrays.asList(kept.get(1).split("\\s{2,}")));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void aGenerationOutsideTheRunOrAMalformedListIsRefusedInOneLine(String key, String[] base) {
        for (String bad : new String[] {"7", "-1", "0,7", "1,,2", "", "3/2", "two"}) {
            CliRunner.Result r = CliRunner.run(with(base, "--at", bad));
            assertEquals(2, r.exit(), bad + ": " + r.err() + r.out());
            assertTrue(r.err().contains("--at must list whole generations in [0, 6]"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void simulateKeepsEveryGenerationInItsOutFiles(@TempDir Path tmp) throws IOException {
        String[] base = (String[]) commands().toList().get(1).get()[1];
        Path all = tmp.resolve("all");
        Path some = tmp.resolve("some");
        json(with(base, "--json", "--out", all.toString()));
        JsonObject printed = json(with(base, "--json", "--at", "4", "--out", some.toString()));
        assertEquals(1, printed.getAsJsonArray("generations").size());
        for (String f : new String[] {"summary.json", "generations.csv"}) {
            assertEquals(Files.readString(all.resolve(f), StandardCharsets.UTF_8),
                    Files.readString(some.resolve(f), StandardCharsets.UTF_8), f);
        }
    }
}
