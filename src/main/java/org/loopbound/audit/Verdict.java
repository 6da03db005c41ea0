package org.loopbound.audit;

/** The verdict of a cross-check or of a claim's section. */
public enum Verdict {
    /** The check passed (every check, for a section). */
    PASS,
    /** The check failed (some check, for a section). */
    FAIL,
    /**
     * The check could have failed and did not pass: the estimates lean the predicted way but a test did not reach its
     * stated level, so the data decide neither for nor against the claim (a section: no FAIL, some INCONCLUSIVE).
     */
    INCONCLUSIVE,
    /** There is nothing to check (a section without cross-checks). */
    NONE;

    /**
     * PASS or FAIL.
     *
     * @param pass whether the check passed
     * @return {@link #PASS} when {@code pass}, else {@link #FAIL}
     */
    public static Verdict of(boolean pass) {
        return pass ? PASS : FAIL;
    }
}
