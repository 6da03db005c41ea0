package org.loopbound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code loopbound threshold} in its four subcommands (p1, p2, d2, d1): JSON shape, human output, bad input (each mode
 * has only its own options).
 */
class ThresholdCommandTest {

    private static JsonObject json(String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        return JsonParser.parseString(r.out()).getAsJsonObject();
    }

    private static BigDecimal lo(JsonObject value) {
        return new BigDecimal(value.get("lo").getAsString());
    }

    private static BigDecimal hi(JsonObject value) {
        return new BigDecimal(value.get("hi").getAsString());
    }

    @Test
    void p1WithTheDefaultInheritedErrorIsExactForAlphaOneHalf() {
        JsonObject o = json("threshold", "p1", "--alpha", "1/2", "--b", "1", "--real", "100", "--json");
        assertEquals("P1", o.get("result").getAsString());
        assertEquals("[derived]", o.get("label").getAsString());
        assertEquals("C3", o.get("claim").getAsString());
        assertEquals("1/2", o.getAsJsonObject("parameters").get("alpha").getAsString());
        assertEquals("100", o.getAsJsonObject("parameters").get("real").getAsString());
        assertEquals("300", o.getAsJsonObject("s_star").get("exact").getAsString());
        assertEquals("3", o.getAsJsonObject("ratio").get("exact").getAsString());
        assertEquals("1/10", o.getAsJsonObject("inherited").get("exact").getAsString());
        assertTrue(o.get("transition_exists").getAsBoolean());
        assertEquals("e*r^alpha > alpha*b", o.get("condition").getAsString());
    }

    @Test
    void p1EnclosuresMeetTheRequestedWidth() {
        JsonObject o = json("threshold", "p1", "--alpha", "1/4", "--b", "2", "--real", "1000", "--width", "1e-25",
                "--json");
        JsonObject s = o.getAsJsonObject("s_star");
        assertTrue(hi(s).subtract(lo(s)).compareTo(new BigDecimal("1e-25")) <= 0, s.toString());
        JsonObject ratio = o.getAsJsonObject("ratio");
        assertTrue(lo(ratio).compareTo(new BigDecimal("5.349604")) >= 0
                && hi(ratio).compareTo(new BigDecimal("5.349605")) <= 0, ratio.toString());
    }

    @Test
    void p1WithoutTransitionSaysSo() {
        JsonObject o = json("threshold", "p1", "--alpha", "1/2", "--b", "3", "--real", "100", "--inherited", "1/10",
                "--json");
        assertFalse(o.get("transition_exists").getAsBoolean());
        assertTrue(o.has("value_at_zero"));
        CliRunner.Result r = CliRunner.run("threshold", "p1", "--alpha", "1/2", "--b", "3", "--real", "100",
                "--inherited", "1/10");
        assertTrue(r.out().contains("no transition"), r.out());
    }

    @Test
    void p1HumanOutputNamesResultLabelAndShape() {
        CliRunner.Result r = CliRunner.run("threshold", "p1", "--alpha", "1/5", "--b", "1", "--real", "50");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("P1 Phase transition, one step [derived] (bears on C3)"), r.out());
        assertTrue(r.out().contains("not the paper's own theorem"), r.out());
        assertTrue(r.out().contains("s*/r = [6.47674390610610270955949497070456697"), r.out());
        assertTrue(r.out().contains("f rises on [0, s*] and falls beyond it, toward e (C3 [claim], formalized by P1"
                + " [derived])"), r.out());
    }

    @Test
    void p2EnclosesTheReferenceAndAgreesWithP1AtOneGeneration() {
        JsonObject o = json("threshold", "p2", "--alpha", "1/2", "--b", "1", "--real", "100", "--generations", "2",
                "--json");
        assertEquals("P2", o.get("result").getAsString());
        assertEquals("[derived]", o.get("label").getAsString());
        assertEquals(2, o.getAsJsonObject("parameters").get("generations").getAsInt());
        JsonObject ratio = o.getAsJsonObject("ratio");
        assertTrue(lo(ratio).compareTo(new BigDecimal("4.16555")) >= 0
                && hi(ratio).compareTo(new BigDecimal("4.16565")) <= 0, ratio.toString());
        JsonObject cert = o.getAsJsonObject("certificate");
        assertTrue(lo(cert.getAsJsonObject("derivative_at_lo")).signum() > 0);
        assertTrue(hi(cert.getAsJsonObject("derivative_at_hi")).signum() < 0);

        JsonObject one = json("threshold", "p2", "--alpha", "1/2", "--b", "1", "--real", "100", "--generations", "1",
                "--json");
        JsonObject r1 = one.getAsJsonObject("ratio");
        assertTrue(lo(r1).compareTo(new BigDecimal(3)) <= 0 && hi(r1).compareTo(new BigDecimal(3)) >= 0);
        JsonObject s1 = one.getAsJsonObject("s_star");
        assertTrue(lo(s1).compareTo(new BigDecimal(300)) <= 0 && hi(s1).compareTo(new BigDecimal(300)) >= 0);
    }

    @Test
    void p2HonoursTheWidthAndPrintsTheCertificate() {
        JsonObject o = json("threshold", "p2", "--alpha", "1/2", "--b", "1", "--real", "100", "--generations", "10",
                "--width", "1e-30", "--json");
        JsonObject s = o.getAsJsonObject("s_star");
        assertTrue(hi(s).subtract(lo(s)).compareTo(new BigDecimal("1e-30")) <= 0, s.toString());
        assertTrue(lo(s).compareTo(new BigDecimal("1239.17")) > 0 && hi(s).compareTo(new BigDecimal("1239.18")) < 0);
        CliRunner.Result r = CliRunner.run("threshold", "p2", "--alpha", "1/2", "--b", "1", "--real", "100",
                "--generations", "3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("P2 Phase transition, i generations [derived]"), r.out());
        assertTrue(r.out().contains("certificate: F_i' in"), r.out());
        assertTrue(r.out().contains("F_i rises on [0, s*] and falls beyond it (C3 [claim], formalized by P2"
                + " [derived])"), r.out());
    }

    @Test
    void stoppingPrintsTheMinimizerTheMinimumAndTheCubicRoot() {
        JsonObject o = json("threshold", "d2", "--m", "8", "--n", "16", "--json");
        assertEquals("D2", o.get("result").getAsString());
        assertEquals("C4", o.get("claim").getAsString());
        assertEquals("2", o.getAsJsonObject("tau_star").get("exact").getAsString());
        JsonObject c = o.getAsJsonObject("constant");
        assertTrue(lo(c).compareTo(new BigDecimal("1.649384")) >= 0
                && hi(c).compareTo(new BigDecimal("1.649385")) <= 0, c.toString());
        JsonObject cubic = o.getAsJsonObject("tau_star_with_cubic_term");
        assertTrue(hi(cubic).compareTo(new BigDecimal(2)) < 0 && lo(cubic).signum() > 0);
        assertTrue(o.get("tau_star_in_d0_domain").getAsBoolean());
        assertTrue(o.get("hidden_constant").getAsString().contains("up to the hidden constant C of D0 [imported]"));
    }

    @Test
    void diffusionSaysUpToTheHiddenConstantEverywhere() {
        JsonObject o = json("threshold", "d1", "--scenario", "fixed-proportion", "--n", "1000", "--lambda",
                "1/2", "--m", "100", "--generations", "3", "--json");
        assertEquals("D1", o.get("result").getAsString());
        assertEquals("up to the hidden constant C of D0 [imported]", o.get("hidden_constant").getAsString());
        assertEquals(4, o.getAsJsonArray("values").size());
        assertEquals("d2", o.getAsJsonObject("parameters").get("tau_rule").getAsString());
        CliRunner.Result r = CliRunner.run("threshold", "d1", "--scenario", "fully-synthetic", "--n",
                "1000", "--m", "100", "--tau", "2", "--generations", "2");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("D1 "), r.out());
        assertTrue(r.out().contains("up to the hidden constant C of D0 [imported]"), r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "p1 --alpha 1 --b 1 --real 100 | --alpha (α) must be in (0, 1), got 1",
        "p1 --alpha 0 --b 1 --real 100 | --alpha (α) must be in (0, 1), got 0",
        "p1 --alpha 1/2 --b 0 --real 100 | --b (b) must be in (0, ∞), got 0",
        "p1 --alpha 1/2 --b 1 --real -3 | --real (r) must be in (0, ∞), got -3",
        "p1 --alpha 1/2 --b 1 --real 100 --inherited 0 | --inherited (e) must be in (0, ∞), got 0",
        "p2 --alpha 1/2 --b 1 --real 100 --generations 0 | --generations (i) must be a whole number in [1, 10^4], got 0",
        "p1 --alpha 1/2 --b 1 --real 100 --width 0 | --width (w) must be in (0, ∞), got 0",
        "p2 --alpha 1/2 --b 1 --real 100 --generations 2 --width -1 | --width (w) must be in (0, ∞), got -1",
        "p1 --alpha 1/2 --b 1 --real 100 --inherited 1 --generations 2 | Unknown options: '--generations', '2'",
        "p2 --alpha 1/2 --b 1 --real 100 --inherited 1 --generations 2 | Unknown options: '--inherited', '1'",
        "p1 --b 1 --real 100 | Missing required option: '--alpha",
        "p2 --alpha 1/2 --b 1 --real 100 | Missing required option: '--generations",
        "p1 --alpha 1/2 --b 1 --real 100 --m 4 | Unknown options: '--m', '4'",
        "d2 --m 0 --n 5 | --m (m) must be a whole number in [1, 10^18], got 0",
        "d2 --m 5 --n 0 | --n (N) must be a whole number in [1, 10^18], got 0",
        "d2 --m 5 | Missing required option: '--n",
        "d2 --m 5 --n 5 --alpha 1/2 | Unknown options: '--alpha', '1/2'",
        "--m 5 --n 5 | Unknown options: '--m', '5'",
        "d1 --scenario fully-synthetic --n 10 --m 10 --tau 1/2 | --tau (τ) must be in [1, ∞), got 1/2",
        "d1 --scenario fully-synthetic --n 10 --m 10 --tau 2 --tau-rule d2 | give --tau or --tau-rule, not both",
        "d1 --scenario fully-synthetic --n 1 --m 1 | --m (m) must make m·N_j ≥ 4",
        "d1 --scenario fully-synthetic --n 10 --m 10 --width 1 | Unknown options: '--width', '1'",
        "d1 --scenario nope --n 10 --m 10 | --scenario must be one of",
        "d1 --scenario fixed-proportion --n 10 --m 10 | --lambda (λ) is required by scenario fixed-proportion",
        "d1 --scenario fully-synthetic --n 10 --m 10 --extra -1 | --extra (E) must be in [0, ∞), got -1",
        "d1 --scenario fully-synthetic --n 10 --m 10 --tau-rule x | --tau-rule must be d2",
        "p1 --alpha abc --b 1 --real 100 | --alpha (α) must be in (0, 1), got 'abc', not an exact number",
    })
    void badInputIsOneLineExitTwo(String args, String message) {
        CliRunner.Result r = CliRunner.run(("threshold " + args).split(" "));
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void anUnreachableWidthIsACertificationFailure() {
        CliRunner.Result r = CliRunner.run("--max-digits", "20001", "threshold", "p2", "--alpha", "1/2", "--b", "1",
                "--real", "100", "--generations", "3", "--width", "1e-20000");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("cannot certify"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().length() < 300, r.err());
    }
}
