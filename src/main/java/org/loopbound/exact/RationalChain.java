package org.loopbound.exact;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.Learner;

/**
 * The chain in exact integer arithmetic: the law of generation i is A_i(s)/Q_i with integer numerators A_i over one
 * common denominator. A multinomial law of n draws with integer weights e over E gives x the probability
 * n!/(Π x_j!)·Π e_j^{x_j} / E^n, so every step multiplies Q by E^n (and by D^R for the real draws of a stratified
 * step) and the numerators stay integers: no gcd is ever taken until a result is reported.
 */
// index: positions are composition ranks (Compositions.rank) and count vectors summing to N; their bounds follow
// from the hockey-stick count, which the Index Checker cannot follow (exhaustively tested instead).
@SuppressWarnings("index")
final class RationalChain {

    private final AtomDistribution p0;
    private final Learner learner;
    private final int k;

    RationalChain(AtomDistribution p0, Learner learner) {
        this.p0 = p0;
        this.learner = learner;
        this.k = p0.atoms();
    }

    /** The laws of generations 0..g, one per step. */
    List<GenerationLaw> run(List<Step> steps, @Nullable List<Certified> bounds) {
        List<GenerationLaw> out = new ArrayList<>();
        BigInteger[] mass = {BigInteger.ONE};
        BigInteger q = BigInteger.ONE;
        Compositions source = new Compositions(0, k);
        long[][] models = {new long[k]};
        long sourceTotal = 1;
        for (Step step : steps) {
            BigInteger[] next;
            Compositions target = new Compositions(step.size, k);
            if (step.synthetic > 0) {
                Compositions drawn = new Compositions(step.synthetic, k);
                BigInteger[] pushed = new BigInteger[drawn.size()];
                java.util.Arrays.fill(pushed, BigInteger.ZERO);
                int[][] sourceStates = source.all();
                for (int s = 0; s < sourceStates.length; s++) {
                    if (mass[s].signum() == 0) {
                        continue;
                    }
                    BigInteger[] row = multinomial(drawn, step.weights(models[s], sourceTotal, p0));
                    for (int x = 0; x < row.length; x++) {
                        pushed[x] = pushed[x].add(mass[s].multiply(row[x]));
                    }
                }
                // E is the same for every source state (T, or d·D·T for the mixture).
                q = q.multiply(step.weights(models[0], sourceTotal, p0)[k].pow(step.synthetic));
                next = pushed;
                source = drawn;
            } else {
                next = new BigInteger[] {mass.length == 1 ? mass[0] : sum(mass)};
                source = new Compositions(0, k);
            }
            if (step.real > 0) {
                BigInteger[] real = Step.realWeights(p0);
                BigInteger[] x = multinomial(new Compositions(step.real, k), real);
                int[][] xs = new Compositions(step.real, k).all();
                int[][] ys = source.all();
                BigInteger[] conv = new BigInteger[target.size()];
                java.util.Arrays.fill(conv, BigInteger.ZERO);
                int[] sum = new int[k];
                for (int y = 0; y < ys.length; y++) {
                    if (next[y].signum() == 0) {
                        continue;
                    }
                    for (int r = 0; r < xs.length; r++) {
                        for (int j = 0; j < k; j++) {
                            sum[j] = ys[y][j] + xs[r][j];
                        }
                        int t = target.rank(sum);
                        conv[t] = conv[t].add(next[y].multiply(x[r]));
                    }
                }
                q = q.multiply(real[k].pow(step.real));
                next = conv;
            }
            mass = next;
            source = target;
            int[][] states = target.all();
            models = Step.models(states, learner);
            sourceTotal = learner.total(step.size, k);
            Measures m = new Measures(step.generation, states, models, sourceTotal, p0);
            BigInteger[] groupMass = new BigInteger[m.groups()];
            java.util.Arrays.fill(groupMass, BigInteger.ZERO);
            BigInteger gini = BigInteger.ZERO;
            for (int s = 0; s < mass.length; s++) {
                groupMass[m.group(s)] = groupMass[m.group(s)].add(mass[s]);
                gini = gini.add(mass[s].multiply(m.gini(s)));
            }
            out.add(m.exact(groupMass, gini, q, bounds == null ? null : bounds.get(step.generation)));
        }
        return out;
    }

    private static BigInteger sum(BigInteger[] x) {
        BigInteger s = BigInteger.ZERO;
        for (BigInteger v : x) {
            s = s.add(v);
        }
        return s;
    }

    /** n!/(Π x_j!)·Π e_j^{x_j} for every vector x of the space (rank order): E^n times the multinomial pmf. */
    private BigInteger[] multinomial(Compositions space, BigInteger[] e) {
        int n = space.draws();
        BigInteger[][] pow = new BigInteger[k][n + 1];
        for (int j = 0; j < k; j++) {
            pow[j][0] = BigInteger.ONE;
            for (int t = 1; t <= n; t++) {
                pow[j][t] = pow[j][t - 1].multiply(e[j]);
            }
        }
        BigInteger[] factorial = new BigInteger[n + 1];
        factorial[0] = BigInteger.ONE;
        for (int t = 1; t <= n; t++) {
            factorial[t] = factorial[t - 1].multiply(BigInteger.valueOf(t));
        }
        int[][] all = space.all();
        BigInteger[] out = new BigInteger[all.length];
        for (int r = 0; r < all.length; r++) {
            BigInteger coef = factorial[n];
            BigInteger p = BigInteger.ONE;
            for (int j = 0; j < k; j++) {
                coef = coef.divide(factorial[all[r][j]]);
                p = p.multiply(pow[j][all[r][j]]);
            }
            out[r] = coef.multiply(p);
        }
        return out;
    }
}
