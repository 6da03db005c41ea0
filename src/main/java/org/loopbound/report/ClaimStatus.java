package org.loopbound.report;

import org.loopbound.audit.Verdict;

/**
 * What the audit shows about a claim, in the words a reader needs: supported, not shown or contradicted. This is the
 * one place where the audit's verdicts are translated, by this rule:
 * <ul>
 *   <li>{@link Verdict#PASS} (every criterion, stated before the run, was met) — {@link #SUPPORTED};</li>
 *   <li>{@link Verdict#FAIL} (some criterion was not met) — {@link #CONTRADICTED};</li>
 *   <li>anything else ({@link Verdict#NONE}: nothing was checked; {@link Verdict#INCONCLUSIVE}: a test that could
 *       have failed did not reach its level either way) — {@link #NOT_SHOWN}.</li>
 * </ul>
 * The rule never says more than was established: only a check that could have failed and did not supports a claim.
 * It applies to each cross-check's verdict and to each claim's verdict (the audit's aggregate of its checks).
 */
public enum ClaimStatus {
    /** Every criterion stated before the run was met. */
    SUPPORTED("supported"),
    /** Nothing was checked that could have failed. */
    NOT_SHOWN("not shown"),
    /** A criterion stated before the run was not met. */
    CONTRADICTED("contradicted");

    /** The rule of {@link #of}, as printed in the report. */
    public static final String RULE = "supported = every cross-check met its criterion (PASS); contradicted = some"
            + " cross-check did not (FAIL); not shown = no cross-check (NONE), or the data decided neither way (a test"
            + " that could have failed did not reach its level: INCONCLUSIVE). Criteria are fixed in the code before the run and printed before each result. Proof"
            + " status is listed separately: a proved result does not make a simulation verdict, nor the reverse.";

    private final String label;

    ClaimStatus(String label) {
        this.label = label;
    }

    /**
     * The status a verdict shows.
     *
     * @param verdict an audit verdict (of one cross-check or of a claim)
     * @return SUPPORTED for PASS, CONTRADICTED for FAIL, NOT_SHOWN for any other verdict
     */
    public static ClaimStatus of(Verdict verdict) {
        return switch (verdict) {
            case PASS -> SUPPORTED;
            case FAIL -> CONTRADICTED;
            default -> NOT_SHOWN;
        };
    }

    /**
     * The status as the report prints it.
     *
     * @return "supported", "not shown" or "contradicted"
     */
    public String label() {
        return label;
    }

    /**
     * A CSS class name for the status.
     *
     * @return "supported", "not-shown" or "contradicted"
     */
    public String cssClass() {
        return label.replace(' ', '-');
    }
}
