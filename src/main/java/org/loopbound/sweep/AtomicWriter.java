package org.loopbound.sweep;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Writes a file so that no reader, and no later run after a kill, ever sees it half-written (write to a temporary
 * in the same directory, then rename). The caller supplies the implementation, so this package touches the file
 * system's atomicity only through it.
 */
@FunctionalInterface
public interface AtomicWriter {

    /** Streams the content of a file. */
    @FunctionalInterface
    interface Content {
        /** Writes the whole content to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code content} to {@code target} atomically, creating parent directories. */
    void write(Path target, Content content) throws IOException;
}
