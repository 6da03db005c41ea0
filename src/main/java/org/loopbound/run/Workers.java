package org.loopbound.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The one pool of loopbound: {@code threads} workers take the next task index from a shared counter, so a million
 * tasks cost no more memory than a thousand and no task objects are queued. The first task that throws stops the
 * others from taking new tasks, and its exception is rethrown once every worker has stopped.
 */
public final class Workers {

    /** The most workers any run may ask for. */
    public static final int MAX_THREADS = 1024;

    private Workers() {
    }

    /**
     * Calls {@code body} once for every index 0..{@code count}−1, concurrently on up to {@code threads} workers,
     * and returns when every call has returned.
     *
     * @param count the number of tasks, ≥ 0
     * @param threads the number of workers, in [1, {@value #MAX_THREADS}]
     * @param name the workers' thread name prefix (for stack dumps)
     * @param body the task; it must be safe to call from several threads at once
     * @throws IllegalArgumentException when {@code threads} or {@code count} is outside its domain (a caller's bug:
     *     commands check {@code --threads} before)
     * @throws InterruptedException when interrupted; workers are interrupted and tasks already run stay run
     * @throws RuntimeException the first exception a task threw
     */
    public static void forEach(int count, int threads, String name, IntConsumer body) throws InterruptedException {
        if (threads < 1 || threads > MAX_THREADS || count < 0) {
            throw new IllegalArgumentException("workers: threads " + threads + ", tasks " + count);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();
        AtomicReference<@Nullable Error> error = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count && failure.get() == null && error.get() == null
                    && !Thread.currentThread().isInterrupted(); i = next.getAndIncrement()) {
                try {
                    body.accept(i);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } catch (Error e) {
                    error.compareAndSet(null, e);
                }
            }
        };
        List<Thread> pool = new ArrayList<>();
        for (int t = 0; t < Math.min(threads, Math.max(1, count)); t++) {
            Thread th = new Thread(worker, name + "-" + t);
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
        Error err = error.get();
        if (err != null) {
            throw err;
        }
        RuntimeException f = failure.get();
        if (f != null) {
            throw f;
        }
        if (next.get() < count) {
            throw new InterruptedException("workers stopped before every task ran");
        }
    }
}
