package org.loopbound.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Rational;
import org.loopbound.bound.Scenario;
import org.loopbound.bound.ScenarioArguments;
import org.loopbound.bound.ScenarioParameter;
import org.loopbound.bound.Schedule;
import org.loopbound.sim.AtomDistribution;
import org.loopbound.sim.Learner;
import org.loopbound.sim.Mixing;

/** The exact chain: exact identities, certified enclosures of exact values, and refusals. */
class ExactLoopTest {

    static Schedule schedule(Scenario sc, long n, String lambda, int g) {
        return sc.schedule(ScenarioArguments.of(g).with(ScenarioParameter.N, BigInteger.valueOf(n))
                .withIfPresent(ScenarioParameter.LAMBDA, lambda == null ? null : Rational.parse(lambda))
                .with(ScenarioParameter.GROWTH_EXPONENT, 4));
    }

    static ExactLoop loop(Scenario sc, String p0, long n, String lambda, int g, Learner learner, Mixing mixing) {
        return ExactLoop.of(sc, schedule(sc, n, lambda, g), AtomDistribution.parse(p0), learner, mixing);
    }

    @Test
    void compositionsAreRankedInTheirOwnOrder() {
        for (int k = 1; k <= 4; k++) {
            for (int n = 0; n <= 7; n++) {
                Compositions c = new Compositions(n, k);
                int[][] all = c.all();
                assertEquals(Compositions.count(n, k), all.length);
                for (int r = 0; r < all.length; r++) {
                    assertEquals(r, c.rank(all[r]));
                    assertEquals(n, java.util.Arrays.stream(all[r]).sum());
                }
            }
        }
    }

    /** E[1 − Σ p̂_i²] = (1 − 1/N)^{i+1}(1 − Σ p₀²) in the fully-synthetic loop, exactly (theory.md §7). */
    @ParameterizedTest(name = "p0={0}, N={1}, mixing={2}")
    @CsvSource({"'1/2,1/4,1/4', 5, stratified", "'1/3,2/3', 12, stratified", "'1/3,2/3', 12, iid",
        "'1/10,2/10,3/10,4/10', 4, iid"})
    void wrightFisherIdentityHoldsExactly(String p0, int n, String mixing) {
        int g = 8;
        AtomDistribution p = AtomDistribution.parse(p0);
        List<GenerationLaw> laws = loop(Scenario.FULLY_SYNTHETIC, p0, n, null, g, Learner.empirical(),
                Mixing.byName(mixing)).run(Arithmetic.EXACT, null);
        Rational squares = Rational.ZERO;
        for (int j = 0; j < p.atoms(); j++) {
            squares = squares.add(p.weight(j).multiply(p.weight(j)));
        }
        Rational gs0 = Rational.ONE.subtract(squares);
        for (GenerationLaw law : laws) {
            int i = law.generation();
            Rational expected = Rational.ONE.subtract(Rational.of(1, n)).pow(i + 1).multiply(gs0);
            assertEquals(Certified.exact(expected), law.expectedGiniSimpson(), "generation " + i);
        }
    }

    /** At sizes beyond exact arithmetic the certified E[1 − Σ p̂²] encloses the Wright–Fisher value, 1e-12 wide. */
    @ParameterizedTest(name = "p0={0}, N={1}, g={2}")
    @CsvSource({"'1/3,2/3', 2000, 30", "'1/2,1/4,1/4', 100, 20"})
    void wrightFisherIdentityIsEnclosedAtScale(String p0, int n, int g) {
        AtomDistribution p = AtomDistribution.parse(p0);
        ExactLoop l = loop(Scenario.FULLY_SYNTHETIC, p0, n, null, g, Learner.empirical(), Mixing.IID);
        assertEquals(Arithmetic.CERTIFIED, l.automaticArithmetic());
        Rational squares = Rational.ZERO;
        for (int j = 0; j < p.atoms(); j++) {
            squares = squares.add(p.weight(j).multiply(p.weight(j)));
        }
        for (GenerationLaw law : l.run(Arithmetic.CERTIFIED, null)) {
            Rational expected = Rational.ONE.subtract(Rational.of(1, n)).pow(law.generation() + 1)
                    .multiply(Rational.ONE.subtract(squares));
            enclosed(Certified.exact(expected), law.expectedGiniSimpson(), "generation " + law.generation());
        }
    }

    /** Certified enclosures contain the exact values and are at most 1e-12 wide. */
    @ParameterizedTest(name = "{0} p0={1} N={2} lambda={3} {4} beta={5}")
    @CsvSource({
        "fully-synthetic, '1/2,1/4,1/4', 6, , stratified, ",
        "fixed-proportion, '1/3,2/3', 20, 1/4, stratified, ",
        "fixed-proportion, '1/3,2/3', 20, 1/3, iid, ",
        "fixed-proportion, '1/5,3/10,1/2', 6, 1/2, iid, 1/2",
        "last-injection, '1/2,1/2', 10, 1/5, stratified, 1",
        "fixed-proportion, '1/7,6/7', 30, 1/2, stratified, ",
    })
    void certifiedEnclosesExact(String scenario, String p0, int n, String lambda, String mixing, String beta) {
        Learner learner = beta == null ? Learner.empirical() : Learner.addBeta(Rational.parse(beta));
        ExactLoop l = loop(Scenario.byName(scenario), p0, n, lambda, 6, learner, Mixing.byName(mixing));
        List<Certified> bounds = new java.util.ArrayList<>();
        for (int i = 0; i <= 6; i++) {
            bounds.add(Certified.exact(Rational.of(i + 1, 20)));
        }
        List<GenerationLaw> exact = l.run(Arithmetic.EXACT, bounds);
        List<GenerationLaw> cert = l.run(Arithmetic.CERTIFIED, bounds);
        for (int i = 0; i <= 6; i++) {
            GenerationLaw e = exact.get(i);
            GenerationLaw c = cert.get(i);
            enclosed(e.expectedTv(), c.expectedTv(), "E TV " + i);
            enclosed(e.expectedGiniSimpson(), c.expectedGiniSimpson(), "E GS " + i);
            enclosed(e.violationProbability(), c.violationProbability(), "violation " + i);
            assertEquals(e.tvDistribution().size(), c.tvDistribution().size());
            Rational total = Rational.ZERO;
            for (int a = 0; a < e.tvDistribution().size(); a++) {
                assertEquals(e.tvDistribution().get(a).tv(), c.tvDistribution().get(a).tv());
                enclosed(e.tvDistribution().get(a).probability(), c.tvDistribution().get(a).probability(), "atom");
                total = total.add(e.tvDistribution().get(a).probability().exact());
            }
            assertEquals(Rational.ONE, total);
            assertTrue(c.unresolvedMass().compareTo(Rational.of(1, 1_000_000_000_000L)) <= 0,
                    "deficit " + c.unresolvedMass().doubleValue());
        }
    }

    private static void enclosed(Certified exact, Certified enclosure, String what) {
        Interval in = enclosure.enclosure();
        assertTrue(in.contains(exact.exact()), what + ": " + exact + " not in " + in);
        assertTrue(in.width().toRational().compareTo(Rational.of(1, 1_000_000_000_000L)) <= 0,
                what + " too wide: " + in);
    }

    @Test
    void refusesStateSpacesBeyondTheLimit() {
        StateSpaceTooLargeException e = assertThrows(StateSpaceTooLargeException.class,
                () -> loop(Scenario.FULLY_SYNTHETIC, "uniform:3", 200, null, 3, Learner.empirical(),
                        Mixing.STRATIFIED));
        assertEquals(20301, e.size());
        assertEquals(ExactLoop.MAX_STATES, e.limit());
        assertTrue(e.getMessage().contains("20301 states") && e.getMessage().contains("10000"), e.getMessage());
        StateSpaceTooLargeException single = assertThrows(StateSpaceTooLargeException.class,
                () -> loop(Scenario.FULLY_SYNTHETIC, "1", 1_000_000, null, 1, Learner.empirical(), Mixing.IID));
        assertTrue(single.getMessage().contains("N_0 = 1000000"), single.getMessage());
        ExactLoop long100 = loop(Scenario.FIXED_PROPORTION, "1/3,2/3", 50, "1/10", 100, Learner.empirical(),
                Mixing.IID);
        assertEquals(Arithmetic.CERTIFIED, long100.automaticArithmetic());
        StateSpaceTooLargeException bits = assertThrows(StateSpaceTooLargeException.class,
                () -> long100.run(Arithmetic.EXACT, null));
        assertTrue(bits.getMessage().contains("bits") && bits.size() > ExactLoop.MAX_EXACT_BITS, bits.getMessage());
        assertEquals(Arithmetic.EXACT, loop(Scenario.FIXED_PROPORTION, "1/3,2/3", 50, "1/10", 10,
                Learner.empirical(), Mixing.IID).automaticArithmetic());
        ExactLoop medium = loop(Scenario.FULLY_SYNTHETIC, "uniform:3", 40, null, 2, Learner.empirical(),
                Mixing.STRATIFIED);
        assertThrows(StateSpaceTooLargeException.class, () -> medium.run(Arithmetic.EXACT, null));
        IllegalArgumentException acc = assertThrows(IllegalArgumentException.class,
                () -> ExactLoop.of(Scenario.ACCUMULATE, Scenario.ACCUMULATE.schedule(ScenarioArguments.of(3)
                        .with(ScenarioParameter.REAL, BigInteger.TWO)
                        .with(ScenarioParameter.SYNTHETIC, BigInteger.ONE)), AtomDistribution.parse("1/2,1/2"),
                        Learner.empirical(), Mixing.STRATIFIED));
        assertTrue(acc.getMessage().contains("accumulate"), acc.getMessage());
    }
}
