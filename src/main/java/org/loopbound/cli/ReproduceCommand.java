package org.loopbound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.loopbound.audit.AuditConfig;
import org.loopbound.audit.AuditReport;
import org.loopbound.audit.ClaimsAudit;
import org.loopbound.audit.TaskRunner;
import org.loopbound.report.ClaimsReport;
import org.loopbound.run.AtomicFiles;
import org.loopbound.run.ResumableTasks;
import org.loopbound.spec.ResultIndex;
import org.loopbound.stats.Experiment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loopbound reproduce}: the main job. Runs the claims audit (org.loopbound.audit) — certified values,
 * simulation cross-checks and figures for each claim C1–C6 of the abstract — and writes the report
 * (org.loopbound.report): {@code out/report/index.html}, {@code out/report/report.json} and
 * {@code out/report/figures/*.svg}. Every cross-check names the {@code loopbound} command that reproduces it by hand.
 */
@Command(name = "reproduce",
        description = {"Run the claims audit and write out/report/index.html, report.json and figures/.",
            "Each claim C1-C6 of the abstract -> the results that formalize it -> proof status -> the",
            "simulation cross-check (PASS/FAIL with statistics) -> figures. Exit 1 if any cross-check fails."})
public final class ReproduceCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/report",
            description = "Report directory (default: ${DEFAULT-VALUE}); every file is written atomically.")
    String out = "out/report";

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20240217",
            description = "Master seed (default: ${DEFAULT-VALUE}).")
    @Domains.In(Domains.LONG)
    long seed;

    @Option(names = "--quick", description = "A smaller run (fewer replicates and generations), for the tests.")
    boolean quick;

    @Option(names = "--threads", paramLabel = "THREADS", defaultValue = "0",
            description = "Simulation threads (default 0 = all cores); does not change any output byte.")
    @Domains.In("[0, 1024]")
    int threads;

    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    private int step;

    @Override
    public Integer call() {
        ResultIndex index = ResultIndex.bundled();
        AuditConfig config = new AuditConfig("loopbound " + Main.version(), seed,
                quick ? AuditConfig.Plan.quick() : AuditConfig.Plan.full(), threads, AuditConfig.PRECISION);
        int steps = ClaimsAudit.steps(index);
        step = 0;
        AuditReport audit = ClaimsAudit.run(config, index, runner(config.workers()), what -> progress(what, steps));
        ClaimsReport report = new ClaimsReport(audit);
        Path dir = Paths.get(out);
        try {
            for (ClaimsReport.Figure f : report.figures()) {
                AtomicFiles.writeString(dir.resolve("figures").resolve(f.file()), f.svg());
            }
            AtomicFiles.writeString(dir.resolve("report.json"), report.toJson());
            AtomicFiles.writeString(dir.resolve("index.html"), report.toHtml());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir + ": " + e.getMessage(), e);
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println("report written to " + dir.resolve("index.html") + (report.anyFail()
                ? " — some cross-checks FAILED (see the summary table)" : " — all cross-checks PASS"));
        w.flush();
        return report.anyFail() ? Main.EXIT_FAILURE : 0;
    }

    /** The audit's experiments on the one worker pool, in task order, without records and without their own bar. */
    private static TaskRunner runner(int workers) {
        return new TaskRunner() {
            @Override
            public <T, R> R run(Experiment<T, R> experiment, String label) {
                try {
                    return experiment.analyse(ResumableTasks.run(experiment.tasks(), workers, experiment::task,
                            new java.util.HashMap<>(), r -> { }, units -> { }));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted: " + label, e);
                }
            }
        };
    }

    private void progress(String what, int steps) {
        step++;
        if (System.console() != null) {
            int width = 30;
            int done = steps == 0 ? width : Math.min(width, step * width / steps);
            System.err.print("\r[" + "#".repeat(done) + " ".repeat(width - done) + "] " + step + "/" + steps + " "
                    + what + "                    ");
            if (step >= steps) {
                System.err.println();
            }
            System.err.flush();
        }
    }
}
