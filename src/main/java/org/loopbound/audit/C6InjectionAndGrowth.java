package org.loopbound.audit;

import java.math.BigInteger;
import org.loopbound.plot.Chart;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.R4Corollaries;
import org.loopbound.bound.Scenario;

/**
 * C6: injecting real data in the last generation, and growing the sample size, keep the error small — the R3 bound
 * against simulation for last-injection and growing-size, the last-injection threshold (i−1)/i and the growing-size
 * limit of R4.
 */
final class C6InjectionAndGrowth implements ClaimCheck {

    private static final int DIGITS = 12;

    @Override
    public int steps() {
        return 3;
    }

    @Override
    public void audit(Context context, ClaimSection c6) {
        ScenarioSimulation.check(context, c6, ScenarioSimulation.Run.sized(Scenario.LAST_INJECTION, 3, 1000,
                Rational.of(9, 10)));
        ScenarioSimulation.check(context, c6, ScenarioSimulation.Run.growing(4, 100, 2));
        Precision p = context.config().precision();
        context.progress().accept("R4 corollaries");
        for (int i : new int[] {2, 5, 10, 100}) {
            c6.number("last-injection threshold (i−1)/i on λ_i for B_i ≤ 2ε, i = " + i,
                    R4Corollaries.lastInjectionThreshold(i).toString(), "[derived]");
        }
        int n = 30;
        double[] x = new double[n + 1];
        double[] linear = new double[n + 1];
        double[] growing = new double[n + 1];
        Rational c = Rational.ONE;
        BigInteger n0 = BigInteger.valueOf(100);
        for (int i = 0; i <= n; i++) {
            x[i] = i;
            linear[i] = R4Corollaries.fullySynthetic(Rational.of(1, 10), i).doubleValue();
            growing[i] = R4Corollaries.growingSize(c, n0, i, p).enclosure().hi().doubleValue();
        }
        Certified limit = R4Corollaries.growingSizeLimit(c, n0, p);
        c6.number("growing-size limit (π²/6)·c·N₀^(−1/2), c = 1, N₀ = 100", limit.format(DIGITS), "[derived]");
        c6.figure("growth.svg", "R4 [derived]: with constant sample size the fully synthetic bound grows linearly "
                        + "((i+1)ε, ε = c·N^(−1/2) = 1/10); with quartic growth N_j = N₀(j+1)^4 it stays below "
                        + "(π²/6)·c·N₀^(−1/2).",
                new Chart("Fully synthetic: constant vs quartic sample size", "generation i", "bound B_i")
                        .line("N constant (= N₀)", x, linear).line("N_j = N₀ (j+1)^4", x, growing)
                        .dashed("limit (π²/6) c N₀^-1/2", new double[] {0, n},
                                new double[] {limit.approx(), limit.approx()}));
    }
}
