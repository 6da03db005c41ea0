package org.loopbound.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.loopbound.arith.Rational;
import org.loopbound.io.InputFileException;
import org.loopbound.io.ValueFile;
import org.loopbound.io.ValueFile.Row;
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
            "Both are read strictly (UTF-8, an optional byte-order mark; RFC 4180 CSV; RFC 8259 JSON without duplicate",
            "keys or nulls). Exit code: 0 all pass, 1 any FAIL or UNDECIDED, 2 a malformed file (one line naming",
            "the file and the line or JSON path), 3 a file that cannot be read."})
public final class CheckCommand implements java.util.concurrent.Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The values to check (.json or .csv).")
    String file = "";

    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<Row> rows = ValueFile.read(Paths.get(file));
        if (rows.isEmpty()) {
            throw new InputFileException(file, "", "no rows to check");
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
                throw r.error(String.valueOf(e.getMessage()));
            }
            JsonElement v = GoldenVectors.at(o, r.path());
            if (v == null || !v.isJsonObject() || !GoldenVectors.isValue(v.getAsJsonObject())) {
                throw r.error("path '" + r.path() + "' names no value in the output of loopbound "
                        + String.join(" ", args));
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
}
