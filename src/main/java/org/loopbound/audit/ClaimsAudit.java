package org.loopbound.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.loopbound.spec.ResultIndex;

/**
 * The claims audit: every claim of the result index, in its order, with the results that bear on it and the
 * outcome of its {@link ClaimCheck}. A claim of the index without a check is a programming error.
 */
public final class ClaimsAudit {

    private static final Map<String, ClaimCheck> CHECKS = Map.of(
            "C1", new C1Bounds(),
            "C2", new C2MixedTraining(),
            "C3", new C3PhaseTransition(),
            "C4", new C4EarlyStopping(),
            "C5", new C5KernelDensity(),
            "C6", new C6InjectionAndGrowth());

    private ClaimsAudit() {
    }

    /**
     * The number of progress steps of a whole audit.
     *
     * @param index the result index whose claims are audited
     * @return the sum of the steps of the claims' checks
     */
    public static int steps(ResultIndex index) {
        return index.claims().keySet().stream().mapToInt(c -> check(c).steps()).sum();
    }

    /**
     * Runs the audit.
     *
     * @param config what to run
     * @param index the result index: the claims, their texts and the results bearing on each
     * @param runner how replicated experiments run
     * @param progress told the name of each step as it starts
     * @return the sections of every claim, with the configuration
     * @throws IllegalStateException if a claim of the index has no check
     */
    public static AuditReport run(AuditConfig config, ResultIndex index, TaskRunner runner,
                                  Consumer<String> progress) {
        AuditConfig.Plan plan = config.plan();
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("version", config.version());
        configuration.put("seed", Long.toString(config.seed()));
        configuration.put("mode", plan.mode());
        configuration.put("replicates per simulation", Integer.toString(plan.replicates()));
        configuration.put("generations", Integer.toString(plan.generations()));
        configuration.put("p0 (discrete simulations)", "uniform:10 (k = 10 atoms)");
        configuration.put("replicates (diffusion, KDE)", plan.diffusionReplicates() + ", " + plan.kdeReplicates());
        configuration.put("precision", config.precision().toString());
        ClaimCheck.Context context = new ClaimCheck.Context(config, runner, progress);
        List<ClaimSection> sections = new ArrayList<>();
        for (Map.Entry<String, String> claim : index.claims().entrySet()) {
            String id = claim.getKey();
            ClaimSection s = new ClaimSection(id, claim.getValue(),
                    index.results().stream().filter(r -> r.claims().contains(id)).toList());
            check(id).audit(context, s);
            sections.add(s);
        }
        return new AuditReport(configuration, sections);
    }

    private static ClaimCheck check(String claim) {
        ClaimCheck c = CHECKS.get(claim);
        if (c == null) {
            throw new IllegalStateException("the result index names claim " + claim + ", which has no audit check");
        }
        return c;
    }
}
