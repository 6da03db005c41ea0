package org.loopbound.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopbound.cli.CliRunner;
import org.loopbound.plot.Chart;
import org.loopbound.plot.SvgHeatMap;
import org.loopbound.plot.SvgPlot;

/**
 * The report as a reader's browser shows it: the page of a quick {@code reproduce} run, loaded in headless Chromium,
 * logs no console error and every text of every figure lies inside its figure. The same inspection must catch a
 * planted overflowing text and a planted console error, and must pass a plot and a heat map built to stress the
 * layout (long titles and labels, legend entries wider than the figure, crowded markers, a vacuous bound). Skipped
 * only when Chromium is not installed; {@code ./check} installs it.
 */
@Tag("browser")
class ReportBrowserTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsChromium() {
        Assumptions.assumeTrue(HeadlessChromium.available(), "skipped: no Chromium at " + HeadlessChromium.CHROMIUM
                + " (Debian package 'chromium'; ./check installs it)");
    }

    @Test
    void theQuickReportRendersWithoutErrorsAndEveryFigureTextInsideItsFigure() throws Exception {
        Path out = dir.resolve("report");
        CliRunner.Result run = CliRunner.run("reproduce", "--quick", "--out", out.toString());
        assertTrue(run.exit() == 0 || run.exit() == 1, run.out() + run.err());
        HeadlessChromium.Inspection seen = HeadlessChromium.inspect(out.resolve("index.html"));
        assertEquals(List.of(), seen.consoleErrors(), "console errors");
        assertTrue(seen.svgs() >= 13, "the figures are inline SVG: " + seen.svgs());
        assertTrue(seen.texts() > 100, "texts measured: " + seen.texts());
        assertEquals(List.of(), seen.outside(), "SVG text outside its viewBox");
    }

    @Test
    void aStressedPlotKeepsEveryTextInside() throws Exception {
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] tv = {0.05, 0.08, 0.1, 0.12, 0.13, 0.15, 0.16, 0.17, 0.18, 0.2};
        double[] bound = {0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0};
        boolean[] vacuous = {false, false, false, false, false, true, true, true, true, true};
        Chart c = new Chart("A deliberately long title that names every parameter of the experiment, its learner,"
                + " its mixing, its seed and its sample sizes, so that it must wrap over several lines",
                "generation i, counted from the first model trained on real data only, which is generation zero",
                "total variation between the generation's model and the real distribution p₀ (TV)")
                .band("simulated 95% confidence interval of the mean TV over all replicates", x, tv, tv)
                .line("simulated mean TV(p̂_i, p₀) with Bonferroni-corrected intervals over every generation and"
                        + " every replicate of the stratified mixing scheme, a legend entry wider than the figure", x, tv)
                .tvBound("min(B_i, 1), B_i = R3 bound with EPS-EMP's ε, upper end of the certified enclosure",
                        "B_i vacuous: its lower end is ≥ 1 and TV ≤ 1 always, so nothing is tested", x, bound,
                        vacuous)
                .marker(8.7, "s*/r (i = 1), a long marker label").marker(8.9, "s*/r (i = 2)")
                .marker(9, "WWWWWWWWWWWW").marker(0, "MMMMMMMMMMMMMMMMMMMMMMMM");
        SvgHeatMap heat = new SvgHeatMap("mean TV over λ and N for the fully synthetic scenario with the empirical"
                + " learner, stratified mixing, 400 replicates and seed 20240217, a title wider than the map",
                "N (samples per generation, from the smallest to the largest size of the sweep grid)",
                "λ, the proportion of real data mixed into each generation's training set",
                List.of("100", "1000", "10000"), List.of("1/1000000007", "a long category name", "1/2"),
                List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 123456.789));
        Path page = dir.resolve("stress.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
                + "<figure id=\"stress-plot\">" + SvgPlot.of(c).render() + "</figure>"
                + "<figure id=\"stress-heat-map\">" + heat.render() + "</figure></body></html>",
                StandardCharsets.UTF_8);
        HeadlessChromium.Inspection seen = HeadlessChromium.inspect(page);
        assertEquals(List.of(), seen.consoleErrors());
        assertEquals(2, seen.svgs());
        assertEquals(List.of(), seen.outside());
    }

    @Test
    void anOverflowingTextAndAConsoleErrorAreCaught() throws IOException, InterruptedException {
        Path page = dir.resolve("planted.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
                + "<figure id=\"planted\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 100\""
                + " width=\"100%\"><text x=\"10\" y=\"50\">fits</text>"
                + "<text x=\"120\" y=\"50\">this legend entry runs off the right edge</text>"
                + "<text transform=\"translate(8,50) rotate(-90)\" text-anchor=\"middle\">a rotated axis label"
                + " longer than the figure is high</text></svg></figure>"
                + "<script>console.error('planted error')</script></body></html>", StandardCharsets.UTF_8);
        HeadlessChromium.Inspection seen = HeadlessChromium.inspect(page);
        assertEquals(3, seen.texts());
        assertEquals(2, seen.outside().size(), seen.outside().toString());
        assertTrue(seen.outside().get(0).contains("runs off the right edge"), seen.outside().toString());
        assertTrue(seen.outside().get(1).contains("rotated axis label"), seen.outside().toString());
        assertFalse(seen.consoleErrors().isEmpty());
        assertTrue(seen.consoleErrors().get(0).contains("planted error"), seen.consoleErrors().toString());
    }
}
