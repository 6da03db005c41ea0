package org.loopbound.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The proof status of a result, derived from its label, its Coq lemmas and the status of each step it rests on, so
 * that no result is called proved while one of its steps is only assumed.
 */
public final class ProofStatus {

    /** The status of a result every step of which is proved in Coq or is a cited [imported] theorem. */
    public static final String PROVED = "proved";
    /** The prefix of the status of a result with assumed steps; the step names follow, separated by "; ". */
    public static final String PROVED_MODULO = "proved modulo ";
    /** The status of a [derived] result without Coq lemmas. */
    public static final String NOT_YET_PROVED = "not yet proved";
    /** The status of an [imported] result. */
    public static final String IMPORTED = "imported (cited, not proved here)";
    /** The status of a [claim]. */
    public static final String CLAIM = "claim (not proved here)";

    private ProofStatus() {
    }

    /**
     * The proof status.
     *
     * @param label      the result's provenance label
     * @param coq        the result's Coq lemmas
     * @param hypotheses the steps the result rests on
     * @return {@link #IMPORTED} or {@link #CLAIM} for those labels; for a [derived] result {@link #NOT_YET_PROVED}
     *         without Coq lemmas, {@link #PROVED} when no step is {@link Hypothesis.Status#ASSUMED}, otherwise
     *         {@link #PROVED_MODULO} followed by the names of exactly the assumed steps in list order, joined by "; "
     */
    public static String of(ResultIndex.Label label, List<String> coq, List<Hypothesis> hypotheses) {
        switch (label) {
            case IMPORTED:
                return IMPORTED;
            case CLAIM:
                return CLAIM;
            default:
                break;
        }
        if (coq.isEmpty()) {
            return NOT_YET_PROVED;
        }
        List<String> assumed = new ArrayList<>();
        for (Hypothesis h : hypotheses) {
            if (h.status() == Hypothesis.Status.ASSUMED) {
                assumed.add(h.name());
            }
        }
        return assumed.isEmpty() ? PROVED : PROVED_MODULO + String.join("; ", assumed);
    }
}
