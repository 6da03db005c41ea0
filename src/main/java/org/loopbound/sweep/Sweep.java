package org.loopbound.sweep;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.loopbound.run.AtomicFiles;
import org.loopbound.run.RunDirectory;

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
        grid.validateCells();
        RunDirectory.claim(dir, "sweep");
        ResultStore store = ResultStore.open(dir);
        write(dir.resolve("grid.json"), out -> out.write(grid.text().getBytes(StandardCharsets.UTF_8)));
        List<Long> missing = new ArrayList<>();
        for (long i = 0; i < grid.cellCount(); i++) {
            if (store.load(grid, grid.cell(i)) == null) {
                missing.add(i);
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
        writeOutputs(grid, dir, store);
        return new Outcome(grid.cellCount(), grid.cellCount() - missing.size(), missing.size());
    }

    private static void writeOutputs(Grid grid, Path dir, ResultStore store) {
        List<String> params = parameterColumns(grid);
        List<String> metrics = CellRecord.columns(grid);
        SweepSummary summary = new SweepSummary(grid);
        write(dir.resolve("results.jsonl"), out -> {
            for (long i = 0; i < grid.cellCount(); i++) {
                JsonObject rec = record(grid, store, i);
                summary.add(rec);
                JsonObject row = new JsonObject();
                row.addProperty("cell", i);
                for (String k : List.of("key", "parameters", "replicates", "seed")) {
                    JsonElement e = rec.get(k);
                    if (e != null) {
                        row.add(k, e);
                    }
                }
                for (String m : metrics) {
                    row.addProperty(m, CellRecord.field(rec, m));
                }
                line(out, GSON.toJson(row));
            }
        });
        write(dir.resolve("results.csv"), out -> {
            List<String> header = new ArrayList<>(List.of("cell", "key"));
            header.addAll(params);
            header.addAll(List.of("replicates", "seed"));
            header.addAll(metrics);
            line(out, csvRow(header));
            for (long i = 0; i < grid.cellCount(); i++) {
                JsonObject rec = record(grid, store, i);
                List<String> row = new ArrayList<>(List.of(Long.toString(i), CellRecord.field(rec, "key")));
                for (String p : params) {
                    row.add(CellRecord.field(rec, p));
                }
                row.add(CellRecord.field(rec, "replicates"));
                row.add(CellRecord.field(rec, "seed"));
                for (String m : metrics) {
                    row.add(CellRecord.field(rec, m));
                }
                line(out, csvRow(row));
            }
        });
        for (Map.Entry<String, String> f : summary.files().entrySet()) {
            write(dir.resolve("summary").resolve(f.getKey()),
                    out -> out.write(f.getValue().getBytes(StandardCharsets.UTF_8)));
        }
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
