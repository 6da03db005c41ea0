package org.loopbound.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Rational;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code loopbound check FILE}: the test-oracle mode. Reads another implementation's values in the golden-vector
 * schema (JSON) or as CSV, recomputes each with loopbound and reports PASS/FAIL per row.
 */
@Command(name = "check",
        description = {"Check another implementation's values against loopbound (test-oracle mode).",
            "FILE is JSON in the schema of spec/vectors/README.md, or CSV with columns result, command, path,",
            "one column per parameter (the option name without --) and value.",
            "A point value PASSES when it equals loopbound's exact value or lies in its enclosure; an interval",
            "[lo, hi] PASSES when it contains loopbound's enclosure, FAILS when disjoint, else is UNDECIDED.",
            "Exit code: 0 all pass, 1 any FAIL or UNDECIDED, 2 malformed input (with the line number)."})
public final class CheckCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The values to check (.json or .csv).")
    String file = "";

    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    /** One row to check, with the line it starts on. */
    record Row(int line, String result, String command, Map<String, String> parameters, String path,
               Rational lo, Rational hi) {
        boolean isPoint() {
            return lo.equals(hi);
        }
    }

    @Override
    public Integer call() {
        Path p = Paths.get(file);
        String text;
        try {
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageError("FILE '" + file + "' does not exist");
        } catch (IOException e) {
            throw new UsageError("FILE '" + file + "' cannot be read: " + e.getMessage());
        }
        List<Row> rows = file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? parseCsv(text) : parseJson(text);
        if (rows.isEmpty()) {
            throw new UsageError(file + ": no rows to check");
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<List<String>, JsonObject> ours = new HashMap<>();
        int pass = 0;
        int fail = 0;
        for (Row r : rows) {
            List<String> args = GoldenVectors.arguments(r.command(), r.parameters());
            JsonObject o;
            try {
                o = ours.computeIfAbsent(args, GoldenVectors::runJson);
            } catch (UsageError e) {
                throw new UsageError(file + ":" + r.line() + ": " + e.getMessage());
            }
            JsonElement v = GoldenVectors.at(o, r.path());
            if (v == null || !v.isJsonObject() || !GoldenVectors.isValue(v.getAsJsonObject())) {
                throw new UsageError(file + ":" + r.line() + ": path '" + r.path() + "' names no value in the output"
                        + " of loopbound " + String.join(" ", args));
            }
            JsonObject vo = v.getAsJsonObject();
            Rational lo = Rational.parse(vo.has("exact") ? vo.get("exact").getAsString() : vo.get("lo").getAsString());
            Rational hi = Rational.parse(vo.has("exact") ? vo.get("exact").getAsString() : vo.get("hi").getAsString());
            String verdict = verdict(r, lo, hi);
            if (verdict.startsWith("PASS")) {
                pass++;
            } else {
                fail++;
            }
            out.println("line " + r.line() + ": " + verdict + "  " + r.result() + " " + r.path() + "  (loopbound: "
                    + (lo.equals(hi) ? lo.toString() : "[" + lo.toDecimal(20, org.loopbound.arith.Rounding.DOWN)
                    .toPlainString() + ", " + hi.toDecimal(20, org.loopbound.arith.Rounding.UP).toPlainString()
                    + "]") + ")");
        }
        out.println("check: " + pass + " PASS, " + fail + " FAIL of " + rows.size() + " rows");
        out.flush();
        return fail == 0 ? 0 : Main.EXIT_FAILURE;
    }

    /**
     * PASS/FAIL/UNDECIDED of one row against loopbound's value [lo, hi] (a point when exact; the printed decimal
     * ends of an enclosure are themselves rounded outward, so they still enclose the true value).
     */
    static String verdict(Row r, Rational lo, Rational hi) {
        if (r.isPoint()) {
            Rational x = r.lo();
            if (x.compareTo(lo) >= 0 && x.compareTo(hi) <= 0) {
                return "PASS";
            }
            Rational d = x.compareTo(lo) < 0 ? lo.subtract(x) : x.subtract(hi);
            return "FAIL distance " + d.toDecimal(6, org.loopbound.arith.Rounding.UP).toString();
        }
        if (r.lo().compareTo(lo) <= 0 && hi.compareTo(r.hi()) <= 0) {
            return "PASS";
        }
        if (r.hi().compareTo(lo) < 0 || hi.compareTo(r.lo()) < 0) {
            Rational d = r.hi().compareTo(lo) < 0 ? lo.subtract(r.hi()) : r.lo().subtract(hi);
            return "FAIL distance " + d.toDecimal(6, org.loopbound.arith.Rounding.UP).toString();
        }
        return "UNDECIDED (the enclosures overlap but yours does not contain loopbound's)";
    }

    private List<Row> parseJson(String text) {
        List<Row> rows = new ArrayList<>();
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.beginObject();
            boolean found = false;
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (!name.equals("vectors")) {
                    reader.skipValue();
                    continue;
                }
                found = true;
                reader.beginArray();
                while (reader.hasNext()) {
                    int line = lineOf(reader);
                    JsonElement e = JsonParser.parseReader(reader);
                    rows.add(rowFromJson(line, e));
                }
                reader.endArray();
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new UsageError(file + ":" + lineOf(reader) + ": text after the JSON object");
            }
            if (!found) {
                throw new UsageError(file + ": no \"vectors\" array (see spec/vectors/README.md)");
            }
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new UsageError(file + ": malformed JSON: " + String.valueOf(e.getMessage()).replaceAll(
                    "\\s*See https://\\S+", ""));
        }
        return rows;
    }

    private static int lineOf(JsonReader reader) {
        Matcher m = Pattern.compile("line (\\d+)").matcher(reader.toString());
        String digits = m.find() ? m.group(1) : null;
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    private Row rowFromJson(int line, JsonElement e) {
        String where = file + ":" + line + ": ";
        if (!e.isJsonObject()) {
            throw new UsageError(where + "a vector must be a JSON object");
        }
        JsonObject o = e.getAsJsonObject();
        for (String f : new String[] {"result", "command", "parameters", "path", "value"}) {
            if (!o.has(f)) {
                throw new UsageError(where + "vector has no \"" + f + "\"");
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (!o.get("parameters").isJsonObject()) {
            throw new UsageError(where + "\"parameters\" must be an object");
        }
        for (Map.Entry<String, JsonElement> p : o.getAsJsonObject("parameters").entrySet()) {
            params.put(p.getKey(), p.getValue().getAsString());
        }
        JsonElement v = o.get("value");
        Rational lo;
        Rational hi;
        if (v.isJsonObject() && v.getAsJsonObject().has("exact")) {
            lo = number(where, v.getAsJsonObject().get("exact").getAsString());
            hi = lo;
        } else if (v.isJsonObject() && v.getAsJsonObject().has("lo") && v.getAsJsonObject().has("hi")) {
            lo = number(where, v.getAsJsonObject().get("lo").getAsString());
            hi = number(where, v.getAsJsonObject().get("hi").getAsString());
        } else if (v.isJsonPrimitive()) {
            lo = number(where, v.getAsString());
            hi = lo;
        } else {
            throw new UsageError(where + "\"value\" must be a number string, {\"exact\"} or {\"lo\",\"hi\"}");
        }
        return row(where, line, o.get("result").getAsString(), o.get("command").getAsString(), params,
                o.get("path").getAsString(), lo, hi);
    }

    private List<Row> parseCsv(String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty()) {
            throw new UsageError(file + ":1: empty CSV (expected a header: result,command,path,...,value)");
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        for (String f : new String[] {"result", "command", "path", "value"}) {
            if (!header.contains(f)) {
                throw new UsageError(file + ":1: CSV header has no column '" + f + "'");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            List<String> cells = splitCsv(line);
            if (cells.size() != header.size()) {
                throw new UsageError(where + "expected " + header.size() + " columns, found " + cells.size());
            }
            Map<String, String> params = new LinkedHashMap<>();
            String result = "";
            String command = "";
            String path = "";
            String value = "";
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c);
                String cell = cells.get(c);
                switch (h) {
                    case "result": result = cell; break;
                    case "command": command = cell; break;
                    case "path": path = cell; break;
                    case "value": value = cell; break;
                    default:
                        if (!cell.isEmpty()) {
                            params.put(h, cell);
                        }
                }
            }
            Rational lo;
            Rational hi;
            String v = value.strip();
            if (v.startsWith("[") && v.endsWith("]") && v.contains(";")) {
                String[] ends = v.substring(1, v.length() - 1).split(";", -1);
                if (ends.length != 2) {
                    throw new UsageError(where + "an interval value is written [lo;hi]");
                }
                lo = number(where, ends[0]);
                hi = number(where, ends[1]);
            } else {
                lo = number(where, v);
                hi = lo;
            }
            rows.add(row(where, i + 1, result, command, params, path, lo, hi));
        }
        return rows;
    }

    /** Splits one CSV line; double quotes protect commas (as in {@code "1,1/2"}). */
    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static Row row(String where, int line, String result, String command, Map<String, String> params,
                           String path, Rational lo, Rational hi) {
        if (command.isBlank() || path.isBlank()) {
            throw new UsageError(where + "command and path must not be empty");
        }
        if (lo.compareTo(hi) > 0) {
            throw new UsageError(where + "interval value with lo > hi");
        }
        return new Row(line, result, command, params, path, lo, hi);
    }

    private static Rational number(String where, @Nullable String s) {
        try {
            return Rational.parse(s == null ? "" : s);
        } catch (NumberFormatException e) {
            throw new UsageError(where + e.getMessage());
        }
    }

}
