package org.loopbound.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.loopbound.audit.AuditConfig;
import org.loopbound.audit.AuditReport;
import org.loopbound.audit.ClaimsAudit;
import org.loopbound.audit.TaskRunner;
import org.loopbound.report.ClaimsReport;
import org.loopbound.run.AtomicFiles;
import org.loopbound.run.ResumableTasks;
import org.loopbound.run.RunDirectory;
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
            description = "Report directory: absent, empty, or written by an earlier reproduce (default:"
                    + " ${DEFAULT-VALUE}); every file is written atomically.")
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
        Path dir = RunDirectory.claim(Paths.get(out), "reproduce");
        ResultIndex index = ResultIndex.bundled();
        AuditConfig config = new AuditConfig("loopbound " + Main.version(), seed,
                quick ? AuditConfig.Plan.quick() : AuditConfig.Plan.full(), threads, AuditConfig.PRECISION);
        int steps = ClaimsAudit.steps(index);
        step = 0;
        AuditReport audit = ClaimsAudit.run(config, index, runner(config.workers()), what -> progress(what, steps));
        // The threads never change a byte of the report, so the regenerating command leaves them out.
        String again = "loopbound reproduce" + (quick ? " --quick" : "") + " --seed " + seed + " --out "
                + (out.matches("[A-Za-z0-9_./=:,+-]+") ? out : "'" + out.replace("'", "'\\''") + "'");
        ClaimsReport report = new ClaimsReport(audit, again);
        for (ClaimsReport.Figure f : report.figures()) {
            AtomicFiles.writeUnchecked(dir.resolve("figures").resolve(f.file()), f.svg());
        }
        AtomicFiles.writeUnchecked(dir.resolve("report.json"), report.toJson());
        AtomicFiles.writeUnchecked(dir.resolve("index.html"), report.toHtml());
        PrintWriter w = spec.commandLine().getOut();
        w.println("report written to " + dir.resolve("index.html") + (report.anyFail()
                ? " — some cross-checks FAILED (see the summary table)" : report.allPass() ? " — all cross-checks PASS"
                : " — no cross-check FAILED; some claims are not shown (INCONCLUSIVE, see the summary table)"));
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
