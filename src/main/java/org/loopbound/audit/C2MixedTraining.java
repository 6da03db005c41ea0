package org.loopbound.audit;

import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;

/** C2: with a fixed proportion of real data the error stays bounded — R3 with EPS-EMP's ε against simulation. */
final class C2MixedTraining implements ClaimCheck {

    @Override
    public int steps() {
        return 1;
    }

    @Override
    public void audit(Context context, ClaimSection section) {
        ScenarioSimulation.check(context, section, ScenarioSimulation.Run.sized(Scenario.FIXED_PROPORTION, 2, 1000,
                Rational.of(1, 2)));
    }
}
