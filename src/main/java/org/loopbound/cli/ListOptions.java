package org.loopbound.cli;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.loopbound.arith.Rational;
import org.loopbound.param.Domain;
import org.loopbound.param.ParameterException;

/**
 * Comma-separated option values ({@code --taus}, {@code --n}, {@code --synthetic}, {@code --points}): each element
 * parsed exactly and checked against the list's domain, 1 to {@value #MAX_VALUES} of them. The option's converter
 * checks them ({@link Domains}); its command reads the checked text with {@link #values(String)}.
 */
final class ListOptions {

    /** The most values a list may give. */
    static final int MAX_VALUES = 1000;

    private ListOptions() {
    }

    /**
     * The canonical text of parsed values, comma-separated, as a run's config.json stores a list: {@code --taus 1e5}
     * and {@code --taus 100000} store the same text, so that {@code --resume} compares values, not spellings.
     */
    static String canonical(List<?> values) {
        List<String> texts = new ArrayList<>();
        for (Object v : values) {
            texts.add(String.valueOf(v));
        }
        return String.join(",", texts);
    }

    /**
     * The values of a comma-separated list, each checked against the list's domain.
     *
     * @param symbol the symbol of the list's elements, e.g. {@code τ}
     * @param text the comma-separated values
     * @param domain the domain of each value
     * @return the values, in order
     * @throws ParameterException naming {@code symbol} when there are too many values or one lies outside the domain
     */
    static List<Rational> values(String symbol, String text, Domain domain) {
        String[] parts = text.split(",", -1);
        if (parts.length > MAX_VALUES) {
            throw ParameterException.violates(symbol, "must list 1 to " + MAX_VALUES + " values, got "
                    + parts.length);
        }
        List<Rational> out = new ArrayList<>();
        for (String part : parts) {
            out.add(domain.parse(symbol, part));
        }
        return out;
    }

    /**
     * The values of a list its option's converter has checked ({@link Domains.In} on a {@code String} option).
     *
     * @param text the comma-separated values
     * @return the values, in order
     * @throws NumberFormatException when an element is not an exact number (not after the converter's check)
     */
    static List<Rational> values(String text) {
        List<Rational> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            out.add(Rational.parse(part));
        }
        return out;
    }

    /** As {@link #values(String)} for a list of whole numbers. */
    static List<BigInteger> wholes(String text) {
        List<BigInteger> out = new ArrayList<>();
        for (Rational v : values(text)) {
            out.add(v.numerator());
        }
        return out;
    }
}
