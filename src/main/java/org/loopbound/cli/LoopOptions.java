package org.loopbound.cli;

import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import org.loopbound.sim.SimulationBuilder;
import picocli.CommandLine.Option;

/**
 * The options that declare the discrete loop next to its scenario: p₀, the learner (with β) and the mixing. Shared by
 * {@code simulate}, {@code exact} and {@code check-sim}, so the three accept and describe the same loops.
 */
final class LoopOptions {

    @Option(names = "--p0", required = true, paramLabel = "p₀",
            description = "Real distribution: exact weights summing to 1 (e.g. 1/2,1/4,1/4) or uniform:k,"
                    + " zipf:k:s (p_j ~ j^-s, s whole), geometric:k:q (p_j ~ q^j, 0 < q < 1); k <= 10^7.")
    String p0 = "";

    @Option(names = "--learner", defaultValue = "empirical", paramLabel = "L",
            description = "empirical (counts/N, has eps of EPS-EMP) | add-beta (no proven eps: no bound, verdict"
                    + " NO-BOUND) (default: ${DEFAULT-VALUE}).")
    String learner = "empirical";

    @Option(names = "--beta", paramLabel = "β", description = "add-beta smoothing constant beta (exact).")
    @Domains.In("(0, ∞)")
    @Nullable Rational beta;

    @Option(names = "--mixing", defaultValue = "stratified", paramLabel = "M",
            description = "stratified: exactly lambda_j N_j real draws (must be whole) and the rest from the"
                    + " earlier models | iid: N_j i.i.d. draws from the mixture q_j (default: ${DEFAULT-VALUE}).")
    String mixing = "stratified";

    /**
     * The builder of the declared loop: the scenario and its arguments, p₀, learner and mixing.
     *
     * @param scenario the command's scenario options
     * @return the builder, for the command to set the rest
     * @throws org.loopbound.param.ParameterException naming the symbol of the first value outside its domain
     */
    SimulationBuilder builder(ScenarioOptions scenario) {
        return SimulationBuilder.of(scenario.scenario(), scenario.arguments()).p0(p0).learner(learner, beta)
                .mixing(mixing);
    }
}
