package org.loopbound.spec;

import java.util.Locale;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One step that a result's proof rests on, as {@code spec/results.json} names it: what it says, whether Coq proves
 * it, it is a cited theorem of the literature, or it is assumed, and where Coq carries it.
 *
 * <p>{@link #coq} is a qualified Coq name {@code Loopbound.File.name}: for a {@link Status#PROVED} step the lemma that
 * proves it; for an {@link Status#IMPORTED} or {@link Status#ASSUMED} step the Section hypothesis that makes it a
 * premise of the result's lemmas (or a premise a lemma of that file names itself), or {@code null} when no Coq lemma
 * carries it (the step is outside the formalization). {@code SpecLinksTest} checks these names against what Coq reports.
 *
 * @param name      short name of the step, e.g. {@code McDiarmid's inequality}
 * @param statement what the step states, in the notation of spec/theory.md
 * @param status    proved in Coq, imported with a citation, or assumed
 * @param coq       the Coq lemma or Section hypothesis, or {@code null}
 * @param source    the citation of an imported step (required then), or {@code null}
 */
public record Hypothesis(String name, String statement, Status status, @Nullable String coq, @Nullable String source) {

    private static final Pattern COQ_NAME = Pattern.compile("Loopbound\\.[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z_][A-Za-z0-9_']*");

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the name or statement is blank, the name contains ';' (the separator of
     *                                  {@link ProofStatus}), {@code coq} is not of the form
     *                                  {@code Loopbound.File.name}, a proved step names no lemma, or an imported step
     *                                  has no citation
     */
    public Hypothesis {
        if (name.isBlank() || statement.isBlank()) {
            throw new IllegalArgumentException("a hypothesis needs a name and a statement");
        }
        if (name.indexOf(';') >= 0) {
            throw new IllegalArgumentException("hypothesis name must not contain ';': " + name);
        }
        if (coq != null && !COQ_NAME.matcher(coq).matches()) {
            throw new IllegalArgumentException("hypothesis '" + name + "': coq must be Loopbound.File.name, was " + coq);
        }
        if (status == Status.PROVED && coq == null) {
            throw new IllegalArgumentException("hypothesis '" + name + "' is proved but names no Coq lemma");
        }
        if (status == Status.IMPORTED && (source == null || source.isBlank())) {
            throw new IllegalArgumentException("hypothesis '" + name + "' is imported but has no source");
        }
    }

    /** How a step is established. */
    public enum Status {
        /** Proved in Coq by the lemma {@link Hypothesis#coq}. */
        PROVED,
        /** A theorem of the literature, used with its citation {@link Hypothesis#source}. */
        IMPORTED,
        /** Neither proved nor cited: the result holds only if this step does. */
        ASSUMED;

        /**
         * The status spelled as in the JSON.
         *
         * @param s {@code proved}, {@code imported} or {@code assumed}
         * @return the status
         * @throws IllegalArgumentException for any other string
         */
        public static Status parse(String s) {
            for (Status v : values()) {
                if (v.json().equals(s)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("hypothesis status must be proved, imported or assumed, was '" + s + "'");
        }

        /**
         * The JSON spelling.
         *
         * @return {@code proved}, {@code imported} or {@code assumed}
         */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
