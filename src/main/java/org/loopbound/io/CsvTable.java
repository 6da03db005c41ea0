package org.loopbound.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A CSV table read strictly with Apache Commons CSV (RFC 4180, empty lines skipped): a header of distinct, non-empty
 * names, then rows of exactly as many fields. Quoting protects commas ({@code "1,1/2"}); a quote that is not closed,
 * text after a closing quote, and a quote inside a field are errors: loopbound's fields (names, numbers, JSON paths)
 * never contain a quote, so one inside a field ({@code 2."71}) can only be a stray one.
 *
 * @param header the column names, in file order
 * @param rows the data rows, in file order
 */
public record CsvTable(List<String> header, List<Row> rows) {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true)
            .setTrailingData(false).setLenientEof(false).get();
    private static final Pattern UNTERMINATED = Pattern.compile("\\(startline (\\d+)\\) EOF reached");
    private static final Pattern AFTER_QUOTE = Pattern.compile("between encapsulated token and delimiter at line: (\\d+)");

    /**
     * One data row.
     *
     * @param line the line on which the row starts
     * @param cells its fields, as many as the header has names
     */
    public record Row(int line, List<String> cells) {
    }

    /**
     * Parses a whole table.
     *
     * @param file the file's name, for messages
     * @param text the CSV text
     * @return the table
     * @throws InputFileException naming the file and the line for an empty file, a bad header, a row with another
     *     number of fields than the header, or a quoting error
     */
    public static CsvTable parse(String file, String text) {
        @Nullable List<String> header = null;
        List<Row> rows = new ArrayList<>();
        int line = 1;
        int counted = 0;
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            for (CSVRecord r : parser) {
                int start = (int) Math.min(r.getCharacterPosition(), text.length());
                for (; counted < start && counted < text.length(); counted++) {
                    if (text.charAt(counted) == '\n') {
                        line++;
                    }
                }
                List<String> cells = r.toList();
                for (String c : cells) {
                    if (c.indexOf('"') >= 0) {
                        throw new InputFileException(file, "line " + line, "a stray double quote in the field '"
                                + cut(c) + "' (a quote may only enclose a whole field, as in \"1,1/2\")");
                    }
                }
                if (header == null) {
                    header = header(file, line, cells);
                } else if (cells.size() != header.size()) {
                    throw new InputFileException(file, "line " + line, "expected " + header.size()
                            + " fields (as the header has), found " + cells.size());
                } else {
                    rows.add(new Row(line, cells));
                }
            }
        } catch (UncheckedIOException e) {
            throw quoting(file, e.getCause());
        } catch (IOException e) {
            throw quoting(file, e);
        }
        if (header == null) {
            throw new InputFileException(file, "line 1", "empty CSV (expected a header line)");
        }
        return new CsvTable(header, rows);
    }

    private static List<String> header(String file, int line, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n.isBlank()) {
                throw new InputFileException(file, "line " + line, "header field " + (i + 1) + " is empty");
            }
            if (!seen.add(n)) {
                throw new InputFileException(file, "line " + line, "the header names the column '" + cut(n)
                        + "' twice");
            }
        }
        return List.copyOf(names);
    }

    /** A lexer failure of Commons CSV in the user's terms; its messages say the line but in its own words. */
    private static InputFileException quoting(String file, IOException e) {
        String m = String.valueOf(e.getMessage());
        Matcher u = UNTERMINATED.matcher(m);
        if (u.find()) {
            return new InputFileException(file, "line " + u.group(1), "a quoted field is never closed (unterminated"
                    + " quote)");
        }
        Matcher a = AFTER_QUOTE.matcher(m);
        if (a.find()) {
            return new InputFileException(file, "line " + a.group(1), "text after the closing quote of a field (a"
                    + " stray quote?)");
        }
        return new InputFileException(file, "", "not valid CSV (RFC 4180)");
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
