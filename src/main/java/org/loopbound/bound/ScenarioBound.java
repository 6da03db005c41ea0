package org.loopbound.bound;

import java.util.ArrayList;
import java.util.List;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;

/**
 * The per-generation bound B_i of a scenario (R3, or R5 for schedules with synthetic data from several earlier
 * generations) for a learning-error model: ε_i, B_i by the recursion and, independently, by the closed form, checked
 * to agree at every generation, plus the R4 corollaries the scenario declares for a constant ε.
 */
public final class ScenarioBound {

    /**
     * One generation's values.
     *
     * @param generation i
     * @param lambda λ_i
     * @param epsilon ε_i
     * @param bound B_i by the recursion
     * @param closedForm B_i by the scenario's closed form, computed independently of the recursion
     */
    public record Generation(int generation, Rational lambda, java.math.BigInteger size, Certified epsilon,
                             Certified bound, Certified closedForm) {
    }

    private final Scenario scenario;
    private final List<Generation> generations;
    private final List<Scenario.Corollary> corollaries;

    private ScenarioBound(Scenario scenario, List<Generation> generations, List<Scenario.Corollary> corollaries) {
        this.scenario = scenario;
        this.generations = generations;
        this.corollaries = corollaries;
    }

    /**
     * Computes the bound of every generation of a schedule.
     *
     * @param scenario the scenario that built {@code schedule}
     * @param schedule the schedule
     * @param learner the learning-error model ε(N)
     * @param p the working precision of enclosures
     * @return the bound
     * @throws IllegalStateException when recursion and closed form do not overlap at some generation (a bug)
     */
    public static ScenarioBound of(Scenario scenario, Schedule schedule, LearningError learner, Precision p) {
        List<Certified> epsilons = learner.epsilons(schedule, p);
        List<Certified> bounds = R3UnrolledBound.recursion(schedule, epsilons, p);
        List<Certified> closed = scenario.closedForm(schedule, epsilons, p);
        List<Generation> out = new ArrayList<>(bounds.size());
        for (int i = 0; i < bounds.size() && i < closed.size() && i < epsilons.size(); i++) {
            Certified c = closed.get(i);
            Certified r = bounds.get(i);
            boolean disagree = c.isExact() && r.isExact() ? !c.equals(r)
                    : c.enclosure().lessThan(r.enclosure()).isTrue() || r.enclosure().lessThan(c.enclosure()).isTrue();
            if (disagree) {
                throw new IllegalStateException(scenario.resultId() + " recursion and closed form disagree at generation "
                        + i);
            }
            out.add(new Generation(i, schedule.lambda(i), schedule.size(i), epsilons.get(i), r, c));
        }
        Rational eps = learner.constant();
        List<Scenario.Corollary> cs = eps == null ? List.of() : scenario.corollaries(schedule, eps);
        return new ScenarioBound(scenario, List.copyOf(out), cs);
    }

    /** @return the scenario */
    public Scenario scenario() {
        return scenario;
    }

    /** @return the id of the result that gives B_i: the scenario's ({@code R3} or {@code R5}) */
    public String resultId() {
        return scenario.resultId();
    }

    /** @return the generations 0..i, in order */
    public List<Generation> generations() {
        return generations;
    }

    /** @return the R4 corollaries for a constant ε, or none for other learning-error models */
    public List<Scenario.Corollary> corollaries() {
        return corollaries;
    }
}
