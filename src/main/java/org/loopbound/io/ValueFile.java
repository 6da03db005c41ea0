package org.loopbound.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loopbound.arith.Rational;

/**
 * The values another implementation submits to {@code loopbound check}: JSON in the golden-vector schema
 * (spec/vectors/README.md: {@code {"vectors": [{"result", "command", "parameters", "path", "value"}, …]}}) or CSV
 * with the columns {@code result, command, path, value} and one column per parameter. A value is an exact number
 * (a point) or an interval: {@code {"lo", "hi"}} in JSON, {@code [lo;hi]} in CSV. Both formats are read strictly
 * ({@link StrictJson}, {@link CsvTable}) from strict UTF-8 ({@link TextFile}), so every malformed file is refused with
 * its file and line (and JSON path) before anything is checked.
 */
public final class ValueFile {

    private ValueFile() {
    }

    /**
     * One value to check.
     *
     * @param file the file it comes from, as the user named it
     * @param line the line on which it starts
     * @param where its place for messages: {@code "line 4"}, or a JSON path with its line
     * @param result the result id it claims to be a value of (not checked)
     * @param command the loopbound command that computes it, e.g. {@code "threshold p1"}
     * @param parameters the command's options (name without {@code --} → value text), in file order
     * @param path the JSON path of the value in the command's {@code --json} output
     * @param lo the value, or the lower end of its interval
     * @param hi the value, or the upper end of its interval (≥ lo)
     */
    public record Row(String file, int line, String where, String result, String command,
                      Map<String, String> parameters, String path, Rational lo, Rational hi) {

        /** @return whether the value is a point rather than an interval */
        public boolean isPoint() {
            return lo.equals(hi);
        }

        /**
         * @param problem what is wrong with this row
         * @return the exception naming the file and the row's place
         */
        public InputFileException error(String problem) {
            return new InputFileException(file, where, problem);
        }
    }

    /**
     * Reads the rows of a file: CSV when its name ends with {@code .csv} (any case), JSON otherwise.
     *
     * @param file the file
     * @return its rows, in file order (possibly none)
     * @throws InputFileException when the file is missing or malformed, naming the file and the line or JSON path
     * @throws java.io.UncheckedIOException when the file exists but cannot be read
     */
    public static List<Row> read(Path file) {
        String name = file.toString();
        String text = TextFile.read(file);
        return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? csv(name, text) : json(name, text);
    }

    private static List<Row> json(String file, String text) {
        StrictJson doc = StrictJson.parse(file, text);
        JsonObject root = doc.object(doc.root(), "$");
        JsonArray vectors = doc.array(doc.member(root, "$", "vectors"), "$.vectors");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            String at = "$.vectors[" + i + "]";
            JsonObject o = doc.object(vectors.get(i), at);
            String result = doc.scalar(doc.member(o, at, "result"), at + ".result");
            String command = doc.scalar(doc.member(o, at, "command"), at + ".command");
            String path = doc.scalar(doc.member(o, at, "path"), at + ".path");
            JsonObject ps = doc.object(doc.member(o, at, "parameters"), at + ".parameters");
            Map<String, String> params = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> p : ps.entrySet()) {
                params.put(p.getKey(), doc.scalar(p.getValue(), at + ".parameters." + p.getKey()));
            }
            String vp = at + ".value";
            JsonElement v = doc.member(o, at, "value");
            Rational lo;
            Rational hi;
            if (v.isJsonObject() && v.getAsJsonObject().has("exact")) {
                lo = number(doc, vp + ".exact", doc.scalar(doc.member(v.getAsJsonObject(), vp, "exact"),
                        vp + ".exact"));
                hi = lo;
            } else if (v.isJsonObject()) {
                JsonObject vo = v.getAsJsonObject();
                lo = number(doc, vp + ".lo", doc.scalar(doc.member(vo, vp, "lo"), vp + ".lo"));
                hi = number(doc, vp + ".hi", doc.scalar(doc.member(vo, vp, "hi"), vp + ".hi"));
            } else {
                lo = number(doc, vp, doc.scalar(v, vp));
                hi = lo;
            }
            rows.add(row(file, doc.line(at), doc.where(at), result, command, params, path, lo, hi));
        }
        return rows;
    }

    private static Rational number(StrictJson doc, String path, String text) {
        try {
            return Rational.parse(text);
        } catch (NumberFormatException e) {
            throw doc.error(path, String.valueOf(e.getMessage()));
        }
    }

    private static List<Row> csv(String file, String text) {
        CsvTable table = CsvTable.parse(file, text);
        List<String> header = table.header();
        for (String f : new String[] {"result", "command", "path", "value"}) {
            if (!header.contains(f)) {
                throw new InputFileException(file, "line 1", "the CSV header has no column '" + f + "' (expected"
                        + " result,command,path,value and one column per parameter)");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (CsvTable.Row r : table.rows()) {
            String where = "line " + r.line();
            Map<String, String> params = new LinkedHashMap<>();
            Map<String, String> fields = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < r.cells().size(); c++) {
                String h = header.get(c);
                String cell = r.cells().get(c);
                if (List.of("result", "command", "path", "value").contains(h)) {
                    fields.put(h, cell);
                } else if (!cell.isEmpty()) {
                    params.put(h, cell);
                }
            }
            String v = fields.getOrDefault("value", "").strip();
            Rational lo;
            Rational hi;
            if (v.startsWith("[") && v.endsWith("]")) {
                String[] ends = v.substring(1, v.length() - 1).split(";", -1);
                if (ends.length != 2) {
                    throw new InputFileException(file, where, "an interval value is written [lo;hi], got '"
                            + v + "'");
                }
                lo = number(file, where, ends[0]);
                hi = number(file, where, ends[1]);
            } else {
                lo = number(file, where, v);
                hi = lo;
            }
            rows.add(row(file, r.line(), where, fields.getOrDefault("result", ""),
                    fields.getOrDefault("command", ""), params, fields.getOrDefault("path", ""), lo, hi));
        }
        return rows;
    }

    private static Rational number(String file, String where, String text) {
        try {
            return Rational.parse(text);
        } catch (NumberFormatException e) {
            throw new InputFileException(file, where, "value: " + e.getMessage());
        }
    }

    private static Row row(String file, int line, String where, String result, String command,
                           Map<String, String> params, String path, Rational lo, Rational hi) {
        if (command.isBlank() || path.isBlank()) {
            throw new InputFileException(file, where, "command and path must not be empty");
        }
        if (lo.compareTo(hi) > 0) {
            throw new InputFileException(file, where, "interval value with lo > hi");
        }
        return new Row(file, line, where, result, command, params, path, lo, hi);
    }
}
