package org.loopbound.sim;

/** The per-generation verdict on the bound B_i. */
public enum Verdict {
    /** The observed violation rate is not significantly above (i+1)δ (one-sided exact binomial test). */
    PASS("PASS"),
    /** The observed violation rate is significantly above (i+1)δ: the bound, as implemented, is contradicted. */
    FAIL("FAIL"),
    /**
     * (i+1)δ ≥ 1, so B_i is not claimed to hold with any positive probability, or B_i ≥ 1, which no TV exceeds: there
     * is nothing to test, and such a generation is never counted as a PASS.
     */
    VACUOUS("VACUOUS"),
    /** The learner has no proven learning error ε, so there is no bound to test. */
    NO_BOUND("NO-BOUND");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** The verdict as printed. */
    public String text() {
        return text;
    }
}
