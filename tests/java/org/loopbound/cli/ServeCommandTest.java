package org.loopbound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The serve protocol: a response is the command line's {@code --json} output on one line (byte for byte once
 * pretty-printed again), an error is the command line's one-line message and exit code, and no request can stop the
 * server or leave state behind for the next.
 */
class ServeCommandTest {

    /** The responses to {@code lines}, one per non-blank line, through the serve loop. */
    private static List<String> serve(String... lines) {
        StringWriter out = new StringWriter();
        ServeCommand.serve(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")),
                new PrintWriter(out));
        String text = out.toString();
        assertTrue(text.isEmpty() || text.endsWith("\n"), text);
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1);
    }

    private static JsonObject one(String request) {
        List<String> r = serve(request);
        assertEquals(1, r.size(), r.toString());
        assertFalse(r.get(0).contains("\n"));
        return JsonParser.parseString(r.get(0)).getAsJsonObject();
    }

    /** The request {@code json}'s response, pretty-printed, is the command line's output of {@code argv} --json. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"command\": \"bound\", \"args\": {\"scenario\": \"fixed-proportion\", \"n\": \"1000\", \"lambda\": \"1/10\","
                + " \"eps\": \"1\", \"generations\": \"20\"}}"
                + "|bound --scenario fixed-proportion --n 1000 --lambda 1/10 --eps 1 --generations 20",
        "{\"command\": \"bound\", \"args\": {\"scenario\": \"growing-size\", \"n\": 100, \"rate\": \"1,1/2\","
                + " \"generations\": 4, \"precision\": 200}}"
                + "|bound --scenario growing-size --n 100 --rate 1,1/2 --generations 4 --precision 200",
        "{\"command\": \"bound\", \"args\": {\"scenario\": \"fixed-proportion\", \"n\": 10000, \"lambda\": 0.5,"
                + " \"atoms\": 10, \"delta\": 1e-3, \"generations\": 3}}"
                + "|bound --scenario fixed-proportion --n 10000 --lambda 0.5 --atoms 10 --delta 1e-3 --generations 3",
        "{\"command\": \"threshold p1\", \"args\": {\"alpha\": \"1/2\", \"b\": \"1\", \"real\": \"100\"}}"
                + "|threshold p1 --alpha 1/2 --b 1 --real 100",
        "{\"command\": \"threshold p2\", \"args\": {\"alpha\": \"1/2\", \"b\": 1, \"real\": 100, \"generations\": 2,"
                + " \"width\": \"1e-30\"}}|threshold p2 --alpha 1/2 --b 1 --real 100 --generations 2 --width 1e-30",
        "{\"command\": \"threshold  d2\", \"args\": {\"--m\": 100, \"--n\": 1000}}|threshold d2 --m 100 --n 1000",
        "{\"command\": \"kde-bias\", \"args\": {\"bandwidth\": 0.2, \"lambda\": \"1/2\", \"generations\": 4}}"
                + "|kde-bias --bandwidth 0.2 --lambda 1/2 --generations 4",
        "{\"argv\": [\"kde-bias\", \"--bandwidth\", \"1/5\", \"--generations\", \"3\", \"--json\"]}"
                + "|kde-bias --bandwidth 1/5 --generations 3",
        "{\"command\": \"exact\", \"args\": {\"scenario\": \"fully-synthetic\", \"p0\": \"1/2,1/2\", \"n\": 4,"
                + " \"generations\": 2}}|exact --scenario fully-synthetic --p0 1/2,1/2 --n 4 --generations 2",
        "{\"command\": \"threshold\", \"argv\": [\"p1\", \"--alpha\", \"1/3\", \"--b\", \"2\", \"--real\", \"50\"],"
                + " \"args\": {}}|threshold p1 --alpha 1/3 --b 2 --real 50"})
    void aResponseIsTheCommandLinesJsonByteForByte(String request, String argv) {
        CliRunner.Result cli = CliRunner.run((argv + " --json").split(" "));
        assertEquals(0, cli.exit(), cli.err());
        JsonObject response = one(request);
        assertEquals(cli.out(), Json.print(response));
        assertEquals(Json.line(JsonParser.parseString(cli.out())), serve(request).get(0));
    }

    @Test
    void anIdIsEchoedAsTheFirstMemberOfAnswersAndErrors() {
        String args = "\"args\": {\"alpha\": \"1/2\", \"b\": \"1\", \"real\": \"100\"}";
        List<String> r = serve("{\"id\": 7, \"command\": \"threshold p1\", " + args + "}",
                "{\"command\": \"threshold p1\", \"id\": \"q-2\", " + args + "}",
                "{\"id\": {\"case\": [1, 2]}, \"command\": \"threshold p1\", \"args\": {\"alpha\": 2}}",
                "{\"command\": \"threshold p1\", " + args + "}");
        assertEquals(4, r.size());
        assertTrue(r.get(0).startsWith("{\"id\":7,\"result\":\"P1\""), r.get(0));
        assertTrue(r.get(1).startsWith("{\"id\":\"q-2\",\"result\":\"P1\""), r.get(1));
        assertTrue(r.get(2).startsWith("{\"id\":{\"case\":[1,2]},\"error\":"), r.get(2));
        assertEquals(r.get(3), r.get(0).replace("{\"id\":7,", "{"));
        assertEquals(r.get(3), r.get(1).replace("{\"id\":\"q-2\",", "{"));
    }

    /** Bad input: the command line's own one-line message and exit code (serve adds --json after the command). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"command\": \"bound\", \"args\": {\"scenario\": \"fixed-proportion\", \"n\": 1000, \"lambda\": \"3/2\","
                + " \"eps\": 1}}|bound --json --scenario fixed-proportion --n 1000 --lambda 3/2 --eps 1",
        "{\"command\": \"bound\", \"args\": {\"scenario\": \"fixed-proportion\", \"n\": 1000, \"lambda\": \"1/2\"}}"
                + "|bound --json --scenario fixed-proportion --n 1000 --lambda 1/2",
        "{\"command\": \"bound\", \"args\": {\"scenario\": \"fixed-proportion\", \"n\": \"x\", \"eps\": 1}}"
                + "|bound --json --scenario fixed-proportion --n x --eps 1",
        "{\"command\": \"bound\", \"args\": {\"nope\": 1}}|bound --json --nope 1",
        "{\"command\": \"threshold p1\", \"args\": {\"alpha\": 2, \"b\": 1, \"real\": 100}}"
                + "|threshold p1 --json --alpha 2 --b 1 --real 100",
        "{\"command\": \"threshold\"}|threshold",
        "{\"command\": \"threshold p9\"}|threshold p9",
        "{\"command\": \"kde-bias\", \"args\": {\"bandwidth\": 0, \"generations\": 2}}"
                + "|kde-bias --json --bandwidth 0 --generations 2",
        "{\"command\": \"no-such-command\", \"args\": {\"n\": 1}}|no-such-command --n 1",
        "{\"argv\": []}|",
        "{\"command\": \"check\", \"argv\": [\"/no/such/file.csv\"]}|check /no/such/file.csv"})
    void anErrorIsTheCommandLinesMessageAndExitCode(String request, @Nullable String argv) {
        CliRunner.Result cli = CliRunner.run(argv == null ? new String[0] : argv.split(" "));
        assertEquals(Main.EXIT_USAGE, cli.exit(), cli.out());
        JsonObject response = one(request);
        assertEquals(2, response.size(), response.toString());
        assertEquals(cli.err().strip(), response.get("error").getAsString());
        assertEquals(Main.EXIT_USAGE, response.get("exit").getAsInt());
    }

    /** Requests that are not requests: an error naming the line, and the server reads on. */
    @Test
    void aMalformedRequestGetsAnErrorAndTheNextLineIsServed() {
        String good = "{\"command\": \"threshold d2\", \"args\": {\"m\": 100, \"n\": 1000}}";
        List<String> r = serve(
                "{\"command\": \"bound\", \"args\": {\"scenario\": ",
                "{'command': 'bound'}",
                "{\"command\": \"bound\"} {\"command\": \"bound\"}",
                "[1, 2]",
                "",
                "{\"comand\": \"bound\"}",
                "{\"command\": 3}",
                "{\"args\": {\"n\": 1}, \"argv\": [\"bound\"]}",
                "{\"command\": \"bound\", \"args\": {\"n\": [1, 2]}}",
                "{\"command\": \"bound\", \"argv\": [\"--n\", 1]}",
                "{\"command\": \"serve\"}",
                "{\"id\": 1}",
                good);
        assertEquals(12, r.size(), r.toString());
        String[] expected = {
            "line 1: malformed JSON", "line 2: malformed JSON", "line 3: malformed JSON: more than one JSON value",
            "line 4: a request is a JSON object", "line 6: unknown member \"comand\"", "line 7: \"command\" must be",
            "line 8: \"args\" needs \"command\"", "line 9: args.n must be a string, a number or a boolean",
            "line 10: argv[1] must be a string", "a request cannot start another serve",
            "line 12: a request needs \"command\""};
        for (int i = 0; i < expected.length; i++) {
            JsonObject o = JsonParser.parseString(r.get(i)).getAsJsonObject();
            String message = o.get("error").getAsString();
            assertTrue(message.startsWith("loopbound serve: " + expected[i]), message);
            assertFalse(message.contains("\n"), message);
            assertEquals(Main.EXIT_USAGE, o.get("exit").getAsInt());
        }
        assertTrue(r.get(11).startsWith("{\"result\":\"D2\""), r.get(11));
    }

    /** Each request runs on a fresh command line: an option given once does not stay for the next request. */
    @Test
    void noOptionValueSurvivesItsRequest() {
        String with = "{\"command\": \"bound\", \"args\": {\"scenario\": \"growing-size\", \"n\": 100, \"lambda\":"
                + " \"1/2\", \"growth-exponent\": 1, \"eps\": \"1/100\", \"generations\": 3, \"precision\": 64}}";
        String without = "{\"command\": \"bound\", \"args\": {\"scenario\": \"growing-size\", \"n\": 100, \"eps\":"
                + " \"1/100\", \"generations\": 3}}";
        List<String> r = serve(with, without);
        CliRunner.Result cli = CliRunner.run("bound", "--scenario", "growing-size", "--n", "100", "--eps", "1/100",
                "--generations", "3", "--json");
        assertEquals(cli.out(), Json.print(JsonParser.parseString(r.get(1)).getAsJsonObject()));
        assertFalse(r.get(0).equals(r.get(1)));
    }

    /** A flag is true (given) or false (left out); a command without --json answers with its text. */
    @Test
    void flagsAndTextOutput() {
        JsonObject help = one("{\"command\": \"threshold d2\", \"args\": {\"help\": true}}");
        assertEquals(CliRunner.run("threshold", "d2", "--help").out(), help.get("output").getAsString());
        JsonObject noHelp = one("{\"command\": \"threshold d2\", \"args\": {\"help\": false, \"m\": 1, \"n\": 1}}");
        assertEquals("D2", noHelp.get("result").getAsString());
        JsonObject version = one("{\"argv\": [\"--version\"]}");
        assertEquals("loopbound " + Main.version() + "\n", version.get("output").getAsString());
    }

    /** A command that exits 1 with its verdicts on stdout: the exit code's description, and the output. */
    @Test
    void aFailedVerdictCarriesTheOutput(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("mine.csv");
        Files.writeString(csv, "result,command,path,scenario,n,lambda,eps,generations,value\n"
                + "R3,bound,values[2].bound,fixed-proportion,1000,1/10,1,20,2.72\n", StandardCharsets.UTF_8);
        CliRunner.Result cli = CliRunner.run("check", csv.toString());
        assertEquals(Main.EXIT_FAILURE, cli.exit());
        JsonObject o = one("{\"command\": \"check\", \"argv\": [" + Json.line(new JsonPrimitive(csv.toString())) + "]}");
        assertEquals("a checked value or verdict failed, or a value cannot be certified", o.get("error").getAsString());
        assertEquals(Main.EXIT_FAILURE, o.get("exit").getAsInt());
        assertEquals(cli.out(), o.get("output").getAsString());
    }

    /** Through the command line: stdin to end of input, exit 0, System.in and System.out restored afterwards. */
    @Test
    void serveReadsStandardInputUntilItsEnd() {
        InputStream in = System.in;
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(("{\"command\": \"threshold d2\", \"args\": {\"m\": 100, \"n\":"
                    + " 1000}, \"id\": 1}\n\n{\"command\": \"nope\", \"id\": 2}\n").getBytes(StandardCharsets.UTF_8)));
            int code = Main.run(new String[] {"serve"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertTrue(System.in instanceof ByteArrayInputStream);
        } finally {
            System.setIn(in);
        }
        assertSame(stdout, System.out);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("{\"id\":1,\"result\":\"D2\""), lines[0]);
        assertEquals("{\"id\":2,\"error\":\"loopbound: Unmatched argument at index 0: 'nope' (see 'loopbound"
                + " --help')\",\"exit\":2}", lines[1]);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
