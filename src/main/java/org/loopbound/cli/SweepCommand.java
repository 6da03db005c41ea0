package org.loopbound.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.io.TextFile;
import org.loopbound.sweep.Grid;
import org.loopbound.sweep.Sweep;
import org.loopbound.sweep.SweepEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code loopbound sweep GRID}: a grid of simulations (the options of {@code simulate}, fixed or swept), one row per
 * cell, resumable, with the in-process engine or Apache Spark.
 */
@Command(name = "sweep", sortOptions = false,
        description = {
            "Runs a parameter grid of the discrete loop simulation (schema: spec/sweep.md): fixed parameters and",
            "swept axes using simulate's option names, replicates, seed, outputs (bound, simulation, verdict).",
            "The grid is validated completely before anything runs. Each cell's randomness derives from",
            "(seed, cell key, replicate), so results are byte-identical whatever the engine, machine or thread count.",
            "Writes DIR/results.csv, DIR/results.jsonl (one row per cell, metrics of the last generation) and",
            "DIR/summary/index.html (SVG heat maps and line plots). Finished cells are stored atomically in",
            "DIR/cells as they complete; rerunning the same grid into DIR computes only the missing cells.",
            "B_g is this project's reconstruction (R3 [derived] with EPS-EMP [derived], McDiarmid [imported])."})
public final class SweepCommand implements Runnable {

    @Parameters(index = "0", paramLabel = "GRID", description = "The grid file (JSON).")
    @Nullable Path grid;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory: absent, empty, or an earlier sweep's, whose finished cells are reused.")
    @Nullable Path out;

    @Option(names = "--engine", defaultValue = "local", paramLabel = "E",
            description = "local (in process, --threads workers) | spark (Apache Spark; local[*] unless spark.master"
                    + " is set, e.g. by spark-submit; needs the spark/ module, which ./loopbound builds on demand)"
                    + " (default: ${DEFAULT-VALUE}).")
    String engine = "local";

    @Option(names = "--threads", paramLabel = "THREADS",
            description = "Worker threads (default: all cores); never changes any output byte.")
    @Domains.In(Domains.THREADS)
    @Nullable Integer threads;

    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Path file = grid;
        Path dir = out;
        if (file == null || dir == null) {
            throw new UsageError("GRID and --out DIR are required");
        }
        Grid g = Grid.parse(TextFile.read(file), String.valueOf(file.getFileName()));
        SweepEngine e = SweepEngine.find(engine);
        if (e == null) {
            throw new UsageError("--engine " + engine + " is not available: 'local' always is; 'spark' needs the"
                    + " optional module (run through ./loopbound, which builds it, or: mvn -f spark/pom.xml package)");
        }
        int t = threads();
        PrintWriter err = spec.commandLine().getErr();
        AtomicReference<Progress> progress = new AtomicReference<>(Progress.silent());
        Sweep.Outcome o;
        try {
            o = Sweep.run(g, dir, e, t, n -> progress.set(Progress.start(err, "sweep", n)), n -> progress.get().advance(n));
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted; finished cells are kept in " + dir, ex);
        } finally {
            progress.get().close();
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println("sweep " + g.source() + ": " + o.cells() + " cells (" + o.computed() + " computed with engine "
                + e.name() + ", " + o.reused() + " reused); " + g.replicates() + " replicates per cell; seed "
                + g.seed());
        w.println("rows: " + dir.resolve("results.csv") + ", " + dir.resolve("results.jsonl"));
        w.println("summary: " + dir.resolve("summary").resolve("index.html"));
        w.flush();
    }

    private int threads() {
        return Domains.threads(threads);
    }
}
