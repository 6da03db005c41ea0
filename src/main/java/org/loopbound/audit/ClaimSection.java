package org.loopbound.audit;

import java.util.ArrayList;
import java.util.List;
import org.loopbound.plot.Chart;
import org.loopbound.spec.ResultIndex;

/**
 * One claim's part of the audit: the claim and its text, the results bearing on it (from the result index, in file
 * order), the simulation cross-checks with their verdicts, the numbers with their labels, notes and figures. Filled
 * by the claim's {@link ClaimCheck}; read-only to everyone else.
 */
public final class ClaimSection {

    /**
     * A cross-check.
     *
     * @param verdict PASS or FAIL
     * @param criterion the rule that decides the verdict, stated before (and independently of) the result
     * @param detail the statistics behind the verdict and how to reproduce them
     */
    public record CrossCheck(Verdict verdict, String criterion, String detail) {
    }

    /**
     * A table of results (per generation, per learner…), every cell as printed; numbers carry their full double
     * value so that {@code report.json} keeps everything the verdicts were computed from.
     *
     * @param title what the table shows
     * @param columns the column headings
     * @param rows the rows, each with one cell per column
     */
    public record Table(String title, List<String> columns, List<List<String>> rows) {

        /**
         * Copies the lists and checks that every row has one cell per column.
         *
         * @throws IllegalArgumentException if a row's length differs from the number of columns
         */
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> r : rows) {
                if (r.size() != columns.size()) {
                    throw new IllegalArgumentException("table '" + title + "': a row has " + r.size()
                            + " cells for " + columns.size() + " columns");
                }
            }
        }
    }

    /**
     * A number shown for a claim.
     *
     * @param what what it is
     * @param value its value as printed: an exact p/q, a certified [lo, hi] rounded outward, or a simulated decimal
     * @param label its provenance: a result label such as [derived], or "simulated (not certified)"
     */
    public record Quantity(String what, String value, String label) {
    }

    /**
     * A figure.
     *
     * @param file its file name (under figures/)
     * @param caption its caption
     * @param chart its data
     */
    public record Figure(String file, String caption, Chart chart) {
    }

    private final String claim;
    private final String text;
    private final List<ResultIndex.Result> results;
    private final List<CrossCheck> checks = new ArrayList<>();
    private final List<Quantity> numbers = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();

    ClaimSection(String claim, String text, List<ResultIndex.Result> results) {
        this.claim = claim;
        this.text = text;
        this.results = List.copyOf(results);
    }

    void check(boolean pass, String criterion, String detail) {
        check(Verdict.of(pass), criterion, detail);
    }

    void check(Verdict verdict, String criterion, String detail) {
        checks.add(new CrossCheck(verdict, criterion, detail));
    }

    void table(Table table) {
        tables.add(table);
    }

    void number(String what, String value, String label) {
        numbers.add(new Quantity(what, value, label));
    }

    void note(String note) {
        notes.add(note);
    }

    void figure(String file, String caption, Chart chart) {
        figures.add(new Figure(file, caption, chart));
    }

    /** @return the claim id, C1…C6 */
    public String claim() {
        return claim;
    }

    /** @return the claim's text from the result index ([claim]) */
    public String text() {
        return text;
    }

    /** @return the results that formalize or bear on the claim, in the order of the result index */
    public List<ResultIndex.Result> results() {
        return results;
    }

    /** @return the cross-checks in the order they ran */
    public List<CrossCheck> checks() {
        return List.copyOf(checks);
    }

    /** @return the numbers in order */
    public List<Quantity> numbers() {
        return List.copyOf(numbers);
    }

    /** @return the notes (sentences of interpretation, never a new number) */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** @return the figures in order */
    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** @return the tables in order */
    public List<Table> tables() {
        return List.copyOf(tables);
    }

    /**
     * The section's verdict.
     *
     * @return NONE when there is no cross-check, else FAIL when any failed, else INCONCLUSIVE when any was
     *         inconclusive, else PASS
     */
    public Verdict verdict() {
        if (checks.isEmpty()) {
            return Verdict.NONE;
        }
        for (Verdict v : List.of(Verdict.FAIL, Verdict.INCONCLUSIVE)) {
            if (checks.stream().anyMatch(c -> c.verdict() == v)) {
                return v;
            }
        }
        return Verdict.PASS;
    }
}
