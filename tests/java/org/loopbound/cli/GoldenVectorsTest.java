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
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loopbound.spec.ResultIndex;

/**
 * The test-oracle mode: the committed golden vectors are exactly what loopbound prints today, {@code check} accepts
 * them, singles out a perturbed row, and refuses malformed files with exit 2 and the line.
 */
class GoldenVectorsTest {

    private static final Path COMMITTED =
            Paths.get(System.getProperty("loopbound.projectDir", ".")).resolve("spec/vectors/vectors.json");

    @Test
    void regeneratedVectorsEqualTheCommittedSetByteForByte(@TempDir Path dir) throws IOException {
        CliRunner.Result r = CliRunner.run("vectors", "--out", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(Files.readString(COMMITTED, StandardCharsets.UTF_8),
                Files.readString(dir.resolve("vectors.json"), StandardCharsets.UTF_8),
                "spec/vectors/vectors.json is stale: regenerate with ./loopbound vectors --out spec/vectors");
    }

    @Test
    void vectorsCoverEveryResultWithACommandLineValue() throws IOException {
        JsonArray vectors = JsonParser.parseString(Files.readString(COMMITTED)).getAsJsonObject()
                .getAsJsonArray("vectors");
        Set<String> covered = new HashSet<>();
        vectors.forEach(v -> covered.add(v.getAsJsonObject().get("result").getAsString()));
        for (String id : List.of("R3", "R5", "P1", "P2", "D1", "D2", "K2")) {
            assertTrue(covered.contains(id), "no golden vector for " + id + ": " + covered);
        }
        for (String id : covered) {
            ResultIndex.bundled().get(id); // throws for an id the spec does not know
        }
    }

    @Test
    void checkPassesEveryCommittedVector() {
        CliRunner.Result r = CliRunner.run("check", COMMITTED.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertFalse(r.out().contains("FAIL distance") || r.out().contains("UNDECIDED"), r.out());
        assertTrue(r.out().matches("(?s).*check: \\d+ PASS, 0 FAIL of \\d+ rows.*"), r.out());
    }

    @Test
    void onePerturbedJsonValueFailsOnItsLineOnly(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(COMMITTED, StandardCharsets.UTF_8);
        int target = -1;
        for (int i = 0; i < lines.size() && target < 0; i++) {
            if (lines.get(i).contains("\"exact\": \"271/100\"")) {
                target = i;
            }
        }
        assertTrue(target > 0, "the committed set has the fixed-proportion value 271/100");
        lines.set(target, lines.get(target).replace("271/100", "2710000000001/1000000000000"));
        Path bad = dir.resolve("perturbed.json");
        Files.write(bad, lines, StandardCharsets.UTF_8);
        CliRunner.Result r = CliRunner.run("check", bad.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        List<String> failing = r.out().lines().filter(l -> l.contains("FAIL distance")).toList();
        assertEquals(1, failing.size(), r.out());
        // The row is reported by the line its vector starts on, a few lines above the value.
        int reported = Integer.parseInt(failing.get(0).replaceAll("^line (\\d+):.*", "$1"));
        assertTrue(reported <= target + 1 && reported >= target + 1 - 12, failing.get(0) + " vs line " + (target + 1));
        assertTrue(failing.get(0).contains("distance 1E-12"), failing.get(0));
    }

    @Test
    void csvRowsAreCheckedOneByOne(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("mine.csv");
        Files.writeString(csv, String.join("\n",
                "result,command,path,scenario,n,lambda,eps,generations,value",
                "R3,bound,values[2].bound,fixed-proportion,1000,1/10,1,20,2.71",
                "R3,bound,values[2].bound,fixed-proportion,1000,1/10,1,20,2.7100001",
                "R3,bound,values[20].bound,fixed-proportion,1000,1/10,1,20,[8.9;8.91]",
                "R3,bound,values[20].bound,fixed-proportion,1000,1/10,1,20,[8.9058101086848764080;8.95]", ""));
        CliRunner.Result r = CliRunner.run("check", csv.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        List<String> out = r.out().lines().toList();
        assertTrue(out.get(0).startsWith("line 2: PASS"), out.get(0));
        assertTrue(out.get(1).startsWith("line 3: FAIL distance 1E-7"), out.get(1));
        assertTrue(out.get(2).startsWith("line 4: PASS"), out.get(2));
        assertTrue(out.get(3).startsWith("line 5: FAIL distance"), out.get(3));
    }

    /** Malformed CSV files (content, then the text the one-line error must contain). */
    static Stream<Arguments> malformedCsv() {
        String header = "result,command,path,scenario,n,eps,generations,value\n";
        return Stream.of(
                Arguments.of("result,command,path,value\nR3,bound,values[0].bound\n", "bad.csv: line 2: expected 4 fields"),
                Arguments.of("command,path,value\nbound,x,1\n", "bad.csv: line 1: the CSV header has no column 'result'"),
                Arguments.of(header + "R3,bound,values[0].bound,fully-synthetic,10,1,2,1\n"
                        + "R3,bound,values[0].bound,fully-synthetic,10,1,2,abc\n", "bad.csv: line 3:"),
                Arguments.of(header + "R3,bound,values[0].bound,no-such,10,1,2,1\n", "bad.csv: line 2:"));
    }

    @ParameterizedTest
    @MethodSource("malformedCsv")
    void malformedCsvExitsTwoNamingTheLine(String content, String expected, @TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, content);
        CliRunner.Result r = CliRunner.run("check", f.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + r.err());
    }

    @Test
    void malformedJsonExitsTwoNamingTheLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\n  \"vectors\": [\n    {\"result\": \"R3\",\n     \"command\" \"bound\"}\n  ]\n}\n");
        CliRunner.Result r = CliRunner.run("check", f.toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("line 4"), r.err());
        JsonObject missing = JsonParser.parseString("{\"vectors\": [{\"result\": \"R3\"}]}").getAsJsonObject();
        Path g = dir.resolve("missing.json");
        Files.writeString(g, missing.toString());
        CliRunner.Result s = CliRunner.run("check", g.toString());
        assertEquals(2, s.exit(), s.out() + s.err());
        assertTrue(s.err().contains(": $.vectors[0] (line 1): has no \"command\""), s.err());
    }
}
