package org.loopbound.sweep;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongConsumer;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.run.AtomicFiles;
import org.loopbound.run.RunDirectory;
import org.loopbound.run.Workers;

/**
 * Runs a grid into an output directory: validates every cell, reuses the finished records of the
 * {@link ResultStore} under the directory, computes the missing cells with an engine (each stored atomically as
 * it finishes), then writes, each atomically, {@code results.jsonl} and {@code results.csv} (one row per cell in
 * grid order) and the summary ({@code summary/index.html} with SVG plots). Every output is a function of the
 * records, which do not depend on the engine: the same grid gives the same bytes with any engine.
 */
public final class Sweep {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /**
     * What a run did.
     *
     * @param cells cells of the grid
     * @param reused cells whose record was already stored
     * @param computed cells computed by this run
     */
    public record Outcome(long cells, long reused, long computed) {
    }

    private Sweep() {
    }

    /**
     * Runs {@code grid} into {@code dir}. {@code progress} receives 1 per cell computed (not per cell reused);
     * {@code started} receives the number of cells to compute once it is known, before any is computed.
     *
     * @throws IllegalArgumentException when a cell is invalid, before anything is written
     * @throws org.loopbound.run.RunDirectoryException when {@code dir} is not absent, empty or an earlier sweep's
     *     folder ({@link RunDirectory#claim}), before anything is written
     * @throws InterruptedException when interrupted; every record stored so far is kept for the next run
     */
    public static Outcome run(Grid grid, Path dir, SweepEngine engine, int threads, LongConsumer started,
                              LongConsumer progress) throws InterruptedException {
        grid.validateCells(threads);
        RunDirectory.claim(dir, "sweep");
        ResultStore store = ResultStore.open(dir);
        write(dir.resolve("grid.json"), out -> out.write(grid.text().getBytes(StandardCharsets.UTF_8)));
        // One bit per cell (1.25 MB for the largest grid), set by the workers; read in grid order afterwards.
        int cells = Math.toIntExact(grid.cellCount());
        AtomicLongArray stored = new AtomicLongArray((cells + 63) / 64);
        Workers.forEach(cells, threads, "store", i -> {
            if (store.load(grid, grid.cell(i)) != null) {
                stored.getAndAccumulate(i >>> 6, 1L << i, (word, bit) -> word | bit);
            }
        });
        List<Long> missing = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            if ((stored.get(i >>> 6) & (1L << i)) == 0) {
                missing.add((long) i);
            }
        }
        started.accept(missing.size());
        AtomicLong computed = new AtomicLong();
        engine.run(grid, missing, threads, (cell, record) -> {
            store.store(grid, cell, record);
            computed.incrementAndGet();
            progress.accept(1);
        });
        if (computed.get() != missing.size()) {
            throw new IllegalStateException("engine " + engine.name() + " returned " + computed.get() + " of "
                    + missing.size() + " cells");
        }
        try {
            writeOutputs(grid, dir, store, threads);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof InterruptedIOException) {
                throw new InterruptedException("sweep interrupted while writing the results; every record is stored");
            }
            throw e;
        }
        return new Outcome(grid.cellCount(), grid.cellCount() - missing.size(), missing.size());
    }

    /**
     * Writes results.jsonl, results.csv and the summary in one pass over the records in grid order. Records are
     * read and turned into rows {@value #CHUNK} at a time on the workers (reading and parsing is most of the work),
     * so memory stays bounded for any number of cells; the rows are then written in order by this thread.
     */
    private static void writeOutputs(Grid grid, Path dir, ResultStore store, int threads) {
        List<String> params = parameterColumns(grid);
        List<String> metrics = CellRecord.columns(grid);
        SweepSummary summary = new SweepSummary(grid);
        List<String> header = new ArrayList<>(List.of("cell", "key"));
        header.addAll(params);
        header.addAll(List.of("replicates", "seed"));
        header.addAll(metrics);
        int cells = Math.toIntExact(grid.cellCount());
        write(dir.resolve("results.jsonl"), jsonl -> write(dir.resolve("results.csv"), csv -> {
            line(csv, csvRow(header));
            for (int from = 0; from < cells; from += CHUNK) {
                int start = from;
                int n = Math.min(CHUNK, cells - from);
                AtomicReferenceArray<@Nullable Row> rows = new AtomicReferenceArray<>(n);
                try {
                    Workers.forEach(n, threads, "rows", i -> rows.set(i, row(grid, store, start + i, params, metrics)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while writing the results");
                }
                for (int i = 0; i < n; i++) {
                    Row r = rows.get(i);
                    if (r == null) {
                        throw new IllegalStateException("a row of cells " + start + "… was not made");
                    }
                    summary.add(r.record());
                    line(jsonl, r.json());
                    line(csv, r.csv());
                }
            }
        }));
        for (Map.Entry<String, String> f : summary.files().entrySet()) {
            write(dir.resolve("summary").resolve(f.getKey()),
                    out -> out.write(f.getValue().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Records turned into rows per batch of the output pass (bounds its memory). */
    private static final int CHUNK = 4096;

    /** One cell's parsed record and its two output rows. */
    private record Row(JsonObject record, String json, String csv) {
    }

    private static Row row(Grid grid, ResultStore store, long i, List<String> params, List<String> metrics) {
        JsonObject rec = record(grid, store, i);
        JsonObject json = new JsonObject();
        json.addProperty("cell", i);
        for (String k : List.of("key", "parameters", "replicates", "seed")) {
            JsonElement e = rec.get(k);
            if (e != null) {
                json.add(k, e);
            }
        }
        for (String m : metrics) {
            json.addProperty(m, CellRecord.field(rec, m));
        }
        List<String> csv = new ArrayList<>(List.of(Long.toString(i), CellRecord.field(rec, "key")));
        for (String p : params) {
            csv.add(CellRecord.field(rec, p));
        }
        csv.add(CellRecord.field(rec, "replicates"));
        csv.add(CellRecord.field(rec, "seed"));
        for (String m : metrics) {
            csv.add(CellRecord.field(rec, m));
        }
        return new Row(rec, GSON.toJson(json), csvRow(csv));
    }

    /** Every parameter name any cell has, sorted (the same for all cells except scenario-specific ones). */
    private static List<String> parameterColumns(Grid grid) {
        SortedSet<String> names = new TreeSet<>();
        names.addAll(grid.cell(0).parameters().keySet());
        names.addAll(grid.axes().keySet());
        return new ArrayList<>(names);
    }

    private static JsonObject record(Grid grid, ResultStore store, long i) {
        Cell c = grid.cell(i);
        String line = store.load(grid, c);
        if (line == null) {
            throw new IllegalStateException("the record of " + c + " disappeared from the store");
        }
        return JsonParser.parseString(line).getAsJsonObject();
    }

    private static void line(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
    private static String csvRow(List<String> cells) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (String c : cells) {
            if (!first) {
                b.append(',');
            }
            first = false;
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
                b.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static void write(Path file, AtomicFiles.Content content) {
        AtomicFiles.writeUnchecked(file, content);
    }
}
