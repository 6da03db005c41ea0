package org.loopbound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundCommandTest {

    @Test
    void jsonHasResultLabelParametersAndExactValues() {
        CliRunner.Result r = CliRunner.run("bound", "--scenario", "fixed-proportion", "--n", "1000", "--lambda", "0.1",
                "--eps", "1", "--generations", "20", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("R3", o.get("result").getAsString());
        assertEquals("[derived]", o.get("label").getAsString());
        assertEquals("1/10", o.getAsJsonObject("parameters").get("lambda").getAsString());
        JsonObject last = o.getAsJsonArray("values").get(20).getAsJsonObject();
        assertEquals(20, last.get("generation").getAsInt());
        assertEquals("890581010868487640791/100000000000000000000",
                last.getAsJsonObject("bound").get("exact").getAsString());
        assertEquals(last.get("bound"), last.get("closed_form"));
        assertEquals("R4", o.getAsJsonArray("corollaries").get(0).getAsJsonObject().get("result").getAsString());
    }

    @Test
    void enclosedValuesHaveLoAndHi() {
        CliRunner.Result r = CliRunner.run("bound", "--scenario", "fixed-proportion", "--n", "10000", "--lambda",
                "1/2", "--atoms", "10", "--delta", "1e-3", "--generations", "3", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonObject v = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("values").get(3)
                .getAsJsonObject();
        assertTrue(v.getAsJsonObject("bound").has("lo") && v.getAsJsonObject("bound").has("hi"));
        assertEquals("1/250", v.getAsJsonObject("failure_probability").get("exact").getAsString());
    }

    @Test
    void tableNamesTheResultAndItsLabel() {
        CliRunner.Result r = CliRunner.run("bound", "--scenario", "accumulate", "--real", "100", "--synthetic", "50",
                "--eps", "1/100", "--generations", "3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("R5 Accumulate [derived]"), r.out());
        assertTrue(r.out().contains("not the paper's own theorem"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--scenario fixed-proportion --n 100 --lambda 3/2 --eps 1 | --lambda (λ) must be in [0, 1], got 3/2",
        "--scenario fixed-proportion --n 100 --lambda 1/2 --eps -1 | --eps (ε) must be in [0, ∞), got -1",
        "--scenario fixed-proportion --n -5 --lambda 1/2 --eps 1 | --n (N) must be a whole number in [1, 10^18], got -5",
        "--scenario fixed-proportion --n 1e30 --lambda 1/2 --eps 1 | --n (N) must be a whole number in [1, 10^18], got 1e30",
        "--scenario nope --n 100 --eps 1 | --scenario must be one of",
        "--scenario fully-synthetic --n 100 --eps abc | --eps (ε) must be in [0, ∞), got 'abc', not an exact number",
        "--scenario fully-synthetic --n 100 --eps NaN | --eps (ε) must be in [0, ∞), got 'NaN', not an exact number",
        "--scenario fully-synthetic --n 100 --eps 1/0 | --eps (ε) must be in [0, ∞), got '1/0', not an exact number",
        "--scenario fully-synthetic --n 100 --eps 1 --generations -1 | --generations (i) must be a whole number in [0, 10^6], got -1",
        "--scenario fully-synthetic --n 100 --rate 1,2 | --rate (α) must be in (0, 1), got 2",
        "--scenario fully-synthetic --n 100 | give exactly one learning-error model",
        "--scenario fixed-proportion --n 100 --eps 1 | --lambda (λ) is required by scenario fixed-proportion",
        "--scenario fully-synthetic --n 100 --atoms 3 --delta 2 | --delta (δ) must be in (0, 1), got 2",
        "--scenario fully-synthetic --n 100 --eps 1 --precision 2 | --precision must be a whole number in [8, 2^20], got 2",
    })
    void badInputIsOneLineExitTwo(String args, String message) {
        CliRunner.Result r = CliRunner.run(("bound " + args).split(" "));
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    /** δ is derived only for the empirical learner; with --eps or --rate the probability is the user's assumption. */
    @Test
    void deltaIsAnAssumptionUnlessEpsEmpDerivesIt() {
        CliRunner.Result assumed = CliRunner.run("bound", "--scenario", "fixed-proportion", "--n", "100", "--lambda",
                "1/2", "--eps", "1/10", "--delta", "1/100", "--generations", "2", "--json");
        assertEquals(0, assumed.exit(), assumed.err());
        assertTrue(JsonParser.parseString(assumed.out()).getAsJsonObject().get("probability_basis").getAsString()
                .startsWith("probability: assumed"), assumed.out());
        CliRunner.Result table = CliRunner.run("bound", "--scenario", "fixed-proportion", "--n", "100", "--lambda",
                "1/2", "--rate", "1,1/2", "--delta", "1/100", "--generations", "2");
        assertTrue(table.out().contains("w.p. >= (assumed)") && table.out().contains("probability: assumed - IF"),
                table.out());
        CliRunner.Result derived = CliRunner.run("bound", "--scenario", "fixed-proportion", "--n", "10000",
                "--lambda", "1/2", "--atoms", "10", "--delta", "1/100", "--generations", "2", "--json");
        assertTrue(JsonParser.parseString(derived.out()).getAsJsonObject().get("probability_basis").getAsString()
                .startsWith("probability: derived"), derived.out());
    }
}
