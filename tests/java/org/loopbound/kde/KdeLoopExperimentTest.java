package org.loopbound.kde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.bound.Schedule;
import org.loopbound.diffusion.GaussianMixture;
import org.loopbound.stats.MeanInterval;

/** The KDE loop experiment: replicate means per generation, and the K2 checks only where K2 applies. */
class KdeLoopExperimentTest {

    private static final GaussianMixture N01 = GaussianMixture.parse("1:0:1");
    private static final Precision P = Precision.bits(128);

    private static Schedule fullySynthetic(int generations) {
        return Scenario.FULLY_SYNTHETIC.schedule(ScenarioArguments.of(generations)
                .with(ScenarioParameter.N, BigInteger.valueOf(50)));
    }

    @Test
    void fixedBandwidthOnAGaussianRunsTheK2ChecksAndTheyPass() {
        KdeLoopExperiment e = KdeLoopExperiment.of(new KdeLoopExperiment.Config(new KdeLoop.Settings(N01,
                Bandwidth.fixed(Rational.of(1, 5)), new double[] {0, 1}), fullySynthetic(2), 20, 5, P));
        KdeLoopExperiment.Result r = e.runSequentially();
        assertNull(r.k2NotApplicable());
        assertEquals(3, r.tv().size());
        assertEquals(3, r.tvChecks().size());
        assertEquals(3 * 2, r.densityChecks().size());
        assertTrue(r.k2AllChecksPass(), r.toString());
        double[] tv0 = r.runs().stream().mapToDouble(run -> run.get(0).tv()).toArray();
        assertEquals(MeanInterval.of(tv0, 0.95), r.tv().get(0));
    }

    @Test
    void silvermanBandwidthSaysWhyK2DoesNotApplyAndPassesNothing() {
        KdeLoopExperiment e = KdeLoopExperiment.of(new KdeLoopExperiment.Config(new KdeLoop.Settings(N01,
                Bandwidth.silverman(), new double[] {0}), fullySynthetic(1), 3, 5, P));
        KdeLoopExperiment.Result r = e.runSequentially();
        assertEquals("the bandwidth is not fixed", r.k2NotApplicable());
        assertTrue(r.densityChecks().isEmpty() && r.tvChecks().isEmpty());
        assertFalse(r.k2AllChecksPass());
    }
}
