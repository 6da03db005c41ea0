package org.loopbound.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.Locale;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.diffusion.DiffusionLoop;
import org.loopbound.diffusion.GaussianMixture;
import org.loopbound.diffusion.HistogramTv;
import org.loopbound.diffusion.ReverseSampler;
import org.loopbound.diffusion.StoppingRule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loopbound diffusion}: the reference diffusion simulator of issue 5 (org.loopbound.diffusion). Every output
 * says that its numbers are double-precision simulation with replicate confidence intervals, names the results it
 * bears on (D0 [imported], D1/D2 [derived], claim C4; P2 and C3 for the phase sweep), and prints certified values
 * (D2's τ*) only as certified enclosures. The experiments and their statistics live in org.loopbound.diffusion; the
 * subcommands parse, run and print.
 */
@Command(name = "diffusion", sortOptions = false,
        description = {
            "Reference diffusion simulator (1-D Gaussian mixtures, OU forward process, random-feature score network",
            "trained by the closed-form gradient flow): oracle sampler check, tau sweep, fixed vs per-generation tau,",
            "expanding-synthetic phase sweep. Double-precision simulation, not certified."},
        subcommands = {
            DiffusionOracleCommand.class,
            DiffusionTauSweepCommand.class,
            DiffusionLoopCommand.class,
            DiffusionPhaseCommand.class})
public final class DiffusionCommand implements Runnable {

    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a subcommand is required: oracle, tau-sweep, loop or phase");
    }

    /** The diffusion model, sampler and TV estimator. */
    static final class ModelOptions {
        @Option(names = "--p0", defaultValue = "1/2:-2:1/4,1/2:2:1/4", paramLabel = "p₀",
                description = "Data distribution: components weight:mean:variance, comma-separated, exact numbers,"
                        + " weights summing to 1 (default: ${DEFAULT-VALUE}).")
        String p0 = "";

        @Option(names = "--sampler", defaultValue = "sde", paramLabel = "sde|ode",
                description = "Reverse SDE (Euler-Maruyama) or probability-flow ODE (Heun) (default: ${DEFAULT-VALUE}).")
        String sampler = "";

        @Option(names = "--steps", defaultValue = "100", paramLabel = "K",
                description = "Sampler steps (default: ${DEFAULT-VALUE}).")
        @Domains.In("[1, 100000]")
        int steps;

        @Option(names = "--horizon", defaultValue = "6", paramLabel = "T",
                description = "Horizon T of the OU process, above the cut-off (default: ${DEFAULT-VALUE}).")
        @Domains.In("(0, 100]")
        Rational horizon = Rational.ONE;

        @Option(names = "--cutoff", defaultValue = "1/1000", paramLabel = "t₀",
                description = "Small-time cut-off t_min, below the horizon T (default: ${DEFAULT-VALUE}).")
        @Domains.In("(0, 100)")
        Rational cutoff = Rational.ONE;

        @Option(names = "--eval-samples", defaultValue = "4000", paramLabel = "n",
                description = "Model samples per TV estimate (default: ${DEFAULT-VALUE}).")
        @Domains.In("[10, 10^7]")
        int evalSamples;

        @Option(names = "--bins", defaultValue = "40", paramLabel = "B",
                description = "Histogram bins of the TV estimator on [min mu-5 sd, max mu+5 sd]"
                        + " (default: ${DEFAULT-VALUE}).")
        @Domains.In("[1, 100000]")
        int bins;

        @Option(names = "--width", defaultValue = "128", paramLabel = "m",
                description = "Width m of the score network (default: ${DEFAULT-VALUE}).")
        @Domains.In("[1, 2000]")
        int width;

        @Option(names = "--noise-draws", defaultValue = "1", paramLabel = "c_z",
                description = "(t, z) pairs per data point in the score-matching loss (default: ${DEFAULT-VALUE}).")
        @Domains.In("[1, 1000]")
        int noiseDraws;

        GaussianMixture mixture() {
            return GaussianMixture.parse(p0);
        }

        ReverseSampler reverseSampler() {
            ReverseSampler.Method m = ReverseSampler.Method.byName(sampler);
            if (m == null) {
                throw new UsageError("--sampler must be sde or ode, got '" + sampler + "'");
            }
            if (cutoff.compareTo(horizon) >= 0) {
                throw org.loopbound.param.ParameterException.violates("t₀", "must be below the horizon T = "
                        + horizon + ", got " + cutoff);
            }
            return new ReverseSampler(m, horizon.doubleValue(), steps, cutoff.doubleValue());
        }

        HistogramTv estimator(GaussianMixture mix) {
            return HistogramTv.covering(mix, bins);
        }

        int evalSamples() {
            return evalSamples;
        }

        DiffusionLoop.Settings settings() {
            GaussianMixture mix = mixture();
            return new DiffusionLoop.Settings(mix, width, noiseDraws, reverseSampler(), estimator(mix),
                    evalSamples());
        }

        void describe(JsonObject params) {
            params.addProperty("p0", mixture().spec());
            params.addProperty("sampler", sampler.toLowerCase(Locale.ROOT));
            params.addProperty("steps", steps);
            params.addProperty("horizon", horizon.toString());
            params.addProperty("cutoff", cutoff.toString());
            params.addProperty("eval_samples", evalSamples);
            params.addProperty("bins", bins);
            params.addProperty("width", width);
            params.addProperty("noise_draws", noiseDraws);
        }
    }

    /** Diffusion stores and scores N samples per generation: sizes beyond 10^7 would exhaust memory. */
    static final ScenarioOptions.Limits LIMITS = new ScenarioOptions.Limits(1000, 1, BigInteger.TEN.pow(7));

    /** The stopping rule from --tau or --tau-scale (exactly one). */
    static StoppingRule rule(@Nullable Rational tau, @Nullable Rational scale, int width, Precision p) {
        if ((tau == null) == (scale == null)) {
            throw new UsageError("give exactly one of --tau (fixed training time) or --tau-scale c (D2 rule"
                    + " tau_j = c (m N_j/4)^(1/5))");
        }
        return tau != null ? StoppingRule.fixed(tau) : StoppingRule.d2(scale == null ? Rational.ONE : scale, width, p);
    }
}
