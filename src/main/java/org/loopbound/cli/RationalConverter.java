package org.loopbound.cli;

import org.loopbound.arith.Rational;
import picocli.CommandLine;

/** Parses option values exactly ({@code 1/3}, {@code 0.1}, {@code 1e-3}) into {@link Rational}. */
public final class RationalConverter implements CommandLine.ITypeConverter<Rational> {

    @Override
    public Rational convert(String value) {
        try {
            return Rational.parse(value);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(String.valueOf(e.getMessage()));
        }
    }

    /**
     * Parses an option's value exactly.
     *
     * @param option the option, for the message
     * @param value the text
     * @return the rational
     * @throws UsageError naming the option when the text is not an exact number
     */
    static Rational parse(String option, String value) {
        try {
            return Rational.parse(value);
        } catch (NumberFormatException e) {
            throw new UsageError(option + " must be an exact number (like 3, 1/3, 0.1 or 1e-3), got '"
                    + org.loopbound.param.ParameterException.cut(value) + "'");
        }
    }
}
