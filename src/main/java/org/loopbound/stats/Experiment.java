package org.loopbound.stats;

import java.util.List;

/**
 * A replicated simulation experiment: {@link #tasks()} independent tasks (replicates, or replicates of the cells of a
 * grid), each a pure function of its index, and the statistics over their results. Keeping the two apart lets the
 * caller choose how the tasks run (threads, a resumable record store) without changing a single output byte: the
 * results go to {@link #analyse} in task order.
 *
 * @param <T> the result of one task
 * @param <R> the experiment's typed result
 */
public interface Experiment<T, R> {

    /**
     * The number of tasks.
     *
     * @return the task count, at least 1
     */
    int tasks();

    /**
     * Runs one task; equal indices give equal results on any thread.
     *
     * @param index the task index, in [0, {@link #tasks()})
     * @return the task's result
     */
    T task(int index);

    /**
     * The statistics of the experiment.
     *
     * @param results the result of every task, in task order
     * @return the experiment's result
     * @throws IllegalArgumentException if there are not exactly {@link #tasks()} results
     */
    R analyse(List<T> results);

    /**
     * Runs every task in this thread, in order, and analyses the results: the reference the parallel runners of
     * the command line must reproduce byte for byte.
     *
     * @return {@code analyse} of every task's result
     */
    default R runSequentially() {
        List<T> out = new java.util.ArrayList<>();
        for (int k = 0; k < tasks(); k++) {
            out.add(task(k));
        }
        return analyse(out);
    }
}
