package org.loopbound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job in its quick form: one run (about a minute on 2 cores) writes the claims-audit report with every
 * required figure and every number labelled; every cross-check states its criterion and a PASS or FAIL verdict, and
 * the exit code is 0 exactly when none failed (the verdicts are the experiments' outcome, not something this test
 * may require).
 */
class ReproduceCommandTest {

    @TempDir
    static Path dir;
    private static CliRunner.Result run;
    private static JsonObject report;

    @BeforeAll
    static void runQuick() throws IOException {
        run = CliRunner.run("reproduce", "--quick", "--out", dir.toString());
        report = JsonParser.parseString(Files.readString(dir.resolve("report.json"))).getAsJsonObject();
    }

    @Test
    void quickRunJudgesEveryCrossCheckAndExitsAccordingly() {
        List<String> claims = new ArrayList<>();
        boolean anyFail = false;
        boolean allPass = true;
        for (JsonElement e : report.getAsJsonArray("claims")) {
            JsonObject c = e.getAsJsonObject();
            claims.add(c.get("claim").getAsString());
            boolean sectionFails = false;
            boolean sectionInconclusive = false;
            for (JsonElement check : c.getAsJsonArray("cross_checks")) {
                JsonObject o = check.getAsJsonObject();
                String verdict = o.get("verdict").getAsString();
                assertTrue(Set.of("PASS", "FAIL", "INCONCLUSIVE").contains(verdict), o.toString());
                assertFalse(o.get("criterion").getAsString().isBlank(), o.toString());
                sectionFails |= verdict.equals("FAIL");
                sectionInconclusive |= verdict.equals("INCONCLUSIVE");
            }
            assertEquals(sectionFails ? "FAIL" : sectionInconclusive ? "INCONCLUSIVE" : "PASS",
                    c.get("verdict").getAsString(), c.toString());
            anyFail |= sectionFails;
            allPass &= !sectionFails && !sectionInconclusive;
        }
        assertEquals(List.of("C1", "C2", "C3", "C4", "C5", "C6"), claims);
        assertEquals(anyFail ? 1 : 0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains(anyFail ? "some cross-checks FAILED" : allPass ? "all cross-checks PASS"
                : "no cross-check FAILED; some claims are not shown"), run.out());
    }

    @Test
    void everyRequiredFigureIsWrittenAsSvg() throws IOException {
        // Issue 7's figures: TV by generation per scenario, the phase transition (certified and simulated), TV
        // against τ (diffusion), the KDE bandwidth growth and the K2 lower bound against simulated E TV.
        Set<String> required = Set.of("bound-fully-synthetic.svg", "bound-fixed-proportion.svg",
                "bound-last-injection.svg", "bound-growing-size.svg", "bound-expanding-synthetic.svg",
                "bound-accumulate.svg", "phase-transition.svg", "phase-transition-simulated.svg", "diffusion-tau.svg",
                "kde-bandwidth.svg", "kde-k2.svg", "kde-simulated.svg", "growth.svg");
        List<String> listed = new ArrayList<>();
        for (JsonElement e : report.getAsJsonArray("claims")) {
            e.getAsJsonObject().getAsJsonArray("figures").forEach(f -> listed.add(f.getAsString()));
        }
        String html = Files.readString(dir.resolve("index.html"));
        for (String f : required) {
            assertTrue(listed.contains("figures/" + f), "report.json lists " + f + ": " + listed);
            String svg = Files.readString(dir.resolve("figures").resolve(f));
            assertTrue(svg.startsWith("<svg") || svg.startsWith("<?xml"), f);
            assertTrue(svg.contains("</svg>"), f);
            assertTrue(html.contains("figures/" + f), "index.html shows " + f);
        }
    }

    @Test
    void everyNumberCarriesItsLabelAndTheRunItsConfiguration() throws IOException {
        JsonObject config = report.getAsJsonObject("configuration");
        for (String key : List.of("version", "seed", "mode")) {
            assertTrue(config.has(key), key);
        }
        assertEquals("quick", config.get("mode").getAsString());
        Set<String> labels = Set.of("[derived]", "[imported]", "[claim]", "simulated (not certified)");
        for (JsonElement e : report.getAsJsonArray("claims")) {
            JsonObject c = e.getAsJsonObject();
            assertEquals("[claim]", c.get("claim_label").getAsString());
            for (JsonElement n : c.getAsJsonArray("numbers")) {
                String label = n.getAsJsonObject().get("label").getAsString();
                assertTrue(labels.contains(label), n.toString());
            }
        }
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("20240217"), "the seed is stated");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary files left");
        }
    }
}
