package org.loopbound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files, folders and streams, each run through {@link Main#run} in-process: malformed {@code check} files
 * (CSV and JSON, every kind of fault), {@code --out} over a user's files, a regular file, {@code ''}, a device or
 * another command's run, output folders that cannot be created or written, and {@code /dev/full} as standard output.
 * Every case asserts its exit code (2 bad input, 3 I/O failure), exactly one line on standard error, the file or
 * option named, and no Java exception class name or parser vocabulary; {@code --out} refusals also leave the user's
 * files untouched and write nothing.
 */
class HostileFilesTest {

    /** A Java class or exception name, or the vocabulary of the parsers loopbound uses. */
    private static final Pattern LEAK = Pattern.compile("\\b(java|javax|com\\.google|org\\.apache)\\.\\w"
            + "|\\w(Exception|Error)\\b|setStrictness|Input length|JsonReader|JsonNull|CSVException|encapsulated|https?://");

    private static final String CSV_HEADER = "result,command,path,scenario,n,lambda,eps,generations,value\n";
    private static final String CSV_ROW = "R3,bound,values[2].bound,fixed-proportion,1000,1/10,1,20,";
    private static final String JSON_PARAMS = "{\"scenario\": \"fixed-proportion\", \"n\": \"1000\", \"lambda\":"
            + " \"1/10\", \"eps\": \"1\", \"generations\": \"20\"}";

    private static final String SIMULATE = "simulate --scenario accumulate --p0 uniform:6 --real 60 --synthetic 30"
            + " --generations 3 --replicates 4";
    private static final String GRID = "{\"parameters\": {\"scenario\": \"fixed-proportion\", \"p0\": \"uniform:4\","
            + " \"generations\": 2, \"n\": 20}, \"axes\": {\"lambda\": [\"1/2\", \"1/4\"]}, \"replicates\": 2,"
            + " \"seed\": 1}";

    @TempDir
    Path tmp;

    /** A JSON file of one vector whose fields are {@code fields} (the text between the braces). */
    private static String vector(String fields) {
        return "{\"vectors\": [{" + fields + "}]}";
    }

    private static String fields(String result, String command, String params, String value) {
        return "\"result\": " + result + ", \"command\": " + command + ", \"parameters\": " + params
                + ", \"path\": \"values[2].bound\", \"value\": " + value;
    }

    /** Malformed {@code check} files: name (with its extension), content, and what the message must say. */
    static Stream<Object[]> malformedCheckFiles() {
        byte[] notUtf8Csv = (CSV_HEADER + CSV_ROW + "2.71\u0000").getBytes(StandardCharsets.UTF_8);
        notUtf8Csv[notUtf8Csv.length - 1] = (byte) 0xFF;
        byte[] notUtf8Json = vector(fields("\"R3\"", "\"bound\"", JSON_PARAMS, "\"2.71\u0000\""))
                .getBytes(StandardCharsets.UTF_8);
        notUtf8Json[notUtf8Json.length - 5] = (byte) 0xC3;
        return Stream.of(
                new Object[] {"unterminated.csv", CSV_HEADER + CSV_ROW + "\"2.71\n", "line 2: a quoted field is never closed"},
                new Object[] {"stray-quote.csv", CSV_HEADER + CSV_ROW + "2.\"71\n", "line 2: a stray double quote"},
                new Object[] {"after-quote.csv", CSV_HEADER + CSV_ROW + "\"2\"71\n", "line 2: text after the closing quote"},
                new Object[] {"duplicate-header.csv", CSV_HEADER.replace("\n", ",value\n") + CSV_ROW + "2.71,3\n",
                    "line 1: the header names the column 'value' twice"},
                new Object[] {"empty-header-name.csv", CSV_HEADER.replace("\n", ",\n") + CSV_ROW + "2.71,\n",
                    "line 1: header field 10 is empty"},
                new Object[] {"short-row.csv", CSV_HEADER + CSV_ROW + "2.71\nR3,bound\n",
                    "line 3: expected 9 fields (as the header has), found 2"},
                new Object[] {"long-row.csv", CSV_HEADER + CSV_ROW + "2.71,9\n", "line 2: expected 9 fields"},
                new Object[] {"no-value-column.csv", "result,command,path\nR3,bound,x\n", "no column 'value'"},
                new Object[] {"empty.csv", "", "line 1: empty CSV"},
                new Object[] {"header-only.csv", CSV_HEADER, "no rows to check"},
                new Object[] {"unquoted-comma.csv", CSV_HEADER + CSV_ROW + "2,71\n", "line 2: expected 9 fields"},
                new Object[] {"bad-number.csv", CSV_HEADER + CSV_ROW + "2.7.1\n", "line 2: value: '2.7.1' is not a"},
                new Object[] {"bad-interval.csv", CSV_HEADER + CSV_ROW + "[1;2;3]\n", "line 2: an interval value"},
                new Object[] {"not-utf8.csv", notUtf8Csv, "not valid UTF-8 at byte offset"},
                new Object[] {"duplicate-key.json", vector(fields("\"R3\"", "\"bound\"", JSON_PARAMS, "\"2.71\"")
                    + ", \"value\": \"3\""), "$.vectors[0].value (line 1): duplicate key \"value\""},
                new Object[] {"duplicate-parameter.json", vector(fields("\"R3\"", "\"bound\"",
                    JSON_PARAMS.replace("}", ", \"n\": \"10\"}"), "\"2.71\"")), "$.vectors[0].parameters.n"},
                new Object[] {"duplicate-vectors.json", "{\"vectors\": [], \"vectors\": []}", "duplicate key \"vectors\""},
                new Object[] {"null-command.json", vector(fields("\"R3\"", "null", JSON_PARAMS, "\"2.71\"")),
                    "$.vectors[0].command (line 1): must not be null"},
                new Object[] {"null-value.json", vector(fields("\"R3\"", "\"bound\"", JSON_PARAMS, "null")),
                    "$.vectors[0].value (line 1): must not be null"},
                new Object[] {"null-parameter.json", vector(fields("\"R3\"", "\"bound\"",
                    JSON_PARAMS.replace("\"1000\"", "null"), "\"2.71\"")), "$.vectors[0].parameters.n (line 1):"
                    + " must be a string or a number, got null"},
                new Object[] {"object-as-string.json", vector(fields("{\"id\": \"R3\"}", "\"bound\"", JSON_PARAMS,
                    "\"2.71\"")), "$.vectors[0].result (line 1): must be a string or a number, got an object"},
                new Object[] {"array-as-string.json", vector(fields("\"R3\"", "[\"bound\"]", JSON_PARAMS, "\"2.71\"")),
                    "$.vectors[0].command (line 1): must be a string or a number, got an array"},
                new Object[] {"array-as-value.json", vector(fields("\"R3\"", "\"bound\"", JSON_PARAMS, "[2.71]")),
                    "$.vectors[0].value (line 1): must be a string or a number, got an array"},
                new Object[] {"object-in-exact.json", vector(fields("\"R3\"", "\"bound\"", JSON_PARAMS,
                    "{\"exact\": {}}")), "$.vectors[0].value.exact (line 1): must be a string or a number"},
                new Object[] {"boolean-as-number.json", vector(fields("\"R3\"", "\"bound\"", JSON_PARAMS, "true")),
                    "got a boolean"},
                new Object[] {"parameters-not-object.json", vector(fields("\"R3\"", "\"bound\"", "\"n=1000\"",
                    "\"2.71\"")), "$.vectors[0].parameters (line 1): must be a JSON object, got a string"},
                new Object[] {"vectors-not-array.json", "{\"vectors\": {}}", "$.vectors (line 1): must be a JSON array"},
                new Object[] {"top-level-array.json", "[]", "$ (line 1): must be a JSON object, got an array"},
                new Object[] {"no-vectors.json", "{\"values\": []}", "$ (line 1): has no \"vectors\""},
                new Object[] {"missing-field.json", vector("\"result\": \"R3\""), "has no \"command\""},
                new Object[] {"trailing-comma.json", "{\"vectors\": [],}", "expected a key in double quotes"},
                new Object[] {"single-quotes.json", "{'vectors': []}", "(line 1, column 3): not valid JSON (RFC 8259)"},
                new Object[] {"comment.json", "{\"vectors\": [] // none\n}", "not valid JSON (RFC 8259)"},
                new Object[] {"nan.json", vector(fields("\"R3\"", "\"bound\"", JSON_PARAMS, "NaN")),
                    "not valid JSON (RFC 8259)"},
                new Object[] {"unterminated-string.json", "{\"vectors\": [{\"result\": \"R3}]}",
                    "not valid JSON: unterminated string"},
                new Object[] {"truncated.json", "{\"vectors\": [{\"result\": \"R3\"", "the JSON text ends early"},
                new Object[] {"text-after.json", "{\"vectors\": []} {}", "text after the end of the JSON value"},
                new Object[] {"empty.json", "", "the JSON text ends early"},
                new Object[] {"deeply-nested.json", "{\"vectors\": " + "[".repeat(100_000), "nested too deeply"},
                new Object[] {"huge-exponent.json", vector(fields("\"R3\"", "\"bound\"", JSON_PARAMS,
                    "1e99999999999")), "the number 1e99999999999 is out of range"},
                new Object[] {"not-utf8.json", notUtf8Json, "not valid UTF-8 at byte offset"});
    }

    @TestFactory
    Stream<DynamicTest> malformedCheckFilesAreOneLineWithExitTwo() {
        return malformedFiles(malformedCheckFiles(), f -> {
            CliRunner.Result r = CliRunner.run("check", f.toString());
            assertOneLine(r, 2, "file " + f + ": ");
            assertEquals("", r.out(), "nothing checked before the whole file was read");
            return r;
        });
    }

    /** Malformed sweep grids: name, content, and what the message must say. */
    static Stream<Object[]> malformedGrids() {
        byte[] notUtf8 = GRID.replace("uniform:4", "uniform:4\u0000").getBytes(StandardCharsets.UTF_8);
        notUtf8[GRID.indexOf("uniform:4") + "uniform:4".length()] = (byte) 0xFF;
        String range = "{\"parameters\": {\"scenario\": \"fixed-proportion\", \"p0\": \"uniform:4\"}, \"axes\": {\"n\": ";
        return Stream.of(
                new Object[] {"truncated.json", GRID.substring(0, GRID.length() - 9),
                    "json: not valid JSON: unterminated string at $.replicates"},
                new Object[] {"trailing-comma.json", GRID.replace(", \"seed\": 1}", ", \"seed\": 1,}"),
                    "expected a key in double quotes at $.seed"},
                new Object[] {"single-quotes.json", GRID.replace("\"seed\"", "'seed'"), "not valid JSON (RFC 8259)"},
                new Object[] {"comment.json", GRID.replace("\"seed\": 1", "\"seed\": 1 // fixed"), "not valid JSON (RFC 8259)"},
                new Object[] {"text-after.json", GRID + " {}", "not valid JSON (RFC 8259)"},
                new Object[] {"empty.json", "", "the JSON text ends early"},
                new Object[] {"top-level-array.json", "[" + GRID + "]", "the file must be one JSON object"},
                new Object[] {"duplicate-field.json", GRID.replace("\"seed\": 1", "\"seed\": 1, \"seed\": 2"),
                    "seed: duplicate field"},
                new Object[] {"duplicate-parameter.json", GRID.replace("\"n\": 20", "\"n\": 20, \"n\": 30"),
                    "duplicate field"},
                new Object[] {"duplicate-axis.json", GRID.replace("[\"1/2\", \"1/4\"]",
                    "[\"1/2\", \"1/4\"], \"lambda\": [\"1/8\"]"), "duplicate field"},
                new Object[] {"unknown-field.json", GRID.replace("\"seed\": 1", "\"seed\": 1, \"sead\": 2"),
                    "sead: unknown field"},
                new Object[] {"unknown-parameter.json", GRID.replace("\"n\": 20", "\"n\": 20, \"lamda\": \"1/2\""),
                    "parameters.lamda: unknown parameter"},
                new Object[] {"null-seed.json", GRID.replace("\"seed\": 1", "\"seed\": null"),
                    "seed: expected a number or a string, got null"},
                new Object[] {"object-as-value.json", GRID.replace("\"n\": 20", "\"n\": {\"v\": 20}"),
                    "parameters.n: expected a number or a string, got an object"},
                new Object[] {"axes-not-object.json", GRID.replace("{\"lambda\": [\"1/2\", \"1/4\"]}", "[1, 2]"),
                    "axes: expected an object"},
                new Object[] {"empty-axis.json", GRID.replace("[\"1/2\", \"1/4\"]", "[]"),
                    "axes.lambda: an axis needs at least one value"},
                new Object[] {"fixed-and-swept.json", GRID.replace("\"n\": 20", "\"n\": 20, \"lambda\": \"1/2\""),
                    "lambda is also a fixed parameter"},
                new Object[] {"zero-step.json", range + "{\"from\": 10, \"to\": 20, \"step\": 0}}}", "step must be > 0"},
                new Object[] {"negative-step.json", range + "{\"from\": 10, \"to\": 20, \"step\": \"-1\"}}}",
                    "step must be > 0"},
                new Object[] {"huge-range.json", range + "{\"from\": 1, \"to\": 1e12, \"step\": 1}}}",
                    "a range has at most"},
                new Object[] {"range-without-step.json", range + "{\"from\": 1, \"to\": 5}}}", "from, to and step"},
                new Object[] {"too-many-cells.json", range + "{\"from\": 1, \"to\": 100000, \"step\": 1}, \"lambda\":"
                    + " {\"from\": \"1/1000\", \"to\": 1, \"step\": \"1/1000\"}}}", "the grid has more than 10000000 cells"},
                new Object[] {"outside-domain.json", GRID.replace("[\"1/2\", \"1/4\"]", "[\"1/2\", \"3/2\"]"),
                    "axes.lambda[1]: lambda must be in [0, 1], got 3/2"},
                new Object[] {"huge-replicates.json", GRID.replace("\"replicates\": 2", "\"replicates\": 1e99999999"),
                    "too large to compute with exactly: it has a decimal exponent beyond"},
                new Object[] {"invalid-cell.json", GRID.replace("\"n\": 20", "\"n\": 15"), "cell 0 {"},
                new Object[] {"deeply-nested.json", "{\"axes\": " + "[".repeat(100_000), "axes: expected an object"},
                new Object[] {"not-utf8.json", notUtf8, "not valid UTF-8 at byte offset"});
    }

    /**
     * A malformed grid is one line naming the file, exit 2, and nothing is written: the output folder is not even
     * created (the grid is read and every cell validated before the folder is claimed).
     */
    @TestFactory
    Stream<DynamicTest> malformedGridsAreOneLineWithExit2AndWriteNothing() {
        return malformedFiles(malformedGrids(), f -> {
            Path out = tmp.resolve("out-" + f.getFileName());
            CliRunner.Result r = CliRunner.run("sweep", f.toString(), "--out", out.toString());
            assertOneLine(r, 2, String.valueOf(f.getFileName()));
            assertFalse(Files.exists(out), "nothing written: " + out);
            return r;
        });
    }

    /**
     * One test per case {name, content (String or bytes), expected text}: the content is written to a file of that
     * name, {@code run} runs a command on it and checks what is particular to the command, and the message must
     * contain the expected text.
     */
    private Stream<DynamicTest> malformedFiles(Stream<Object[]> cases, Function<Path, CliRunner.Result> run) {
        return cases.map(c -> DynamicTest.dynamicTest((String) c[0], () -> {
            Path f = tmp.resolve((String) c[0]);
            Files.write(f, c[1] instanceof byte[] ? (byte[]) c[1] : ((String) c[1]).getBytes(StandardCharsets.UTF_8));
            CliRunner.Result r = run.apply(f);
            assertTrue(r.err().contains((String) c[2]), r.err());
        }));
    }

    /** A grid with a byte-order mark runs as the same grid without one, to the same bytes. */
    @Test
    void aGridWithAByteOrderMarkIsTheSameGrid() throws IOException {
        Path plain = Files.writeString(tmp.resolve("plain.json"), GRID);
        Path bom = Files.writeString(tmp.resolve("bom.json"), "\uFEFF" + GRID);
        CliRunner.Result a = CliRunner.run("sweep", plain.toString(), "--out", tmp.resolve("a").toString());
        CliRunner.Result b = CliRunner.run("sweep", bom.toString(), "--out", tmp.resolve("b").toString());
        assertEquals(0, a.exit(), a.err());
        assertEquals(0, b.exit(), b.err());
        assertEquals(Files.readString(tmp.resolve("a/results.csv")), Files.readString(tmp.resolve("b/results.csv")));
    }

    @TestFactory
    Stream<DynamicTest> checkFilesThatDoNotExistOrAreFoldersAreBadInput() {
        return Stream.of(
                DynamicTest.dynamicTest("missing file", () -> {
                    Path f = tmp.resolve("missing.csv");
                    assertOneLine(CliRunner.run("check", f.toString()), 2, "file " + f + ": does not exist");
                }),
                DynamicTest.dynamicTest("a folder", () -> {
                    Path f = Files.createDirectories(tmp.resolve("folder.json"));
                    assertOneLine(CliRunner.run("check", f.toString()), 2, "file " + f + ": is a directory");
                }));
    }

    /** A byte-order mark is accepted and removed the same way in CSV and JSON: the output is that without one. */
    @TestFactory
    Stream<DynamicTest> aByteOrderMarkIsAcceptedInBothFormats() {
        String csv = CSV_HEADER + CSV_ROW + "2.71\n";
        String json = vector(fields("\"R3\"", "\"bound\"", JSON_PARAMS, "\"2.71\""));
        return Stream.of(new String[] {"bom.csv", csv}, new String[] {"bom.json", json})
                .map(c -> DynamicTest.dynamicTest(c[0], () -> {
                    Path plain = Files.writeString(tmp.resolve("plain-" + c[0]), c[1]);
                    Path bom = Files.writeString(tmp.resolve(c[0]), "\uFEFF" + c[1]);
                    CliRunner.Result a = CliRunner.run("check", plain.toString());
                    CliRunner.Result b = CliRunner.run("check", bom.toString());
                    assertEquals(0, a.exit(), a.err());
                    assertEquals(0, b.exit(), b.err());
                    assertEquals(a.out(), b.out());
                    assertTrue(b.out().contains(": PASS"), b.out());
                }));
    }

    /** The commands with {@code --out DIR}, with arguments that are valid except possibly for the folder. */
    private static Map<String, Function<Path, List<String>>> commandsWithOut(Path grid) {
        Map<String, Function<Path, List<String>>> m = new TreeMap<>();
        m.put("simulate", dir -> args(SIMULATE, "--out", dir.toString()));
        m.put("diffusion oracle", dir -> args("diffusion oracle --replicates 2 --eval-samples 10 --steps 5 --width 4",
                "--out", dir.toString()));
        m.put("diffusion loop", dir -> args("diffusion loop --n 20 --tau 1 --tau-scale 1 --generations 1"
                + " --replicates 2 --eval-samples 10 --steps 5 --width 4", "--out", dir.toString()));
        m.put("diffusion tau-sweep", dir -> args("diffusion tau-sweep --n 20 --taus 1e3 --generations 1"
                + " --replicates 2 --eval-samples 10 --steps 5 --width 4", "--out", dir.toString()));
        m.put("diffusion phase", dir -> args("diffusion phase --real 10 --synthetic 0,10 --tau 1 --generations 1"
                + " --replicates 2 --eval-samples 10 --steps 5 --width 4", "--out", dir.toString()));
        m.put("kde loop", dir -> args("kde loop --scenario fixed-proportion --n 20 --lambda 1/2 --generations 1"
                + " --replicates 2", "--out", dir.toString()));
        m.put("sweep", dir -> args("sweep " + grid, "--out", dir.toString()));
        m.put("vectors", dir -> args("vectors", "--out", dir.toString()));
        m.put("reproduce", dir -> args("reproduce --quick", "--out", dir.toString()));
        return m;
    }

    private static List<String> args(String words, String... more) {
        List<String> out = new ArrayList<>(List.of(words.split(" ")));
        out.addAll(List.of(more));
        return out;
    }

    /** {@code --out} that is not absent, empty or a run of the same command: refused before any work, exit 2. */
    @TestFactory
    Stream<DynamicTest> outOverAnythingButAnEmptyFolderOrItsOwnRunIsRefused() throws IOException {
        return perCommand("refused-", (cmd, c, base, tests) -> {
            tests.add(DynamicTest.dynamicTest(cmd + " --out over a user's files", () -> {
                Path user = Files.createDirectories(base.resolve("user"));
                Files.writeString(user.resolve("summary.json"), "mine");
                Files.writeString(user.resolve("generations.csv"), "mine too");
                CliRunner.Result r = run(c.apply(user));
                assertOneLine(r, 2, "--out " + user);
                assertTrue(r.err().contains("already holds files"), r.err());
                assertEquals(List.of("generations.csv", "summary.json"), names(user), "nothing written");
                assertEquals("mine", Files.readString(user.resolve("summary.json")));
            }));
            tests.add(DynamicTest.dynamicTest(cmd + " --out a regular file", () -> {
                Path file = Files.writeString(Files.createDirectories(base).resolve("file"), "mine");
                CliRunner.Result r = run(c.apply(file));
                assertOneLine(r, 2, "--out " + file + " is not a folder");
                assertEquals("mine", Files.readString(file));
            }));
            tests.add(DynamicTest.dynamicTest(cmd + " --out ''", () -> {
                List<String> before = names(Paths.get("").toAbsolutePath());
                CliRunner.Result r = run(c.apply(Paths.get("")));
                assertOneLine(r, 2, "--out is empty");
                assertEquals(before, names(Paths.get("").toAbsolutePath()), "nothing written to the current folder");
            }));
            tests.add(DynamicTest.dynamicTest(cmd + " --out /dev/full", () -> {
                Path full = Paths.get("/dev/full");
                assumeTrue(Files.exists(full), "no /dev/full here");
                assertOneLine(run(c.apply(full)), 2, "--out /dev/full is not a folder");
            }));
            tests.add(DynamicTest.dynamicTest(cmd + " --out another command's run", () -> {
                Path other = Files.createDirectories(base.resolve("other"));
                String kind = cmd.equals("sweep") ? "simulate" : "sweep";
                Files.writeString(other.resolve(".loopbound-run"), kind + "\n");
                CliRunner.Result r = run(c.apply(other));
                assertOneLine(r, 2, "--out " + other + " holds a run of loopbound " + kind);
                assertEquals(List.of(".loopbound-run"), names(other));
            }));
        });
    }

    /** Cases made for each command with {@code --out}. */
    private interface PerCommand {
        void add(String command, Function<Path, List<String>> args, Path base, List<DynamicTest> tests)
                throws IOException;
    }

    private Stream<DynamicTest> perCommand(String prefix, PerCommand cases) throws IOException {
        Path grid = Files.writeString(tmp.resolve("grid.json"), GRID);
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Function<Path, List<String>>> c : commandsWithOut(grid).entrySet()) {
            cases.add(c.getKey(), c.getValue(), tmp.resolve(prefix + c.getKey().replace(' ', '-')), tests);
        }
        return tests.stream();
    }

    /** Output folders that cannot be created or written: exit 3, one line naming the path and the cause. */
    @TestFactory
    Stream<DynamicTest> outputFoldersThatCannotBeWrittenAreIoFailures() throws IOException {
        return perCommand("io-", (cmd, c, base, tests) -> {
            tests.add(DynamicTest.dynamicTest(cmd + " --out below a regular file", () -> {
                Path file = Files.writeString(Files.createDirectories(base).resolve("file"), "mine");
                Path below = file.resolve("run");
                assertOneLine(run(c.apply(below)), 3, "cannot create the folder " + below
                        + ": not a directory");
            }));
            tests.add(DynamicTest.dynamicTest(cmd + " --out on a read-only file system (/sys)", () -> {
                Path sys = Paths.get("/sys/loopbound-hostile-test");
                assumeTrue(Files.isDirectory(sys.getParent()) && !Files.exists(sys), "no sysfs here");
                CliRunner.Result r = run(c.apply(sys));
                assertOneLine(r, 3, "cannot create the folder " + sys + ": ");
            }));
            tests.add(DynamicTest.dynamicTest(cmd + " --out in a read-only folder", () -> {
                Path ro = Files.createDirectories(base.resolve("read-only"));
                Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
                try {
                    assumeFalse(Files.isWritable(ro), "running as root: a read-only folder is writable anyway");
                    Path inside = ro.resolve("run");
                    assertOneLine(run(c.apply(inside)), 3, "cannot create the folder " + inside
                            + ": permission denied");
                } finally {
                    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }));
        });
    }

    /** A full standard output ({@code /dev/full}) is an I/O failure, for commands that print and that write files. */
    @TestFactory
    Stream<DynamicTest> aFullStandardOutputIsAnIoFailure() throws IOException {
        Path csv = Files.writeString(tmp.resolve("values.csv"), CSV_HEADER + CSV_ROW + "2.71\n");
        List<List<String>> cases = List.of(
                List.of("check", csv.toString()),
                args(SIMULATE, "--out", tmp.resolve("stdout-simulate").toString()),
                args("vectors", "--out", tmp.resolve("stdout-vectors").toString()),
                args("bound --scenario fully-synthetic --n 1000 --eps 1/100 --generations 50 --json"));
        return cases.stream().map(a -> DynamicTest.dynamicTest(String.join(" ", a) + " > /dev/full", () -> {
            assumeTrue(Files.exists(Paths.get("/dev/full")), "no /dev/full here");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code;
            try (PrintStream full = new PrintStream(new FileOutputStream("/dev/full"), true, StandardCharsets.UTF_8)) {
                code = Main.run(a.toArray(new String[0]), full, new PrintStream(err, true, StandardCharsets.UTF_8));
            }
            assertOneLine(new CliRunner.Result(code, "", err.toString(StandardCharsets.UTF_8)), 3,
                    "standard output");
        }));
    }

    /** An unreadable {@code check} file is an I/O failure naming it (skipped as root, who reads it anyway). */
    @Test
    void anUnreadableCheckFileIsAnIoFailure() throws IOException {
        Path f = Files.writeString(tmp.resolve("secret.csv"), CSV_HEADER + CSV_ROW + "2.71\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(f), "running as root: an unreadable file is readable anyway");
        assertOneLine(CliRunner.run("check", f.toString()), 3, "cannot read " + f + ": permission denied");
    }

    /** Resuming compares values: the same τ spelled 1e3 and 1000 is the same run (checked on --points of kde). */
    @Test
    void resumeComparesValuesNotSpellings() throws IOException {
        Path out = tmp.resolve("kde");
        List<String> a = args("kde loop --scenario fixed-proportion --n 20 --lambda 1/2 --generations 1"
                + " --replicates 3 --seed 2 --json --points", "0,1/2,1e0", "--out", out.toString());
        CliRunner.Result first = run(a);
        assertEquals(0, first.exit(), first.err());
        Files.delete(out.resolve("summary.json"));
        Files.delete(out.resolve("runs").resolve("run-000001.json"));
        List<String> b = args("kde loop --scenario fixed-proportion --n 20 --lambda 1/2 --generations 1"
                + " --replicates 3 --seed 2 --json --points", "0.0,0.5,1", "--out", out.toString(), "--resume");
        CliRunner.Result resumed = run(b);
        assertEquals(0, resumed.exit(), resumed.err());
        assertEquals(first.out(), resumed.out());
    }

    /**
     * A run that fails late (an over-trained diffusion whose next Gram matrix is not finite) leaves a folder that
     * says why, and --resume continues it (and fails again with the same cause, deterministically) instead of
     * refusing the same τ spelled otherwise.
     */
    @Test
    void aRunThatFailsLateSaysWhyInItsFolder() throws IOException {
        Path out = tmp.resolve("diverging");
        CliRunner.Result r = run(args("diffusion tau-sweep --n 100 --taus 1e14 --generations 1 --replicates 2"
                + " --eval-samples 10", "--out", out.toString()));
        assertOneLine(r, 2, "--taus (τ) must be smaller");
        String failure = Files.readString(out.resolve("failure.json"));
        assertTrue(failure.contains("Gram matrix is not finite") && failure.contains("--resume"), failure);
        assertFalse(Files.exists(out.resolve("summary.json")));
        CliRunner.Result again = run(args("diffusion tau-sweep --n 100 --taus 100000000000000 --generations 1"
                + " --replicates 2 --eval-samples 10", "--out", out.toString(), "--resume"));
        assertOneLine(again, 2, "Gram matrix is not finite");
        assertTrue(Files.exists(out.resolve("failure.json")));
    }

    private static CliRunner.Result run(List<String> args) {
        return CliRunner.run(args.toArray(new String[0]));
    }

    /** Exit code, exactly one line on standard error naming {@code named}, no exception class or parser word. */
    private static void assertOneLine(CliRunner.Result r, int exit, String named) {
        assertEquals(exit, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(named), "names '" + named + "': " + r.err());
        assertFalse(LEAK.matcher(r.err()).find(), "no Java or parser internals: " + r.err());
        assertFalse(r.err().contains("internal error"), r.err());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> String.valueOf(p.getFileName())).sorted().toList();
        }
    }
}
