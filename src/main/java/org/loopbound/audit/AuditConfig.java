package org.loopbound.audit;

import org.loopbound.arith.Precision;

/**
 * What a claims audit runs.
 *
 * @param version the program version, shown in the report
 * @param seed the master seed; each simulation uses a fixed offset from it
 * @param plan the sizes of the simulations
 * @param threads the worker threads of the discrete simulations, or 0 for all processors (never changes a value;
 *     shown in the reproduction commands when not 0)
 * @param precision the working precision of every certified value
 */
public record AuditConfig(String version, long seed, Plan plan, int threads, Precision precision) {

    /** The working precision of the bundled audit. */
    public static final Precision PRECISION = Precision.bits(128);

    /**
     * The sizes of one audit.
     *
     * @param mode "quick" or "full"
     * @param replicates replicates of each discrete scenario simulation
     * @param generations last generation of the discrete simulations
     * @param sweepReplicates replicates of each point of the expanding-synthetic sweep
     * @param diffusionReplicates replicates of each cell of the diffusion τ sweep
     * @param kdeReplicates replicates of each KDE loop
     * @param tausPerDecade points per decade of the τ grid of C4's stopping-time scaling
     * @param evalSamples model samples per TV estimate of the diffusion experiments
     */
    public record Plan(String mode, int replicates, int generations, int sweepReplicates, int diffusionReplicates,
                       int kdeReplicates, int tausPerDecade, int evalSamples) {

        /**
         * The smaller run (for the tests).
         *
         * @return the quick plan
         */
        public static Plan quick() {
            return new Plan("quick", 60, 8, 60, 4, 30, 4, 1000);
        }

        /**
         * The full run.
         *
         * @return the full plan
         */
        public static Plan full() {
            return new Plan("full", 400, 20, 300, 20, 200, 6, 2000);
        }
    }

    /**
     * The worker threads of the discrete simulations.
     *
     * @return {@code threads}, or the available processors when it is 0
     */
    public int workers() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The significant digits of certified values printed as they appear in the commands' JSON.
     *
     * @return min(40, the decimal digits of the precision)
     */
    public int jsonDigits() {
        return Math.min(40, precision.decimalDigits());
    }

    /**
     * The reproduction command's thread option.
     *
     * @return " --threads T" when threads are given, else ""
     */
    String threadsOption() {
        return threads > 0 ? " --threads " + threads : "";
    }
}
