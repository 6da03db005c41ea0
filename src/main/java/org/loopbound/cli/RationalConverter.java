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
}
