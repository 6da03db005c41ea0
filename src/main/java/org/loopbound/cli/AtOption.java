package org.loopbound.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.SortedSet;
import java.util.TreeSet;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import picocli.CommandLine.Option;

/**
 * {@code --at LIST} of {@code bound}, {@code simulate} and {@code exact}: the generations to print. Only the printing
 * is filtered: every generation is still computed (a generation depends on all before it), and files written under
 * {@code --out} keep every generation.
 */
final class AtOption {

    @Option(names = "--at", paramLabel = "LIST",
            description = "Print only these generations: a comma-separated list of whole numbers in [0, generations],"
                    + " e.g. 0,10,100,1000, printed in increasing order (default: every generation). The computation"
                    + " and any --out files are unchanged.")
    @Nullable String at;

    /** The selected generations, checked against the last generation {@code last}; every generation without --at. */
    Selection select(int last) {
        String text = at;
        if (text == null) {
            return Selection.every(last);
        }
        SortedSet<Integer> chosen = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            String item = part.trim();
            Rational v;
            try {
                v = Rational.parse(item);
            } catch (NumberFormatException e) {
                throw outside(last, item);
            }
            if (!v.isInteger() || v.signum() < 0 || v.compareTo(Rational.of(last)) > 0) {
                throw outside(last, item);
            }
            chosen.add(v.numerator().intValueExact());
        }
        return new Selection(chosen, last);
    }

    private static UsageError outside(int last, String item) {
        return new UsageError("--at must list whole generations in [0, " + last + "] separated by commas, got '"
                + item + "'");
    }

    /** Which generations to print. */
    static final class Selection {
        private final @Nullable SortedSet<Integer> chosen;
        private final int last;

        private Selection(@Nullable SortedSet<Integer> chosen, int last) {
            this.chosen = chosen;
            this.last = last;
        }

        /** Every generation 0..last. */
        static Selection every(int last) {
            return new Selection(null, last);
        }

        /** Whether --at restricted the generations. */
        boolean isFiltered() {
            return chosen != null;
        }

        /** Whether generation i is printed. */
        boolean includes(int i) {
            SortedSet<Integer> c = chosen;
            return c == null ? i >= 0 && i <= last : c.contains(i);
        }

        /**
         * Adds {@code "at": [i, …]} (the printed generations in increasing order) to a JSON object when --at was
         * given, so that a filtered output says it is filtered.
         */
        void describe(JsonObject o) {
            SortedSet<Integer> c = chosen;
            if (c != null) {
                JsonArray a = new JsonArray();
                c.forEach(a::add);
                o.add("at", a);
            }
        }
    }
}
