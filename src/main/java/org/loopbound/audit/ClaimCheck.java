package org.loopbound.audit;

import java.util.function.Consumer;

/** The check of one claim of the abstract: certified values, simulation cross-checks, figures. */
interface ClaimCheck {

    /**
     * What a check runs with.
     *
     * @param config the audit's configuration
     * @param runner how replicated experiments run
     * @param progress told the name of each step as it starts
     */
    record Context(AuditConfig config, TaskRunner runner, Consumer<String> progress) {
    }

    /**
     * The number of steps this check reports to {@link Context#progress()}.
     *
     * @return the step count
     */
    int steps();

    /**
     * Runs the check and fills the claim's section.
     *
     * @param context the configuration, runner and progress sink
     * @param section the claim's section
     */
    void audit(Context context, ClaimSection section);
}
