package org.loopbound.audit;

/** The verdict of a cross-check or of a claim's section. */
public enum Verdict {
    /** The check passed (every check, for a section). */
    PASS,
    /** The check failed (some check, for a section). */
    FAIL,
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
