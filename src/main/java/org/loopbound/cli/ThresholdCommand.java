package org.loopbound.cli;

import java.util.function.Function;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Precision;
import org.loopbound.arith.Rational;
import org.loopbound.bound.P2UnrolledPhaseTransition;
import org.loopbound.spec.ResultIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loopbound threshold}: the phase-transition threshold s* of claim C3 ({@code p1} one step, {@code p2} over i
 * generations), optimal early stopping of diffusion models ({@code d2}) and their error propagation ({@code d1}).
 * One subcommand per mode, so each has exactly its own options.
 */
@Command(name = "threshold", sortOptions = false,
        description = {
            "Phase transition in the synthetic amount s (claim C3): the threshold s* where the bound stops rising,",
            "for one step (p1: P1 [derived]) or unrolled over i generations (p2: P2 [derived]); the optimal early",
            "stopping time of a diffusion model (d2: D2 [derived]); the propagated diffusion bound (d1: D1 [derived],",
            "up to the hidden constant C of D0). Values are exact rationals when rational, certified enclosures",
            "[lo, hi] otherwise."},
        subcommands = {
            ThresholdP1Command.class,
            ThresholdP2Command.class,
            ThresholdD2Command.class,
            ThresholdD1Command.class})
public final class ThresholdCommand implements Runnable {

    /** The largest working precision the width refinement may reach. */
    private static final int MAX_REFINE_BITS = P2UnrolledPhaseTransition.MAX_WORKING_BITS;
    /** The most digits printed for an enclosure (enough for any width the precision cap can reach). */
    private static final int MAX_DIGITS = 10_000;

    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: p1, p2, d2 or d1");
    }

    /** The target width of the enclosures of s* (P1, P2) or of the D2 values. */
    static final class WidthOption {
        @Option(names = "--width", defaultValue = "1e-20", paramLabel = "w",
                description = "Target width w of the enclosures (default: ${DEFAULT-VALUE}).")
        @Domains.In("(0, ∞)")
        Rational width = Rational.ONE;

        Rational width() {
            return width;
        }
    }

    /** The learning error ε(N) = b N^(−α) and the real amount r of P1 and P2. */
    static final class PhaseOptions {
        @Option(names = "--alpha", required = true, paramLabel = "α",
                description = "Exponent alpha of the learning error eps(N) = b N^(-alpha).")
        @Domains.In("(0, 1)")
        Rational alpha = Rational.ONE;

        @Option(names = "--b", required = true, paramLabel = "b", description = "Constant b of eps(N) = b N^(-alpha).")
        @Domains.In("(0, ∞)")
        Rational b = Rational.ONE;

        @Option(names = "--real", required = true, paramLabel = "r", description = "Real amount r.")
        @Domains.In("(0, ∞)")
        Rational real = Rational.ONE;

        Rational alpha() {
            return alpha;
        }

        Rational b() {
            return b;
        }

        Rational real() {
            return real;
        }
    }

    /**
     * The precision, from {@code start} doubling up to {@link #MAX_REFINE_BITS}, at which {@code value} is exact or
     * enclosed with width at most {@code width}.
     */
    static Precision refine(Rational width, Precision start, Function<Precision, Certified> value) {
        for (int bits = start.bits(); ; bits = Math.min(MAX_REFINE_BITS, bits * 2)) {
            Precision q = Precision.bits(bits);
            Certified v = value.apply(q);
            if (v.isExact() || v.enclosure().width().toRational().compareTo(width) <= 0) {
                return q;
            }
            if (bits >= MAX_REFINE_BITS) {
                throw new ArithmeticException("no enclosure as narrow as --width within " + MAX_REFINE_BITS
                        + " bits");
            }
        }
    }

    /**
     * Significant digits that print an enclosure of width about w without widening it much: the digits of
     * max(|lo|, |hi|)/w plus two, at least the JSON default, at most {@link #MAX_DIGITS}.
     */
    static int digitsFor(Certified v, Rational w, CommonOptions common) {
        if (v.isExact()) {
            return common.digits();
        }
        Interval x = v.enclosure();
        long magnitude = Math.max(x.lo().magnitude(), x.hi().magnitude()) + 1;
        long widthBits = (long) w.numerator().bitLength() - w.denominator().bitLength() - 1;
        long digits = (magnitude - widthBits) * 30103L / 100000L + 3;
        return (int) Math.max(common.digits(), Math.min(MAX_DIGITS, digits));
    }

    /** "up to the hidden constant C of D0 [imported]", with D0's label read from the result index. */
    static String hiddenConstant() {
        return "up to the hidden constant C of D0 " + ResultIndex.bundled().get("D0").label().tag();
    }

    static String claimTag(String claim) {
        return claim + " " + ResultIndex.Label.CLAIM.tag();
    }

    static void emit(CommandLine.Model.CommandSpec spec, String text) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
    }
}
