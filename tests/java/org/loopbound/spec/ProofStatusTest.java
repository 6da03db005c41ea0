package org.loopbound.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The proof status is derived from the steps: "proved" only when no step is assumed, else naming exactly those. */
class ProofStatusTest {

    private static final List<String> LEMMAS = List.of("Loopbound.Propagation.R1_mixture_eq");

    private static Hypothesis proved(String name) {
        return new Hypothesis(name, "s", Hypothesis.Status.PROVED, "Loopbound.TV.TV_triangle", null);
    }

    private static Hypothesis imported(String name) {
        return new Hypothesis(name, "s", Hypothesis.Status.IMPORTED, null, "Someone 1989, Theorem 1");
    }

    private static Hypothesis assumed(String name) {
        return new Hypothesis(name, "s", Hypothesis.Status.ASSUMED, null, null);
    }

    @Test
    void provedWhenEveryStepIsProvedOrImported() {
        assertEquals("proved", ProofStatus.of(ResultIndex.Label.DERIVED, LEMMAS, List.of()));
        assertEquals("proved", ProofStatus.of(ResultIndex.Label.DERIVED, LEMMAS,
                List.of(proved("a"), imported("b"), proved("c"))));
    }

    @Test
    void namesExactlyTheAssumedStepsInOrder() {
        assertEquals("proved modulo b; d", ProofStatus.of(ResultIndex.Label.DERIVED, LEMMAS,
                List.of(proved("a"), assumed("b"), imported("c"), assumed("d"))));
        assertEquals("proved modulo x", ProofStatus.of(ResultIndex.Label.DERIVED, LEMMAS, List.of(assumed("x"))));
    }

    @Test
    void labelsAndMissingLemmas() {
        assertEquals("not yet proved", ProofStatus.of(ResultIndex.Label.DERIVED, List.of(), List.of(proved("a"))));
        assertEquals(ProofStatus.IMPORTED, ProofStatus.of(ResultIndex.Label.IMPORTED, List.of(),
                List.of(imported("a"))));
        assertEquals(ProofStatus.CLAIM, ProofStatus.of(ResultIndex.Label.CLAIM, List.of(), List.of()));
    }

    @Test
    void malformedStepsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new Hypothesis("a", "s", Hypothesis.Status.PROVED, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Hypothesis("a", "s", Hypothesis.Status.IMPORTED, null, " "));
        assertThrows(IllegalArgumentException.class,
                () -> new Hypothesis("a; b", "s", Hypothesis.Status.ASSUMED, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new Hypothesis("a", "s", Hypothesis.Status.ASSUMED, "Propagation.R1", null));
        assertThrows(IllegalArgumentException.class, () -> Hypothesis.Status.parse("proven"));
    }

    @Test
    void indexRejectsAStoredStatusThatTheStepsDoNotGive() {
        String entry = "{\"results\": [{\"id\": \"X\", \"title\": \"t\", \"label\": \"derived\", \"statement\": \"s\","
                + " \"coq\": [\"Loopbound.Propagation.R1_mixture_eq\"], \"hypotheses\": [{\"name\": \"step\","
                + " \"statement\": \"s\", \"status\": \"assumed\", \"coq\": null, \"source\": null}], \"proof\": \"%s\"}]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultIndex.parse(new StringReader(String.format(entry, "proved"))));
        assertTrue(e.getMessage().contains("proved modulo step"), e.getMessage());
        ResultIndex ok = ResultIndex.parse(new StringReader(String.format(entry, "proved modulo step")));
        assertEquals(List.of("[assumed] step"), ok.get("X").unprovedSteps());
    }

    @Test
    void theSpecCallsNothingProvedThatRestsOnAnAssumedStep() throws Exception {
        for (ResultIndex.Result r : SpecLinksTest.index().results()) {
            boolean assumed = r.hypotheses().stream().anyMatch(h -> h.status() == Hypothesis.Status.ASSUMED);
            assertEquals(assumed, r.proof().startsWith("proved modulo"), r.id() + ": " + r.proof());
        }
    }
}
