package org.loopbound.run;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Independent tasks 0..n−1 (replicates, or replicates of the cells of an experiment) on {@link Workers}, resumable:
 * tasks with a stored result are not recomputed, every newly finished task is handed on (and stored) as soon as it
 * finishes, and the results come back in task order, so the output depends neither on the thread count nor on
 * whether the run was interrupted.
 */
public final class ResumableTasks {

    /** How one task's result is stored; {@code decode(encode(x))} must equal x exactly (doubles included). */
    public interface Codec<T> {
        /**
         * @param value a result
         * @return its record
         */
        JsonObject encode(T value);

        /**
         * @param record a stored record
         * @return the result it holds
         * @throws RuntimeException for a record that does not fit this run
         */
        T decode(JsonObject record);
    }

    private ResumableTasks() {
    }

    /**
     * Runs the tasks that have no result in {@code done} and returns every result in task order.
     *
     * @param tasks the number of tasks
     * @param threads the number of workers, in [1, {@value Workers#MAX_THREADS}]
     * @param task computes task i's result (from several threads at once)
     * @param done results already known, by task index (kept, not recomputed)
     * @param finished receives each newly computed result at once, from the worker that computed it
     * @param progress receives 1 per newly computed task
     * @param <T> the result type
     * @return the results of tasks 0..{@code tasks}−1
     * @throws InterruptedException when interrupted; results handed to {@code finished} so far stay handed on
     * @throws RuntimeException the first exception a task threw (results finished before it were handed on)
     */
    public static <T> List<T> run(int tasks, int threads, IntFunction<T> task, Map<Integer, T> done,
                                  Consumer<T> finished, LongConsumer progress) throws InterruptedException {
        AtomicReferenceArray<@Nullable T> results = new AtomicReferenceArray<>(tasks);
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            T known = done.get(i);
            if (known != null) {
                results.set(i, known);
            } else {
                todo.add(i);
            }
        }
        Workers.forEach(todo.size(), threads, "task", k -> {
            int index = todo.get(k);
            T r = task.apply(index);
            finished.accept(r);
            results.set(index, r);
            progress.accept(1);
        });
        List<T> out = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            T r = results.get(i);
            if (r == null) {
                throw new IllegalStateException("task " + i + " has neither a result nor a computation");
            }
            out.add(r);
        }
        return out;
    }

    /**
     * Runs the tasks without a record in {@code store} (all of them when {@code store} is {@code null}), storing
     * each result as it finishes, and returns every result in task order.
     *
     * @param tasks the number of tasks
     * @param threads the number of workers, in [1, {@value Workers#MAX_THREADS}]
     * @param task computes task i's result
     * @param store the run directory whose records are reused and extended, or {@code null}
     * @param codec how results are stored
     * @param progress receives 1 per newly computed task
     * @param <T> the result type
     * @return the results of tasks 0..{@code tasks}−1
     * @throws InterruptedException when interrupted; finished records are kept for {@code --resume}
     * @throws RunDirectoryException when a stored record does not belong to this run
     */
    public static <T> List<T> run(int tasks, int threads, IntFunction<T> task, @Nullable RunDirectory store,
                                  Codec<T> codec, LongConsumer progress) throws InterruptedException {
        Map<Integer, T> done = store == null ? new HashMap<>() : store.records(tasks, codec::decode);
        return run(tasks, threads, i -> new Indexed<>(i, task.apply(i)), wrap(done), r -> {
            if (store != null) {
                store.store(r.index(), codec.encode(r.value()));
            }
        }, progress).stream().map(Indexed::value).collect(java.util.stream.Collectors.toList());
    }

    /** A result with its task index, so that the store knows which record to write. */
    private record Indexed<T>(int index, T value) {
    }

    private static <T> Map<Integer, Indexed<T>> wrap(Map<Integer, T> done) {
        Map<Integer, Indexed<T>> m = new HashMap<>();
        for (Map.Entry<Integer, T> e : done.entrySet()) {
            m.put(e.getKey(), new Indexed<>(e.getKey(), e.getValue()));
        }
        return m;
    }
}
