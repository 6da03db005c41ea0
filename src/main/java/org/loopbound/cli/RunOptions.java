package org.loopbound.cli;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.run.ResumableTasks;
import org.loopbound.run.RunDirectory;
import org.loopbound.stats.Experiment;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options of every replicated simulation ({@code diffusion …}, {@code kde loop}): replicates, seed, threads, --out. */
final class RunOptions {
    @Option(names = "--replicates", defaultValue = "8", paramLabel = "R",
            description = "Independent replicates (default: ${DEFAULT-VALUE}).")
    @Domains.In("[2, 100000]")
    int replicates;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed; replicate r uses the stream (S, r), so output is identical for any --threads"
                    + " (default: ${DEFAULT-VALUE}).")
    @Domains.In(Domains.LONG)
    long seed;

    @Option(names = "--threads", paramLabel = "THREADS",
            description = "Worker threads (default: available processors); never changes any output byte.")
    @Domains.In(Domains.THREADS)
    @Nullable Integer threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write config.json, runs/run-NNNNNN.json (one per finished task), replicates.csv (the"
                    + " per-replicate rows) and summary.json there, each atomically (failure.json if the run fails);"
                    + " DIR must be absent, empty, or a run of the same command.")
    @Nullable Path out;

    @Option(names = "--resume", description = "Continue the run in --out DIR (same configuration required),"
            + " computing only the tasks without a record.")
    boolean resume;

    int replicates() {
        return replicates;
    }

    int threads() {
        return Domains.threads(threads);
    }

    /** Adds the replicate count and the seed to the canonical parameters. */
    void describe(JsonObject params) {
        params.addProperty("replicates", replicates);
        params.addProperty("seed", seed);
    }

    /** The run directory of --out (created, or checked with --resume), or null without --out. */
    @Nullable RunDirectory directory(String command, JsonObject params) {
        return RunDirectory.open(out, resume, command, Main.version(), params, "runs", "run");
    }

    /**
     * Runs an experiment's tasks on the --threads pool, resumable through {@code dir}, and returns its analysis;
     * the output depends neither on the thread count nor on interruptions.
     */
    <T, R> R execute(Experiment<T, R> experiment, @Nullable RunDirectory dir, ResumableTasks.Codec<T> codec,
                     CommandLine.Model.CommandSpec spec, String label) {
        int n = experiment.tasks();
        int t = threads();
        int stored = dir == null ? 0 : dir.records(n, codec::decode).size();
        try (Progress progress = Progress.start(spec.commandLine().getErr(), label, n - stored)) {
            return RunDirectory.recordingFailure(dir, () -> experiment.analyse(
                    ResumableTasks.run(n, t, experiment::task, dir, codec, progress::advance)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted; finished tasks are kept for --resume", e);
        }
    }

    /** Writes the per-replicate rows and the JSON summary into the run directory, if there is one. */
    static void finish(@Nullable RunDirectory dir, CharSequence csv, JsonObject summary) {
        if (dir != null) {
            dir.write("replicates.csv", csv.toString());
            dir.write("summary.json", Json.print(summary));
        }
    }
}
