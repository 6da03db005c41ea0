package org.loopbound.cli;

import org.loopbound.arith.Precision;
import picocli.CommandLine.Option;

/** Options every computing command shares: {@code --json} and {@code --precision}. */
public final class CommonOptions {

    @Option(names = "--json", description = "Print exactly one JSON object instead of a table.")
    boolean json;

    @Option(names = "--precision", paramLabel = "BITS", defaultValue = "128",
            description = "Working precision of enclosures, in bits (default: ${DEFAULT-VALUE}).")
    @Domains.In("[" + Precision.MIN_BITS + ", " + Precision.MAX_BITS + "]")
    int precisionBits;

    /** The precision as a value. */
    public Precision precision() {
        return Precision.bits(precisionBits);
    }

    /** Significant digits for enclosures in JSON: what the precision determines, at most 40. */
    public int digits() {
        return Math.min(40, precision().decimalDigits());
    }

    /** Significant digits for enclosures in human-readable tables (kept short; JSON has the full digits). */
    public int tableDigits() {
        return Math.min(12, digits());
    }

    /** Whether {@code --json} was given. */
    public boolean json() {
        return json;
    }
}
