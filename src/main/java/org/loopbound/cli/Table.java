package org.loopbound.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns, for the human-readable output of every command. */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    /** A table with these column headers. */
    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    /** Appends a row; it must have one cell per header. */
    public Table row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size());
        }
        rows.add(List.of(cells));
        return this;
    }

    /** The table with two spaces between columns and a newline after each line. */
    public String render() {
        int[] width = new int[headers.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        for (List<String> r : all) {
            for (int c = 0; c < width.length && c < r.size(); c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> r : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < width.length && c < r.size(); c++) {
                String cell = r.get(c);
                line.append(cell);
                if (c + 1 < width.length) {
                    line.append(" ".repeat(Math.max(0, width[c] - cell.length() + 2)));
                }
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /**
     * A certified value for a table cell: {@code p/q} when exact and short, otherwise its decimal enclosure
     * {@code [lo, hi]} (exact long values are marked so the reader knows the enclosure is only for display).
     */
    public static String cell(org.loopbound.arith.Certified v, int digits) {
        if (v.isExact()) {
            String s = v.exact().toString();
            return s.length() <= 32 ? s : v.enclosure().format(digits) + " (exact: see --json)";
        }
        return v.format(digits);
    }
}
