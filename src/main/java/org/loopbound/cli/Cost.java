package org.loopbound.cli;

import java.math.BigInteger;
import java.util.Locale;
import org.loopbound.arith.Rational;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * Cost limits, decided before any work: the size of every exact input ({@code --max-digits}) and the estimated work
 * of a request ({@code --max-cost}). Options of {@code loopbound} itself, given before the command
 * ({@code loopbound --max-cost 1e12 simulate …}); a request beyond a limit is one line with the estimate and the
 * option that raises the limit, exit 2.
 */
public final class Cost {

    /**
     * Default of {@code --max-digits}: inputs of a hundred digits answer in seconds; a thousand-digit bandwidth or
     * exponent already takes minutes in some commands (kde-bias, threshold p2).
     */
    static final int DEFAULT_MAX_DIGITS = 100;
    /** Default of {@code --max-cost}, in elementary operations: about a minute on one core. */
    static final long DEFAULT_MAX_COST = 10_000_000_000L;

    @Option(names = "--max-digits", paramLabel = "D", defaultValue = "" + DEFAULT_MAX_DIGITS,
            description = "Refuse exact inputs whose numerator or denominator has more than D digits (1e-99999 has"
                    + " 100000): exact arithmetic on them can run for hours (default: ${DEFAULT-VALUE}).")
    @Domains.In("[1, 10^6]")
    int maxDigits = DEFAULT_MAX_DIGITS;

    @Option(names = "--max-cost", paramLabel = "C", defaultValue = "1e10",
            description = "Refuse requests whose estimated work (generations x replicates x atoms for simulate, bits"
                    + " of the exact values for bound) exceeds C elementary operations (default: ${DEFAULT-VALUE}).")
    @Domains.In("[1, 10^18]")
    long maxCost = DEFAULT_MAX_COST;

    /** The limits of the command line {@code spec} belongs to. */
    static Cost of(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof Main m ? m.cost : new Cost();
    }

    /**
     * Refuses an exact input longer than {@code --max-digits}: every option with a declared domain that was given on
     * the command line of {@code parsed} (the innermost subcommand's).
     *
     * @param parsed the parse result
     * @throws CommandLine.ParameterException naming the option, its size and the limit
     */
    static void checkInputs(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last.subcommand() != null) {
            last = last.subcommand();
        }
        Cost cost = of(last.commandSpec());
        for (OptionSpec o : last.matchedOptions()) {
            if (Domains.of(o) == null) {
                continue;
            }
            Object v = o.getValue();
            long digits = v instanceof Rational r ? digits(r)
                    : v instanceof BigInteger b ? digits(Rational.of(b, BigInteger.ONE))
                    : v instanceof String s ? longest(s) : 0;
            if (digits > cost.maxDigits) {
                String symbol = Domains.symbol(o);
                String m = o.longestName() + (symbol == null ? "" : " (" + symbol + ")") + " has an exact value of"
                        + " about " + digits + " digits, more than --max-digits "
                        + cost.maxDigits + " (exact arithmetic on it may take hours; to compute with it anyway, raise the"
                        + " limit: loopbound --max-digits D " + last.commandSpec().qualifiedName(" ")
                        .replaceFirst("^loopbound ", "") + " …)";
                throw new CommandLine.ParameterException(last.commandSpec().commandLine(), m, new Domains.Outside(m));
            }
        }
    }

    private static long longest(String list) {
        long most = 0;
        for (Rational r : ListOptions.values(list)) {
            most = Math.max(most, digits(r));
        }
        return most;
    }

    /** The decimal digits of the longer of numerator and denominator (from their bit lengths, within one). */
    static long digits(Rational r) {
        long bits = Math.max(r.numerator().bitLength(), r.denominator().bitLength());
        return bits * 30103L / 100000L + 1;
    }

    /**
     * Refuses a request whose estimated work exceeds {@code --max-cost}.
     *
     * @param spec the command
     * @param estimate the estimated work, in elementary operations
     * @param what what is estimated, e.g. "the exact values of generations 0..1000000"
     * @param instead what else the user can change, e.g. "fewer --generations"
     * @throws UsageError with the estimate, the limit and the options to change
     */
    static void check(CommandSpec spec, double estimate, String what, String instead) {
        long limit = of(spec).maxCost;
        if (estimate > limit) {
            throw new UsageError(what + " would cost about " + String.format(Locale.ROOT, "%.1e", estimate)
                    + " operations, more than --max-cost " + String.format(Locale.ROOT, "%.0e", (double) limit)
                    + " (give " + instead + ", or raise the limit: loopbound --max-cost C "
                    + spec.qualifiedName(" ").replaceFirst("^loopbound ", "") + " …)");
        }
    }
}
