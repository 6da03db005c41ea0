package org.loopbound.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code loopbound reproduce}: the main job. Until the claims-audit report lands (issue 7), it recomputes the
 * reference values of theory.md with their labels by running the same commands a user would.
 */
@Command(name = "reproduce",
        description = {"Recompute the reference values of theory.md (certified), with provenance labels."})
public final class ReproduceCommand implements Runnable {

    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    /** The reference computations, each an argument list of another loopbound command. */
    static final List<List<String>> STEPS = List.of(
            List.of("bound", "--scenario", "fixed-proportion", "--n", "1000", "--lambda", "1/10", "--eps", "1",
                    "--generations", "20"),
            List.of("bound", "--scenario", "fully-synthetic", "--n", "1000", "--eps", "1/100", "--generations", "5"),
            List.of("bound", "--scenario", "last-injection", "--n", "1000", "--lambda", "3/4", "--eps", "1/100",
                    "--generations", "4"),
            List.of("bound", "--scenario", "growing-size", "--n", "100", "--rate", "1,1/2", "--generations", "5"),
            List.of("bound", "--scenario", "fixed-proportion", "--n", "10000", "--lambda", "1/2", "--atoms", "10",
                    "--delta", "1/1000", "--generations", "5"),
            List.of("bound", "--scenario", "accumulate", "--real", "1000", "--synthetic", "1000", "--eps", "1/100",
                    "--generations", "5"));

    @Override
    public void run() {
        CommandLine root = spec.commandLine().getParent();
        if (root == null) {
            throw new IllegalStateException("reproduce must run under the loopbound command");
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        for (List<String> step : STEPS) {
            out.println("$ loopbound " + String.join(" ", step));
            out.flush();
            int code = root.execute(step.toArray(new String[0]));
            if (code != 0) {
                throw new IllegalStateException("step failed with exit code " + code + ": " + step);
            }
            out.println();
        }
        out.flush();
    }
}
