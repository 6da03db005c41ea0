package org.loopbound.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Golden test vectors (schema in spec/vectors/README.md): each vector names a command, its parameters (option
 * name → exact string), the JSON path of one value in that command's {@code --json} output, and the value as
 * {@code {"exact"}} or {@code {"lo","hi"}}. The vectors are produced by running the commands themselves, so they
 * are by construction the values loopbound prints.
 */
final class GoldenVectors {

    /** One golden vector. */
    record Vector(String result, String command, Map<String, String> parameters, String path, JsonObject value) {
    }

    /** The commands whose outputs make up the committed vector set: every result with a CLI output. */
    static final List<List<String>> COMMANDS = List.of(
            List.of("bound", "--scenario", "fixed-proportion", "--n", "1000", "--lambda", "1/10", "--eps", "1",
                    "--generations", "20"),
            List.of("bound", "--scenario", "fully-synthetic", "--n", "1000", "--eps", "1/100", "--generations", "5"),
            List.of("bound", "--scenario", "last-injection", "--n", "1000", "--lambda", "2/3", "--eps", "1/100",
                    "--generations", "3"),
            List.of("bound", "--scenario", "growing-size", "--n", "100", "--rate", "1,1/2", "--generations", "4"),
            List.of("bound", "--scenario", "expanding-synthetic", "--real", "100", "--synthetic", "300", "--rate",
                    "2,1/4", "--generations", "4"),
            List.of("bound", "--scenario", "accumulate", "--real", "1000", "--synthetic", "500", "--eps", "1/50",
                    "--generations", "4"),
            List.of("bound", "--scenario", "periodic-injection", "--n", "1000", "--lambda", "1/2", "--period", "3",
                    "--eps", "1/100", "--generations", "7"),
            List.of("bound", "--scenario", "fixed-proportion", "--n", "10000", "--lambda", "1/2", "--atoms", "10",
                    "--delta", "1/1000", "--generations", "3"),
            List.of("threshold", "p1", "--alpha", "1/2", "--b", "1", "--real", "100"),
            List.of("threshold", "p1", "--alpha", "1/3", "--b", "2", "--real", "50", "--inherited", "1/2"),
            List.of("threshold", "p2", "--alpha", "1/2", "--b", "1", "--real", "100", "--generations", "2",
                    "--width", "1e-30"),
            List.of("threshold", "p2", "--alpha", "1/2", "--b", "1", "--real", "1", "--generations", "10",
                    "--width", "1e-30"),
            List.of("threshold", "d2", "--m", "100", "--n", "1000"),
            List.of("threshold", "d1", "--scenario", "fixed-proportion", "--lambda", "1/2", "--n", "1000",
                    "--m", "100", "--generations", "3"),
            List.of("kde-bias", "--bandwidth", "1/5", "--generations", "9"),
            List.of("kde-bias", "--bandwidth", "1/5", "--lambda", "1/2", "--generations", "4"));

    private GoldenVectors() {
    }

    /** Runs one command with {@code --json} in-process and parses its output; a failure is an exception. */
    static JsonObject runJson(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> full = new ArrayList<>(args);
        full.add("--json");
        int code = Main.run(full.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new UsageError("loopbound " + String.join(" ", args) + " failed: "
                    + err.toString(StandardCharsets.UTF_8).strip());
        }
        return JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    }

    /** The command words of an argument list: everything before the first option, e.g. {@code threshold p2}. */
    static String command(List<String> args) {
        return String.join(" ", args.subList(0, firstOption(args)));
    }

    private static int firstOption(List<String> args) {
        int i = 0;
        while (i < args.size() && !args.get(i).startsWith("--")) {
            i++;
        }
        return i;
    }

    /** Option name → value for an argument list {@code cmd [sub] --a x --flag --b y}; flags get "true". */
    static Map<String, String> parameters(List<String> args) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = firstOption(args); i < args.size(); i++) {
            String key = args.get(i).replaceFirst("^--", "");
            boolean flag = i + 1 >= args.size() || args.get(i + 1).startsWith("--");
            p.put(key, flag ? "true" : args.get(++i));
        }
        return p;
    }

    /** The argument list that {@link #command} and {@link #parameters} came from. */
    static List<String> arguments(String command, Map<String, String> parameters) {
        List<String> a = new ArrayList<>(List.of(command.trim().split("\\s+")));
        parameters.forEach((k, v) -> {
            a.add("--" + k);
            if (!"true".equals(v)) {
                a.add(v);
            }
        });
        return a;
    }

    /** Every value object of a command's JSON output, as vectors. */
    static List<Vector> vectorsOf(List<String> args) {
        JsonObject o = runJson(args);
        List<Vector> out = new ArrayList<>();
        collect(o, "", o.has("result") ? o.get("result").getAsString() : "?", command(args), parameters(args), out);
        return out;
    }

    private static void collect(JsonElement e, String path, String result, String command,
                                Map<String, String> params, List<Vector> out) {
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if (isValue(o)) {
                out.add(new Vector(result, command, params, path, o));
                return;
            }
            String r = o.has("result") && o.get("result").isJsonPrimitive() ? o.get("result").getAsString() : result;
            for (Map.Entry<String, JsonElement> f : o.entrySet()) {
                if (!f.getKey().equals("parameters")) {
                    collect(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), r, command,
                            params, out);
                }
            }
        } else if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                collect(a.get(i), path + "[" + i + "]", result, command, params, out);
            }
        }
    }

    /** Whether an object is a value: {@code {"exact"}} or {@code {"lo","hi"}}. */
    static boolean isValue(JsonObject o) {
        return (o.size() == 1 && o.has("exact")) || (o.size() == 2 && o.has("lo") && o.has("hi"));
    }

    /** The element at a path such as {@code values[20].bound}, or null. */
    static @Nullable JsonElement at(JsonObject root, String path) {
        JsonElement cur = root;
        for (String part : path.split("\\.")) {
            String name = part.replaceAll("\\[\\d+\\]", "");
            if (!name.isEmpty()) {
                if (!cur.isJsonObject() || !cur.getAsJsonObject().has(name)) {
                    return null;
                }
                cur = cur.getAsJsonObject().get(name);
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)\\]").matcher(part);
            while (m.find()) {
                String digits = m.group(1);
                int i = digits == null ? -1 : Integer.parseInt(digits);
                if (!cur.isJsonArray() || i < 0 || i >= cur.getAsJsonArray().size()) {
                    return null;
                }
                cur = cur.getAsJsonArray().get(i);
            }
        }
        return cur;
    }

    /** The vector as a JSON object of the documented schema. */
    static JsonObject toJson(Vector v) {
        JsonObject o = new JsonObject();
        o.addProperty("result", v.result());
        o.addProperty("command", v.command());
        JsonObject p = new JsonObject();
        v.parameters().forEach(p::addProperty);
        o.add("parameters", p);
        o.addProperty("path", v.path());
        o.add("value", v.value());
        return o;
    }
}
