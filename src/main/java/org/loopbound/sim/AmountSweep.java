package org.loopbound.sim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.bound.Schedule;
import org.loopbound.param.ParameterException;

/**
 * The design of claim C3's sweeps, shared by every learner's: expanding-synthetic schedules with r real samples per
 * generation and the synthetic amount s taken from a list, R replicates per amount. Task k runs amount k / R with
 * replicate k mod R, so the tasks of one amount are consecutive and {@link #byAmount} regroups results in order.
 */
public final class AmountSweep {

    private final List<BigInteger> synthetic;
    private final List<Schedule> schedules;
    private final int replicates;

    private AmountSweep(List<BigInteger> synthetic, List<Schedule> schedules, int replicates) {
        this.synthetic = synthetic;
        this.schedules = schedules;
        this.replicates = replicates;
    }

    /**
     * The sweep over {@code synthetic} with {@code real} real samples, generations 0..{@code generations}.
     *
     * @param real r ≥ 1, the real samples per generation
     * @param synthetic the amounts s ≥ 0, in order, at least one
     * @param generations the last generation i ≥ 1
     * @param replicates R ≥ 2 replicates per amount
     * @return the sweep
     * @throws ParameterException naming R when R &lt; 2, or r, s or i when outside the scenario's domain
     * @throws IllegalArgumentException when {@code synthetic} is empty
     */
    public static AmountSweep of(BigInteger real, List<BigInteger> synthetic, int generations, int replicates) {
        if (replicates < 2) {
            throw ParameterException.outside("R", "≥ 2", replicates);
        }
        if (synthetic.isEmpty()) {
            throw new IllegalArgumentException("a phase sweep needs at least one synthetic amount");
        }
        List<Schedule> schedules = new ArrayList<>();
        for (BigInteger s : synthetic) {
            schedules.add(Scenario.EXPANDING_SYNTHETIC.schedule(ScenarioArguments.of(generations)
                    .with(ScenarioParameter.REAL, real).with(ScenarioParameter.SYNTHETIC, s)));
        }
        return new AmountSweep(List.copyOf(synthetic), List.copyOf(schedules), replicates);
    }

    /** @return the number of tasks, amounts × R */
    public int tasks() {
        return synthetic.size() * replicates;
    }

    /**
     * @param task a task index in [0, {@link #tasks()})
     * @return the schedule of the task's amount
     * @throws IndexOutOfBoundsException when {@code task} is outside [0, tasks())
     */
    public Schedule schedule(int task) {
        return schedules.get(checked(task) / replicates);
    }

    /**
     * @param task a task index in [0, {@link #tasks()})
     * @return the task's replicate, in [0, R)
     * @throws IndexOutOfBoundsException when {@code task} is outside [0, tasks())
     */
    public int replicate(int task) {
        return checked(task) % replicates;
    }

    /**
     * Every task's result grouped by amount.
     *
     * @param results one result per task, in task order
     * @param <T> the result type
     * @return results[a][r]: amount a, replicate r
     * @throws IllegalArgumentException when there are not exactly {@link #tasks()} results
     */
    public <T> List<List<T>> byAmount(List<T> results) {
        if (results.size() != tasks()) {
            throw new IllegalArgumentException("expected " + tasks() + " results, got " + results.size());
        }
        List<List<T>> out = new ArrayList<>();
        for (int a = 0; a < synthetic.size(); a++) {
            out.add(List.copyOf(results.subList(a * replicates, (a + 1) * replicates)));
        }
        return out;
    }

    private int checked(int task) {
        if (task < 0 || task >= tasks()) {
            throw new IndexOutOfBoundsException("task " + task + " of " + tasks());
        }
        return task;
    }
}
