package org.loopbound.cli;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.loopbound.arith.Rational;

/** Comma-separated option values: exact positive numbers ({@code --taus}, {@code --bandwidth}) and sizes. */
final class ListOptions {

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

    static Rational positiveRational(String option, String text) {
        try {
            return Domains.positive(option, Rational.parse(text.trim()));
        } catch (NumberFormatException e) {
            throw new UsageError(option + " must be a list of exact numbers > 0, got '" + text.trim() + "'");
        }
    }

    static List<Rational> positiveList(String option, String text) {
        List<Rational> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            out.add(positiveRational(option, part));
        }
        if (out.isEmpty() || out.size() > 1000) {
            throw new UsageError(option + " must list 1 to 1000 values, got " + out.size());
        }
        return out;
    }

    static List<BigInteger> sizeList(String option, String text, long min) {
        List<BigInteger> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Rational v;
            try {
                v = Rational.parse(part.trim());
            } catch (NumberFormatException e) {
                throw new UsageError(option + " must be a list of whole numbers, got '" + part.trim() + "'");
            }
            out.add(Domains.size(option, v, min));
        }
        if (out.size() > 1000) {
            throw new UsageError(option + " must list at most 1000 values, got " + out.size());
        }
        return out;
    }
}
