package org.loopbound.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The default engine: the cells are computed in this process by {@code threads} workers that take the next
 * position from a shared counter (no per-cell task objects, so a million cells cost no more memory than a
 * thousand). One cell runs on one thread; the order in which cells finish does not matter for any output.
 */
public final class LocalEngine implements SweepEngine {

    /** The engine's name. */
    public static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(Grid grid, List<Long> positions, int threads, CellSink sink) throws InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < positions.size() && failure.get() == null
                    && !Thread.currentThread().isInterrupted(); i = next.getAndIncrement()) {
                Cell cell = grid.cell(positions.get(i));
                try {
                    sink.finished(cell, CellRecord.compute(grid, cell));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Thread> pool = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, Math.max(1, positions.size())); t++) {
            Thread th = new Thread(worker, "sweep-" + t);
            th.setDaemon(true);
            pool.add(th);
            th.start();
        }
        try {
            for (Thread th : pool) {
                th.join();
            }
        } catch (InterruptedException e) {
            for (Thread th : pool) {
                th.interrupt();
            }
            throw e;
        }
        RuntimeException f = failure.get();
        if (f != null) {
            throw f;
        }
    }
}
