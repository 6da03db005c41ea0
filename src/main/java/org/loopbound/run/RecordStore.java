package org.loopbound.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.io.IoFailure;

/**
 * Finished records on disk, one file {@code DIR/NAME.json} per record, each written atomically as soon as its task
 * finishes: a killed run leaves only whole records, plus perhaps the writer's temporaries {@code .*.tmp}, which
 * {@link #open} deletes. A name may contain one {@code /} (a shard directory, so that no directory grows too large).
 */
public final class RecordStore {

    private final Path dir;

    private RecordStore(Path dir) {
        this.dir = dir;
    }

    /**
     * Opens the store in {@code dir}, creating it if needed and deleting the temporaries a killed writer left in it
     * and in its shard directories.
     *
     * @param dir the directory
     * @return the store
     * @throws UncheckedIOException when the directory cannot be created, listed or cleaned
     */
    public static RecordStore open(Path dir) {
        try {
            Files.createDirectories(dir);
            removeTemporaries(dir);
            try (DirectoryStream<Path> shards = Files.newDirectoryStream(dir, Files::isDirectory)) {
                for (Path shard : shards) {
                    removeTemporaries(shard);
                }
            }
        } catch (IOException e) {
            throw IoFailure.of("open", dir, e);
        }
        return new RecordStore(dir);
    }

    /**
     * @param name a record name
     * @return the file that holds (or will hold) the record
     */
    public Path file(String name) {
        return dir.resolve(name + ".json");
    }

    /**
     * Stores a record atomically; safe from several threads for distinct names.
     *
     * @param name the record's name
     * @param text its content (UTF-8)
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public void store(String name, String text) {
        AtomicFiles.writeUnchecked(file(name), text);
    }

    /**
     * @param name a record's name
     * @return its content, or {@code null} when no such record is stored
     * @throws UncheckedIOException naming the file when it exists but cannot be read
     */
    public @Nullable String load(String name) {
        Path f = file(name);
        return Files.isRegularFile(f) ? read(f) : null;
    }

    /**
     * The names of the stored records directly in the store's directory (not in shards) whose names start with
     * {@code prefix}, in no particular order.
     *
     * @param prefix the start of the names
     * @return the names, without {@code .json}
     * @throws UncheckedIOException when the directory cannot be listed
     */
    public List<String> names(String prefix) {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, prefix + "*.json")) {
            for (Path p : s) {
                String f = String.valueOf(p.getFileName());
                out.add(f.replaceFirst("\\.json$", ""));
            }
        } catch (IOException e) {
            throw IoFailure.of("list", dir, e);
        }
        return out;
    }

    /**
     * @param file a file
     * @return its content as UTF-8
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw IoFailure.of("read", file, e);
        }
    }

    /** Deletes the temporaries ({@code .NAME.*.tmp}) that a writer killed before its rename left behind. */
    static void removeTemporaries(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        }
    }
}
