package org.loopbound.run;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The {@code --out DIR} of a resumable run ({@code --resume}): {@code config.json} holds the canonical parameters (all
 * that determines the results, never the thread count), {@code RECORDS/PREFIX-NNNNNN.json} one record per finished
 * task (a replicate, or one replicate of one cell of a sweep), and the final outputs sit next to them. Every file is
 * written through {@link AtomicFiles}, so an interrupted run leaves only whole records (and perhaps temporaries, which
 * resuming deletes). Resuming checks the stored parameters against the given ones and loads the records, so only the
 * missing tasks are computed; equal parameters give byte-identical outputs whether or not the run was interrupted.
 */
public final class RunDirectory {

    private static final String CONFIG = "config.json";

    private final Path dir;
    private final Path recordsDir;
    private final String prefix;
    private final Pattern recordName;
    private @Nullable RecordStore records;

    private RunDirectory(Path dir, String recordsDir, String prefix) {
        this.dir = dir;
        this.recordsDir = dir.resolve(recordsDir);
        this.prefix = prefix;
        this.recordName = Pattern.compile(Pattern.quote(prefix) + "-(\\d{6,9})");
    }

    /**
     * Opens the run directory of {@code command} with the canonical {@code parameters}: without {@code resume}, creates
     * it with its config.json (a UsageError if it already holds a run); with {@code resume}, checks that config.json
     * exists and stores the same parameters (a UsageError naming the first difference otherwise) and deletes
     * temporaries left by an interrupted writer. Returns {@code null} when {@code dir} is {@code null} (no --out),
     * which with {@code resume} is a UsageError.
     */
    public static @Nullable RunDirectory open(@Nullable Path dir, boolean resume, String command, String version,
                                              JsonObject parameters, String recordsDir, String prefix) {
        if (dir == null) {
            if (resume) {
                throw new RunDirectoryException("--resume needs --out DIR (the directory of the run to continue)");
            }
            return null;
        }
        RunDirectory run = new RunDirectory(dir, recordsDir, prefix);
        Path configFile = dir.resolve(CONFIG);
        if (!resume) {
            if (Files.exists(configFile)) {
                throw new RunDirectoryException("--out " + dir + " already holds a run; add --resume to continue it, or choose"
                        + " another directory");
            }
            run.createRecordsDirectory();
            JsonObject stored = new JsonObject();
            stored.add("parameters", parameters);
            stored.addProperty("version", version);
            run.write(CONFIG, print(stored));
            return run;
        }
        if (!Files.isRegularFile(configFile)) {
            throw new RunDirectoryException("--resume: " + dir + " has no config.json, so there is no run to continue");
        }
        JsonElement previous;
        try {
            previous = JsonParser.parseString(RecordStore.read(configFile)).getAsJsonObject().get("parameters");
        } catch (RuntimeException e) {
            throw new RunDirectoryException("--resume: " + configFile + " is not a loopbound " + command + " configuration");
        }
        if (!parameters.equals(previous)) {
            throw new RunDirectoryException("--resume: the configuration stored in " + configFile + " differs from this one ("
                    + difference(parameters, previous) + "); rerun with the stored options or use another --out");
        }
        run.createRecordsDirectory();
        try {
            RecordStore.removeTemporaries(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir + ": " + e.getMessage(), e);
        }
        return run;
    }

    /**
     * The stored records of tasks 0..count−1, decoded by {@code decode} (which throws a RuntimeException for a record
     * that does not belong to this run); a record file that cannot be read, does not decode or names a task outside
     * the range is a UsageError naming the file.
     */
    public <T> Map<Integer, T> records(int count, Function<JsonObject, T> decode) {
        RecordStore store = store();
        Map<Integer, T> done = new HashMap<>();
        for (String name : store.names(prefix + "-")) {
            Matcher m = recordName.matcher(name);
            int index = m.matches() ? parseIndex(m.group(1)) : -1;
            Path p = store.file(name);
            if (index < 0 || index >= count) {
                throw new RunDirectoryException("--resume: " + p + " does not belong to this configuration");
            }
            T record;
            try {
                record = decode.apply(JsonParser.parseString(RecordStore.read(p)).getAsJsonObject());
            } catch (UncheckedIOException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new RunDirectoryException("--resume: " + p + " is not a record of this run");
            }
            done.put(index, record);
        }
        return done;
    }

    /** Stores the record of task {@code index} atomically (any thread). */
    public void store(int index, JsonObject record) {
        store().store(String.format(Locale.ROOT, "%s-%06d", prefix, index), print(record));
    }

    /** Writes {@code text} atomically to the file {@code name} of the run directory. */
    public void write(String name, String text) {
        writeAtomically(dir.resolve(name), text);
    }

    private void createRecordsDirectory() {
        records = RecordStore.open(recordsDir);
    }

    private RecordStore store() {
        RecordStore s = records;
        if (s == null) {
            throw new IllegalStateException("run directory used before it was opened");
        }
        return s;
    }

    /** The JSON text of a record or configuration, as every loopbound output prints JSON. */
    private static String print(JsonObject o) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n";
    }

    private static int parseIndex(@Nullable String digits) {
        try {
            return digits == null ? -1 : Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String difference(JsonObject now, @Nullable JsonElement before) {
        if (before == null || !before.isJsonObject()) {
            return "no parameters stored";
        }
        JsonObject b = before.getAsJsonObject();
        for (String key : now.keySet()) {
            if (!now.get(key).equals(b.get(key))) {
                return key + ": stored " + b.get(key) + ", given " + now.get(key);
            }
        }
        for (String key : b.keySet()) {
            if (!now.has(key)) {
                return key + ": stored " + b.get(key) + ", not given";
            }
        }
        return "unknown difference";
    }

    private static void writeAtomically(Path file, String text) {
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
