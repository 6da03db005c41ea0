package org.loopbound.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A progress bar on stderr for long computations, shown only when the process is attached to a terminal
 * ({@code System.console() != null}): never on stdout, never into a pipe or a file, so it cannot change any output.
 * {@link #advance} is thread-safe and cheap; the bar, with an estimated time to completion, is redrawn at most every
 * 200 ms and erased by {@link #close}.
 */
public final class Progress implements AutoCloseable {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final @Nullable PrintWriter err;
    private final String label;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong lastDraw = new AtomicLong(Long.MIN_VALUE);
    private final long startNanos = System.nanoTime();

    private Progress(@Nullable PrintWriter err, String label, long total) {
        this.err = err;
        this.label = label;
        this.total = Math.max(1, total);
    }

    /** A bar over {@code total} units on {@code err}, or a silent one when stderr is not a terminal. */
    public static Progress start(PrintWriter err, String label, long total) {
        return new Progress(System.console() != null ? err : null, label, total);
    }

    /** A bar that never draws. */
    public static Progress silent() {
        return new Progress(null, "", 1);
    }

    /** Records {@code units} more units done (any thread). */
    public void advance(long units) {
        long d = done.addAndGet(units);
        PrintWriter w = err;
        if (w == null) {
            return;
        }
        long now = System.nanoTime();
        long last = lastDraw.get();
        if ((last == Long.MIN_VALUE || now - last >= REDRAW_NANOS) && lastDraw.compareAndSet(last, now)) {
            draw(w, Math.min(d, total));
        }
    }

    private synchronized void draw(PrintWriter w, long d) {
        int filled = (int) (WIDTH * d / total);
        StringBuilder b = new StringBuilder("\r").append(label).append(" [");
        for (int i = 0; i < WIDTH; i++) {
            b.append(i < filled ? '#' : '.');
        }
        b.append("] ").append(100 * d / total).append('%');
        if (d > 0 && d < total) {
            // Linear extrapolation of the elapsed time: rough, but honest about being an estimate.
            long seconds = (long) ((System.nanoTime() - startNanos) / 1e9 * (total - d) / d);
            b.append(String.format(java.util.Locale.ROOT, " ETA %d:%02d:%02d", seconds / 3600, seconds / 60 % 60,
                    seconds % 60));
        }
        w.print(b);
        w.flush();
    }

    /** Erases the bar. */
    @Override
    public synchronized void close() {
        PrintWriter w = err;
        if (w != null) {
            w.print("\r" + " ".repeat(label.length() + WIDTH + 24) + "\r");
            w.flush();
        }
    }
}
