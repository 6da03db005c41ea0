package org.loopbound.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Independent tasks 0..n−1 (replicates, or replicates of the cells of a sweep) on a fixed pool, resumable through a
 * {@link RunDirectory}: tasks with a stored record are not recomputed, every newly finished task is stored as soon as
 * it finishes, and the results come back in task order, so the output depends neither on the thread count nor on
 * whether the run was interrupted. A {@link Progress} bar over the tasks still to compute goes to stderr.
 */
final class ResumableTasks {

    /** How one task's result is stored; {@code decode(encode(x))} must equal x exactly (doubles included). */
    interface Codec<T> {
        /** The record of a result. */
        JsonObject encode(T value);

        /** The result of a record; throws a RuntimeException for a record that does not fit this run. */
        T decode(JsonObject record);
    }

    private ResumableTasks() {
    }

    /**
     * Runs the tasks without a record in {@code store} (all of them when {@code store} is {@code null}) on
     * {@code threads} workers, storing each result as it finishes, and returns every result in task order; a task's
     * RuntimeException is rethrown (records of the tasks finished before it are kept).
     */
    static <T> List<T> run(int tasks, int threads, IntFunction<T> task, @Nullable RunDirectory store, Codec<T> codec,
                           PrintWriter err, String label) {
        Map<Integer, T> done = store == null ? Map.of() : store.records(tasks, codec::decode);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks)));
        try (Progress progress = Progress.start(err, label, tasks - done.size())) {
            List<@Nullable Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int index = i;
                futures.add(done.containsKey(i) ? null : pool.submit(() -> {
                    T r = task.apply(index);
                    if (store != null) {
                        store.store(index, codec.encode(r));
                    }
                    progress.advance(1);
                    return r;
                }));
            }
            List<T> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                Future<T> f = futures.get(i);
                T stored = done.get(i);
                if (f != null) {
                    out.add(f.get());
                } else if (stored != null) {
                    out.add(stored);
                } else {
                    throw new IllegalStateException("task " + i + " has neither a record nor a computation");
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted; finished tasks are kept for --resume", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            throw new IllegalStateException(String.valueOf(c), c);
        } finally {
            pool.shutdownNow();
        }
    }
}
