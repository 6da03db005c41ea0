package org.loopbound.run;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.loopbound.io.IoFailure;

/**
 * Writes files so that a reader never sees a half-written one: the content goes to a temporary file in the same
 * directory, which is then renamed over the target (atomically where the file system supports it).
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code text} (UTF-8) to {@code target}, creating parent directories. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code target}, creating parent directories. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** What streams a file's content; large outputs are written without holding them in memory. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out} (buffered; closed by the caller). */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code text} (UTF-8) to {@code target}, creating parent directories.
     *
     * @param target the file
     * @param text its content
     * @throws UncheckedIOException "cannot write TARGET: CAUSE" when it cannot be written
     */
    public static void writeUnchecked(Path target, String text) {
        writeUnchecked(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Writes the streamed {@code content} to {@code target}, creating parent directories.
     *
     * @param target the file
     * @param content what streams its content
     * @throws UncheckedIOException "cannot write TARGET: CAUSE" when it cannot be written
     */
    public static void writeUnchecked(Path target, Content content) {
        try {
            write(target, content);
        } catch (IOException e) {
            throw IoFailure.of("write", target, e);
        }
    }

    /** Writes the streamed {@code content} to {@code target}, creating parent directories. */
    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null) {
            throw new IOException("no parent directory for " + target);
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
