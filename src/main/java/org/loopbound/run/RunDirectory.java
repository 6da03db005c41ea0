package org.loopbound.run;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.io.IoFailure;

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
    /** The file that marks a folder as the output of a loopbound command, and names the command. */
    public static final String MARKER = ".loopbound-run";
    /** The file in which a run that failed says why. */
    public static final String FAILURE = "failure.json";

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
     * Opens the run directory of {@code command} with the canonical {@code parameters}. Without {@code resume},
     * {@link #claim claims} {@code dir} for the command and creates the run with its config.json (a
     * RunDirectoryException if the folder already holds a run). With {@code resume}, requires a run folder of the
     * command whose config.json stores parameters equal to {@code parameters} (a RunDirectoryException naming the first
     * difference otherwise), forgets the failure an earlier attempt recorded and deletes the temporaries an
     * interrupted writer left. Returns {@code null} when {@code dir} is {@code null} (no --out), which with
     * {@code resume} is a RunDirectoryException. Nothing is written before every check has passed.
     *
     * @param dir the folder of {@code --out}, or {@code null}
     * @param resume whether {@code --resume} was given
     * @param command the command, e.g. {@code "simulate"} or {@code "diffusion oracle"}
     * @param version the loopbound version, stored with the parameters
     * @param parameters the canonical parameters: parsed values, each in one canonical spelling
     * @param recordsDir the sub-folder of the records
     * @param prefix the records' name prefix
     * @return the run directory, or {@code null}
     * @throws RunDirectoryException when the folder cannot be used as asked (bad input)
     * @throws UncheckedIOException naming the path and the cause when the folder cannot be created or written
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
            claim(dir, command);
            if (Files.exists(configFile)) {
                throw new RunDirectoryException("--out " + dir + " already holds a run; add --resume to continue it,"
                        + " or choose another directory");
            }
            run.createRecordsDirectory();
            JsonObject stored = new JsonObject();
            stored.add("parameters", parameters);
            stored.addProperty("version", version);
            run.write(CONFIG, print(stored));
            return run;
        }
        if (!command.equals(kindOf(dir)) || !Files.isRegularFile(configFile)) {
            throw new RunDirectoryException("--resume: " + dir + " holds no run of loopbound " + command
                    + " to continue (no " + MARKER + " naming it, or no " + CONFIG + ")");
        }
        JsonElement previous;
        try {
            previous = JsonParser.parseString(RecordStore.read(configFile)).getAsJsonObject().get("parameters");
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RunDirectoryException("--resume: " + configFile + " is not a loopbound " + command
                    + " configuration");
        }
        if (!parameters.equals(previous)) {
            throw new RunDirectoryException("--resume: the configuration stored in " + configFile + " differs from"
                    + " this one (" + difference(parameters, previous) + "); rerun with the stored options or use"
                    + " another --out");
        }
        run.createRecordsDirectory();
        try {
            Files.deleteIfExists(dir.resolve(FAILURE));
            RecordStore.removeTemporaries(dir);
        } catch (IOException e) {
            throw IoFailure.of("clean", dir, e);
        }
        return run;
    }

    /**
     * Makes {@code dir} the output folder of {@code command}, before any work: it must be absent (it is then
     * created), empty, or a folder that {@code command} made earlier (its {@value #MARKER} file names the command),
     * so that a user's own files are never overwritten. The marker is written first, before any other file.
     *
     * @param dir the folder of {@code --out}
     * @param command the command, e.g. {@code "sweep"}
     * @return {@code dir}
     * @throws RunDirectoryException naming --out when {@code dir} is empty text, not a folder, a run folder of
     *     another command, or a folder with other files
     * @throws UncheckedIOException naming the path and the cause when the folder cannot be read, created or written
     */
    public static Path claim(Path dir, String command) {
        String allowed = "; --out must name a folder that is absent, empty, or an earlier run of loopbound " + command;
        if (dir.toString().isBlank()) {
            throw new RunDirectoryException("--out is empty" + allowed);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunDirectoryException("--out " + dir + " is not a folder" + allowed);
        }
        String kind = kindOf(dir);
        if (command.equals(kind)) {
            return dir;
        }
        if (kind != null) {
            throw new RunDirectoryException("--out " + dir + " holds a run of loopbound " + kind + allowed);
        }
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                Iterator<Path> first = s.iterator();
                if (first.hasNext()) {
                    throw new RunDirectoryException("--out " + dir + " already holds files that loopbound did not"
                            + " write (such as " + first.next().getFileName() + ")" + allowed);
                }
            } catch (IOException e) {
                throw IoFailure.of("read the folder", dir, e);
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw IoFailure.of("create the folder", dir, e);
        }
        AtomicFiles.writeUnchecked(dir.resolve(MARKER), command + "\n");
        return dir;
    }

    /**
     * Records why this run failed, in {@value #FAILURE} next to its records (which stay, for {@code --resume}), so
     * that a folder left by a run that failed late says what happened. A failure to write it is added to
     * {@code cause} as suppressed, never thrown over it.
     *
     * @param cause what made the run fail
     */
    private void recordFailure(RuntimeException cause) {
        JsonObject o = new JsonObject();
        o.addProperty("failed", String.valueOf(cause.getMessage()).replaceAll("\\s*\\R\\s*", " "));
        o.addProperty("records", recordsDir.getFileName() + " holds every task finished before the failure");
        o.addProperty("resume", "rerun the same command with --resume to continue from them");
        try {
            write(FAILURE, print(o));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Work on a run folder, such as running its tasks. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @return the work's result
         * @throws InterruptedException when interrupted
         */
        T run() throws InterruptedException;
    }

    /**
     * Does {@code work}; when it fails, records the failure in {@code dir} ({@link #recordFailure}) and rethrows it.
     *
     * @param dir the run folder, or {@code null} (nothing is recorded)
     * @param work the work
     * @param <T> its result type
     * @return its result
     * @throws InterruptedException when interrupted (finished records stay, nothing else is recorded)
     * @throws RuntimeException whatever {@code work} threw
     */
    public static <T> T recordingFailure(@Nullable RunDirectory dir, Work<T> work) throws InterruptedException {
        try {
            return work.run();
        } catch (RuntimeException e) {
            if (dir != null) {
                dir.recordFailure(e);
            }
            throw e;
        }
    }

    /** The command named by the marker of {@code dir}, or {@code null} when it has no readable marker. */
    private static @Nullable String kindOf(Path dir) {
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            return null;
        }
        return RecordStore.read(marker).strip();
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
        AtomicFiles.writeUnchecked(dir.resolve(name), text);
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

}
