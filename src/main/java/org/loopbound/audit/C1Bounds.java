package org.loopbound.audit;

import org.loopbound.bound.Scenario;

/**
 * C1: the TV between each generation and the real distribution is bounded under mixed training scenarios — the R3
 * bound (R5 for accumulate) with EPS-EMP's ε against simulation, for the fully synthetic, expanding-synthetic and
 * accumulating loops; and how tight that bound is in every scenario ({@link TightnessCheck}).
 */
final class C1Bounds implements ClaimCheck {

    @Override
    public int steps() {
        return 4;
    }

    @Override
    public void audit(Context context, ClaimSection section) {
        ScenarioSimulation.check(context, section, ScenarioSimulation.Run.sized(Scenario.FULLY_SYNTHETIC, 1, 1000,
                null));
        ScenarioSimulation.check(context, section, ScenarioSimulation.Run.mixed(Scenario.EXPANDING_SYNTHETIC, 5, 200,
                800));
        ScenarioSimulation.check(context, section, ScenarioSimulation.Run.mixed(Scenario.ACCUMULATE, 6, 200, 200));
        TightnessCheck.audit(context, section);
    }
}
