package org.loopbound.audit;

import org.loopbound.stats.Experiment;

/**
 * How the audit runs the tasks of a replicated experiment (threads, progress): supplied by the caller, so the audit
 * holds no thread pool of its own. Every implementation must return what {@link Experiment#runSequentially()}
 * returns.
 */
public interface TaskRunner {

    /**
     * Runs every task of an experiment and analyses the results in task order.
     *
     * @param experiment the experiment
     * @param label a short name for progress displays
     * @param <T> the result of one task
     * @param <R> the experiment's result
     * @return the experiment's analysis
     */
    <T, R> R run(Experiment<T, R> experiment, String label);

    /**
     * The runner that runs the tasks one after the other in the calling thread.
     *
     * @return a sequential runner
     */
    static TaskRunner sequential() {
        return new TaskRunner() {
            @Override
            public <T, R> R run(Experiment<T, R> experiment, String label) {
                return experiment.runSequentially();
            }
        };
    }
}
