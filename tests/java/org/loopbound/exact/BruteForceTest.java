package org.loopbound.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.TotalVariation;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.Learner;
import org.loopbound.sim.Mixing;

/**
 * The exact chain against brute force: every sequence of individual draws of every generation is enumerated with
 * its probability (k^(N·(g+1)) paths), each generation's model is formed from the counts by the learner's formula
 * (c_j + β)/(N + kβ), and its TV to p₀ by {@link TotalVariation} — no multinomial coefficient, count-vector state or
 * code of the evaluator is shared.
 */
class BruteForceTest {

    private static final Rational BOUND = Rational.of(1, 4);

    @ParameterizedTest(name = "{0} p0={1} N={2} lambda={3} g={4} {5} beta={6}")
    @CsvSource({
        "fixed-proportion, '1/3,2/3', 3, 1/3, 2, stratified, 0",
        "fixed-proportion, '1/3,2/3', 3, 1/2, 2, iid, 0",
        "fully-synthetic, '1/2,1/4,1/4', 2, , 3, stratified, 0",
        "fixed-proportion, '1/5,3/10,1/2', 2, 1/2, 2, iid, 1/2",
        "last-injection, '1/4,3/4', 4, 1/2, 2, stratified, 1",
    })
    void exactChainMatchesEnumerationOfAllDraws(String scenario, String p0s, int n, String lambda, int g,
                                                String mixing, String beta) {
        AtomDistribution p0 = AtomDistribution.parse(p0s);
        Rational b = Rational.parse(beta);
        Learner learner = b.signum() == 0 ? Learner.empirical() : Learner.addBeta(b);
        Scenario sc = Scenario.byName(scenario);
        ExactLoop loop = ExactLoopTest.loop(sc, p0s, n, lambda, g, learner, Mixing.byName(mixing));
        List<Certified> bounds = new ArrayList<>();
        for (int i = 0; i <= g; i++) {
            bounds.add(Certified.exact(BOUND));
        }
        List<GenerationLaw> laws = loop.run(Arithmetic.EXACT, bounds);

        List<Rational> p = new ArrayList<>();
        for (int j = 0; j < p0.atoms(); j++) {
            p.add(p0.weight(j));
        }
        List<Map<Rational, Rational>> tvLaw = new ArrayList<>();
        Rational[] gini = new Rational[g + 1];
        for (int i = 0; i <= g; i++) {
            tvLaw.add(new TreeMap<>());
            gini[i] = Rational.ZERO;
        }
        Enumeration e = new Enumeration(ExactLoopTest.schedule(sc, n, lambda, g), p, b,
                Mixing.byName(mixing) == Mixing.IID, tvLaw, gini);
        e.generation(0, null, Rational.ONE);

        for (int i = 0; i <= g; i++) {
            GenerationLaw law = laws.get(i);
            Rational mean = Rational.ZERO;
            Rational above = Rational.ZERO;
            Map<Rational, Rational> expected = tvLaw.get(i);
            for (Map.Entry<Rational, Rational> x : expected.entrySet()) {
                mean = mean.add(x.getKey().multiply(x.getValue()));
                if (x.getKey().compareTo(BOUND) > 0) {
                    above = above.add(x.getValue());
                }
            }
            Map<Rational, Rational> got = new TreeMap<>();
            for (TvAtom a : law.tvDistribution()) {
                if (a.probability().exact().signum() > 0) {
                    got.put(a.tv(), a.probability().exact());
                }
            }
            assertEquals(expected, got, "TV law of generation " + i);
            assertEquals(Certified.exact(mean), law.expectedTv(), "E TV of generation " + i);
            assertEquals(Certified.exact(gini[i]), law.expectedGiniSimpson(), "E GS of generation " + i);
            assertEquals(Certified.exact(above), law.violationProbability(), "P(TV > 1/4) of generation " + i);
        }
    }

    /** Depth-first over generations; within a generation over every sequence of N draws. */
    private static final class Enumeration {
        private final org.loopbound.bound.Schedule schedule;
        private final List<Rational> p0;
        private final Rational beta;
        private final boolean iid;
        private final List<Map<Rational, Rational>> tvLaw;
        private final Rational[] gini;

        Enumeration(org.loopbound.bound.Schedule schedule, List<Rational> p0, Rational beta, boolean iid,
                    List<Map<Rational, Rational>> tvLaw, Rational[] gini) {
            this.schedule = schedule;
            this.p0 = p0;
            this.beta = beta;
            this.iid = iid;
            this.tvLaw = tvLaw;
            this.gini = gini;
        }

        void generation(int i, List<Rational> model, Rational pathProbability) {
            if (i > schedule.generations()) {
                return;
            }
            int n = schedule.size(i).intValueExact();
            Rational lambda = schedule.lambda(i);
            int real = iid ? 0 : lambda.multiply(Rational.of(n)).numerator().intValueExact();
            draws(i, model, n, real, lambda, 0, new int[p0.size()], pathProbability);
        }

        private void draws(int i, List<Rational> model, int n, int real, Rational lambda, int d, int[] counts,
                           Rational probability) {
            if (probability.signum() == 0) {
                return;
            }
            if (d == n) {
                List<Rational> fit = new ArrayList<>();
                Rational total = Rational.of(n).add(beta.multiply(Rational.of(counts.length)));
                Rational squares = Rational.ZERO;
                for (int c : counts) {
                    Rational q = Rational.of(c).add(beta).divide(total);
                    fit.add(q);
                    squares = squares.add(q.multiply(q));
                }
                tvLaw.get(i).merge(TotalVariation.between(fit, p0), probability, Rational::add);
                gini[i] = gini[i].add(probability.multiply(Rational.ONE.subtract(squares)));
                generation(i + 1, fit, probability);
                return;
            }
            for (int j = 0; j < counts.length; j++) {
                Rational q;
                if (i == 0 || (!iid && d < real)) {
                    q = p0.get(j);
                } else if (iid) {
                    q = lambda.multiply(p0.get(j)).add(Rational.ONE.subtract(lambda).multiply(model.get(j)));
                } else {
                    q = model.get(j);
                }
                counts[j]++;
                draws(i, model, n, real, lambda, d + 1, counts, probability.multiply(q));
                counts[j]--;
            }
        }
    }
}
