package org.loopbound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopbound.spec.ResultIndex;

/** {@code loopbound kde-bias} through {@link Main#run}: exit codes, one-line errors, JSON shape and values. */
class KdeBiasCommandTest {

    /** Exit code, standard output and standard error of one run. */
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The output must be exactly one JSON object (nothing after it). */
    private static JsonObject single(String text) throws java.io.IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        JsonElement e = JsonParser.parseReader(reader);
        assertEquals(com.google.gson.stream.JsonToken.END_DOCUMENT, reader.peek(), "more than one JSON value");
        assertTrue(e.isJsonObject());
        return e.getAsJsonObject();
    }

    private static boolean encloses(JsonObject value, String reference) {
        BigDecimal r = new BigDecimal(reference);
        return new BigDecimal(value.get("lo").getAsString()).compareTo(r) <= 0
                && r.compareTo(new BigDecimal(value.get("hi").getAsString())) <= 0;
    }

    @Test
    void jsonHasTheDocumentedShapeAndCertifiedValues() throws Exception {
        Run r = run("kde-bias", "--bandwidth", "0.2", "--generations", "9", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonObject o = single(r.out());
        ResultIndex.Result k2 = ResultIndex.bundled().get("K2");
        assertEquals("K2", o.get("result").getAsString());
        assertEquals(k2.label().tag(), o.get("label").getAsString());
        assertEquals(String.join(",", k2.claims()), o.get("claim").getAsString());
        JsonObject params = o.getAsJsonObject("parameters");
        assertEquals("1/5", params.get("bandwidth").getAsString());
        assertEquals("0", params.get("lambda").getAsString());
        assertEquals("0", params.get("mean").getAsString());
        assertEquals("1", params.get("variance").getAsString());
        assertEquals(9, params.get("generations").getAsInt());
        assertEquals(128, params.get("precision_bits").getAsInt());

        JsonArray values = o.getAsJsonArray("values");
        assertEquals(10, values.size());
        // mpmath references of K2KdeExpectedDensityTest (theory.md §5 to 7 decimals: 0.0094900, 0.0186200, 0.0812250).
        String[] refs = {"0.009489960254375621826110991002859554417062", "0.01862002133473695950750500705718350300712"};
        for (int i = 0; i < values.size(); i++) {
            JsonObject v = values.get(i).getAsJsonObject();
            assertEquals(i, v.get("generation").getAsInt());
            JsonObject tv = v.getAsJsonObject("tv_lower_bound");
            assertTrue(tv.has("lo") && tv.has("hi") && !tv.has("exact"), tv::toString);
            assertTrue(v.has("effective_bandwidth") && v.has("bias"), v::toString);
            JsonArray ws = v.getAsJsonArray("weights");
            assertEquals(i + 1, ws.size());
            // λ = 0: all weight on component i, of variance 1 + (i+1)/25.
            JsonObject last = ws.get(i).getAsJsonObject();
            assertEquals("1", last.get("weight").getAsString());
            assertEquals(org.loopbound.arith.Rational.of(25 + i + 1, 25).toString(), last.get("variance").getAsString());
            if (i < refs.length) {
                String ref = refs[i];
                assertTrue(encloses(tv, ref), () -> tv + " misses " + ref);
            }
        }
        assertTrue(encloses(values.get(9).getAsJsonObject().getAsJsonObject("tv_lower_bound"),
                "0.08122498766396364364311830467619127937888"));
        // Effective bandwidth h√(i+1): exact 2/5 at i = 3, an enclosure of √2/5 at i = 1.
        assertEquals("2/5", values.get(3).getAsJsonObject().getAsJsonObject("effective_bandwidth")
                .get("exact").getAsString());
        assertTrue(encloses(values.get(1).getAsJsonObject().getAsJsonObject("effective_bandwidth"),
                "0.28284271247461900976033774484193961571"));

        JsonObject k1 = o.getAsJsonObject("k1");
        assertEquals("K1", k1.get("result").getAsString());
        assertEquals(ResultIndex.bundled().get("K1").label().tag(), k1.get("label").getAsString());
        assertTrue(encloses(k1.getAsJsonObject("bias"), refs[0]));
        assertTrue(o.get("note").getAsString().contains("LOWER bound"));
    }

    @Test
    void tableNamesBothResultsAndSaysLowerBound() {
        Run r = run("kde-bias", "--bandwidth", "1/5", "--lambda", "1/2", "--generations", "6");
        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.startsWith(ResultIndex.bundled().get("K2").headline()), out);
        assertTrue(out.contains(ResultIndex.bundled().get("K1").headline()), out);
        assertTrue(out.contains("certified LOWER bound on E TV"), out);
        // Generation 6 with λ = 1/2 has 7 components, elided after the first three.
        assertTrue(out.contains("j=0: 1/2, j=1: 1/4, j=2: 1/8, ..., j=6: 1/64 (7 components)"), out);
        assertFalse(out.contains("not implemented"), out);
    }

    @Test
    void defaultsAreLambdaZeroTenGenerationsAndAStandardNormal() throws Exception {
        JsonObject o = single(run("kde-bias", "--bandwidth", "1", "--json").out());
        assertEquals(11, o.getAsJsonArray("values").size());
        assertEquals("0", o.getAsJsonObject("parameters").get("lambda").getAsString());
        // λ = 1: every generation is p₀ * N(0, h²), so every TV equals the K1 bias.
        JsonObject all = single(run("kde-bias", "--bandwidth", "1/2", "--lambda", "1", "--generations", "2",
                "--mean", "-3", "--variance", "1/4", "--json").out());
        JsonArray values = all.getAsJsonArray("values");
        for (JsonElement v : values) {
            assertEquals(all.getAsJsonObject("k1").getAsJsonObject("bias"),
                    v.getAsJsonObject().getAsJsonObject("tv_lower_bound"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--bandwidth 0|--bandwidth",
        "--bandwidth -1/5|--bandwidth",
        "--bandwidth 1/5 --lambda 3/2|--lambda",
        "--bandwidth 1/5 --lambda -0.1|--lambda",
        "--bandwidth 1/5 --generations -1|--generations",
        "--bandwidth 1/5 --generations 101|--generations",
        "--bandwidth 1/5 --variance 0|--variance",
        "--bandwidth 1/5 --variance -2|--variance",
        "--bandwidth 1/5 --precision 4|--precision",
        "--bandwidth abc|--bandwidth",
        "--lambda 1/2|--bandwidth",
    })
    void badInputExitsTwoWithOneLineNamingTheOption(String args, String option) {
        String[] argv = ("kde-bias " + args).split(" ");
        Run r = run(argv);
        assertEquals(Main.EXIT_USAGE, r.code(), () -> r.out() + r.err());
        assertEquals("", r.out());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), () -> "more than one line: " + err);
        assertTrue(err.contains(option), () -> err + " does not name " + option);
    }
}
