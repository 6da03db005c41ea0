package org.loopbound.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.loopbound.spec.ResultIndex;

/**
 * The audit's bookkeeping: the claims, their texts and their results come from the result index (not from a copy in
 * the code), every claim of the bundled index has a check, and the checks of C2 and C6 (discrete simulations and
 * R4's corollaries, fast enough for a unit test) return typed sections.
 */
class ClaimsAuditTest {

    private static final AuditConfig SMALL = new AuditConfig("test", 7,
            new AuditConfig.Plan("test", 20, 3, 20, 2, 2, 4, 200), 1, AuditConfig.PRECISION);

    /** The bundled index keeping only the claims {@code keep} (and renaming none). */
    private static ResultIndex indexWith(List<String> keep, String extraClaim) throws IOException {
        JsonObject root;
        try (Reader r = new InputStreamReader(Objects.requireNonNull(
                ResultIndex.class.getResourceAsStream(ResultIndex.RESOURCE)), StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(r).getAsJsonObject();
        }
        JsonArray claims = new JsonArray();
        for (JsonElement c : root.getAsJsonArray("claims")) {
            if (keep.contains(c.getAsJsonObject().get("id").getAsString())) {
                claims.add(c);
            }
        }
        if (!extraClaim.isEmpty()) {
            JsonObject c = new JsonObject();
            c.addProperty("id", extraClaim);
            c.addProperty("text", "a claim without a check");
            claims.add(c);
        }
        root.add("claims", claims);
        return ResultIndex.parse(new StringReader(root.toString()));
    }

    @Test
    void everyBundledClaimHasACheckAndTheStepsAddUp() {
        ResultIndex index = ResultIndex.bundled();
        assertEquals(List.of("C1", "C2", "C3", "C4", "C5", "C6"), new ArrayList<>(index.claims().keySet()));
        // 6 scenarios, tightness, P2, 10 sweep points, 4 learner sweeps, D2, the stopping-time scaling, K2, 2 KDE loops, R4.
        assertEquals(6 + 1 + 1 + 10 + 4 + 1 + 1 + 1 + 2 + 1, ClaimsAudit.steps(index));
    }

    @Test
    void aClaimWithoutACheckIsRefused() throws IOException {
        ResultIndex index = indexWith(List.of(), "C7");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ClaimsAudit.run(SMALL, index, TaskRunner.sequential(), s -> { }));
        assertTrue(e.getMessage().contains("C7"), e.getMessage());
    }

    @Test
    void sectionsFollowTheIndexAndCarryTypedChecks() throws IOException {
        ResultIndex index = indexWith(List.of("C2", "C6"), "");
        List<String> steps = new ArrayList<>();
        AuditReport report = ClaimsAudit.run(SMALL, index, TaskRunner.sequential(), steps::add);
        assertEquals(List.of("simulate fixed-proportion", "simulate last-injection", "simulate growing-size",
                "R4 corollaries"), steps);
        assertEquals("test", report.configuration().get("mode"));
        assertEquals(2, report.sections().size());
        ClaimSection c2 = report.sections().get(0);
        assertEquals("C2", c2.claim());
        assertEquals(index.claims().get("C2"), c2.text());
        assertEquals(List.of("R2", "R3", "R4"), c2.results().stream().map(ResultIndex.Result::id).toList());
        assertEquals(1, c2.checks().size());
        assertEquals(Verdict.PASS, c2.verdict(), c2.checks().toString());
        assertTrue(c2.checks().get(0).detail().contains("`loopbound simulate --scenario fixed-proportion --p0"
                + " uniform:10 --generations 3 --replicates 20 --seed 9 --delta 1/100 --n 1000 --lambda 1/2"
                + " --threads 1`"), c2.checks().get(0).detail());
        assertEquals("fixed-proportion: B_3 (R3, empirical ε)", c2.numbers().get(0).what());
        assertEquals("bound-fixed-proportion.svg", c2.figures().get(0).file());
        ClaimSection c6 = report.sections().get(1);
        assertEquals(List.of("R4"), c6.results().stream().map(ResultIndex.Result::id).toList());
        assertEquals(2, c6.checks().size());
        assertEquals(List.of("bound-last-injection.svg", "bound-growing-size.svg", "growth.svg"),
                c6.figures().stream().map(ClaimSection.Figure::file).toList());
        assertEquals("9/10", c6.numbers().stream().filter(n -> n.what().endsWith("i = 10")).findFirst()
                .orElseThrow().value());
        assertFalse(report.anyFail());
    }
}
