package org.loopbound.audit;

import java.util.List;
import java.util.Map;

/**
 * The outcome of the claims audit: the run's configuration (seed, sizes, precision…) as ordered key → value text,
 * and one section per claim in the order of the result index.
 *
 * @param configuration the configuration entries, in display order
 * @param sections the claims' sections
 */
public record AuditReport(Map<String, String> configuration, List<ClaimSection> sections) {

    /** Copies the configuration (keeping its order) and the sections. */
    public AuditReport {
        configuration = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
        sections = List.copyOf(sections);
    }

    /**
     * Whether any cross-check failed.
     *
     * @return true when some section's verdict is FAIL
     */
    public boolean anyFail() {
        return sections.stream().anyMatch(s -> s.verdict() == Verdict.FAIL);
    }

    /**
     * Whether every section's cross-checks all passed.
     *
     * @return true when every section's verdict is PASS (none FAIL, INCONCLUSIVE or without a check)
     */
    public boolean allPass() {
        return sections.stream().allMatch(s -> s.verdict() == Verdict.PASS);
    }
}
