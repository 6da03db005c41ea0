package org.loopbound.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Finished cells on disk, one file per cell under {@code DIR/cells/xx/HASH.json}, where HASH is the SHA-256 of the
 * record's {@link CellRecord#identity} and xx its first two hex digits (so no directory grows beyond ~1/256 of the
 * cells). Each file is written atomically as soon as its cell finishes: a killed sweep leaves only whole records
 * (and perhaps the writer's temporaries {@code .*.tmp}, which {@link #open} deletes), and a rerun reuses every
 * record whose identity matches, whichever grid or engine produced it.
 */
public final class ResultStore {

    private final Path cells;
    private final AtomicWriter writer;

    private ResultStore(Path cells, AtomicWriter writer) {
        this.cells = cells;
        this.writer = writer;
    }

    /**
     * Opens (creating it if needed) the store under {@code dir}, deleting temporaries a killed writer left behind.
     *
     * @throws UncheckedIOException when the directory cannot be created or read
     */
    public static ResultStore open(Path dir, AtomicWriter writer) {
        Path cells = dir.resolve("cells");
        try {
            Files.createDirectories(cells);
            try (DirectoryStream<Path> shards = Files.newDirectoryStream(cells)) {
                for (Path shard : shards) {
                    if (Files.isDirectory(shard)) {
                        try (DirectoryStream<Path> tmp = Files.newDirectoryStream(shard, ".*.tmp")) {
                            for (Path t : tmp) {
                                Files.deleteIfExists(t);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the result store " + cells + ": " + e.getMessage(), e);
        }
        return new ResultStore(cells, writer);
    }

    /** The file of the record with this identity. */
    public Path file(String identity) {
        String h = sha256(identity);
        return cells.resolve(h.substring(0, Math.min(2, h.length()))).resolve(h + ".json");
    }

    /**
     * The stored record of {@code cell}, or {@code null} when there is none (or the file holds a record of another
     * key, which a later {@link #store} then replaces).
     */
    public @Nullable String load(Grid grid, Cell cell) {
        Path f = file(CellRecord.identity(grid, cell));
        if (!Files.isRegularFile(f)) {
            return null;
        }
        String line;
        try {
            line = Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
        return cell.key().equals(CellRecord.keyOf(line)) ? line : null;
    }

    /** Stores the record of {@code cell} atomically (thread-safe: distinct cells are distinct files). */
    public void store(Grid grid, Cell cell, String record) {
        Path f = file(CellRecord.identity(grid, cell));
        try {
            writer.write(f, out -> out.write(record.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (byte x : d) {
                b.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
