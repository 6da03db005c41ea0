package org.loopbound.sweep;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.run.RecordStore;

/**
 * Finished cells on disk, one file per cell under {@code DIR/cells/xx/HASH.json}, where HASH is the SHA-256 of the
 * record's {@link CellRecord#identity} and xx its first two hex digits (so no directory grows beyond ~1/256 of the
 * cells). Each file is written atomically as soon as its cell finishes: a killed sweep leaves only whole records
 * (and perhaps the writer's temporaries, which {@link #open} deletes: the store is a {@link RecordStore}), and a rerun reuses every
 * record whose identity matches, whichever grid or engine produced it.
 */
public final class ResultStore {

    private final RecordStore cells;

    private ResultStore(RecordStore cells) {
        this.cells = cells;
    }

    /**
     * Opens (creating it if needed) the store under {@code dir}, deleting temporaries a killed writer left behind.
     *
     * @param dir the sweep's output directory
     * @return the store
     * @throws java.io.UncheckedIOException when the directory cannot be created or read
     */
    public static ResultStore open(Path dir) {
        return new ResultStore(RecordStore.open(dir.resolve("cells")));
    }

    /**
     * @param identity a record identity ({@link CellRecord#identity})
     * @return the file of the record with this identity
     */
    public Path file(String identity) {
        return cells.file(name(identity));
    }

    /**
     * The stored record of {@code cell}, or {@code null} when there is none (or the file holds a record of another
     * key, which a later {@link #store} then replaces).
     *
     * @param grid the grid
     * @param cell one of its cells
     * @return the record's text, or {@code null}
     */
    public @Nullable String load(Grid grid, Cell cell) {
        String line = cells.load(name(CellRecord.identity(grid, cell)));
        return line != null && cell.key().equals(CellRecord.keyOf(line)) ? line : null;
    }

    /**
     * Stores the record of {@code cell} atomically (thread-safe: distinct cells are distinct files).
     *
     * @param grid the grid
     * @param cell one of its cells
     * @param record the record's text
     */
    public void store(Grid grid, Cell cell, String record) {
        cells.store(name(CellRecord.identity(grid, cell)), record);
    }

    /** The record name {@code xx/HASH}: HASH the SHA-256 of the identity, xx its first two hex digits. */
    private static String name(String identity) {
        String h = sha256(identity);
        return h.substring(0, Math.min(2, h.length())) + "/" + h;
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
