package org.loopbound.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One request line of {@code loopbound serve} turned into the command line it stands for: the command words, then
 * the options of {@code args} (with {@code --}), then {@code argv} verbatim. Parsing is strict (one JSON object per
 * line, no comments or single quotes, only the members {@code command}, {@code args}, {@code argv}, {@code id}), so
 * that a request means one thing; {@link ServeCommand} runs the result.
 *
 * @param id the request's {@code id}, echoed in its response, or {@code null} when it gave none
 * @param argv the argument list, as {@code ./loopbound} would receive it
 */
record ServeRequest(@Nullable JsonElement id, List<String> argv) {

    /** The members a request may have. */
    private static final Set<String> MEMBERS = Set.of("command", "args", "argv", "id");

    /** A request line that is no request; {@link #id} is its {@code id} when the line had a readable one. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient @Nullable JsonElement id;

        Malformed(@Nullable JsonElement id, String message) {
            super(message);
            this.id = id;
        }

        @Nullable JsonElement id() {
            return id;
        }
    }

    /**
     * Parses one request line.
     *
     * @param line the line, without its terminator
     * @param number its number in the input, 1-based, named in the error
     * @return the request
     * @throws Malformed "loopbound serve: line N: WHAT" when the line is not strict JSON, not an object, has a member
     *     other than command/args/argv/id, lacks both command and argv, or a member has the wrong type
     */
    static ServeRequest parse(String line, int number) throws Malformed {
        String where = "loopbound serve: line " + number + ": ";
        JsonElement request;
        try {
            request = json(line);
        } catch (IOException | JsonParseException e) {
            throw new Malformed(null, where + "malformed JSON: " + problem(e));
        }
        if (!request.isJsonObject()) {
            throw new Malformed(null, where + "a request is a JSON object, e.g. {\"command\": \"bound\", \"args\":"
                    + " {...}}");
        }
        JsonObject r = request.getAsJsonObject();
        JsonElement id = r.get("id");
        try {
            return new ServeRequest(id, arguments(r));
        } catch (UsageError e) {
            throw new Malformed(id, where + e.getMessage());
        }
    }

    /** The argument list of a request: command words, then the options of args, then argv. */
    private static List<String> arguments(JsonObject r) {
        for (String m : r.keySet()) {
            if (!MEMBERS.contains(m)) {
                throw new UsageError("unknown member \"" + m + "\" (a request has command, args, argv and id)");
            }
        }
        JsonElement command = r.get("command");
        JsonElement args = r.get("args");
        JsonElement argv = r.get("argv");
        if (command == null && argv == null) {
            throw new UsageError("a request needs \"command\" (e.g. \"bound\" or \"threshold p1\") or \"argv\"");
        }
        List<String> out = new ArrayList<>();
        if (command != null) {
            if (!isString(command) || command.getAsString().isBlank()) {
                throw new UsageError("\"command\" must be a command as a string, e.g. \"bound\" or \"threshold p1\"");
            }
            out.addAll(GoldenVectors.arguments(command.getAsString(), options(args)));
        } else if (args != null) {
            throw new UsageError("\"args\" needs \"command\" (without it, give the whole argument list as \"argv\")");
        }
        if (argv != null) {
            if (!argv.isJsonArray()) {
                throw new UsageError("\"argv\" must be an array of strings");
            }
            JsonArray a = argv.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                if (!isString(a.get(i))) {
                    throw new UsageError("argv[" + i + "] must be a string, got " + Json.line(a.get(i)));
                }
                out.add(a.get(i).getAsString());
            }
        }
        return out;
    }

    /** Option name (leading "--" optional) → value of a request's {@code args}; true is a flag, false omitted. */
    private static Map<String, String> options(@Nullable JsonElement args) {
        Map<String, String> out = new LinkedHashMap<>();
        if (args == null) {
            return out;
        }
        if (!args.isJsonObject()) {
            throw new UsageError("\"args\" must be an object: option name (without --) -> value");
        }
        for (Map.Entry<String, JsonElement> e : args.getAsJsonObject().entrySet()) {
            String name = e.getKey().replaceFirst("^--", "");
            JsonElement v = e.getValue();
            if (!v.isJsonPrimitive()) {
                throw new UsageError("args." + name + " must be a string, a number or a boolean, got "
                        + Json.line(v) + " (give repeated options in \"argv\")");
            }
            JsonPrimitive p = v.getAsJsonPrimitive();
            if (p.isBoolean()) {
                if (p.getAsBoolean()) {
                    out.put(name, "true");
                }
            } else {
                // A number keeps the digits as written (Gson parses it lazily): 0.1 stays "0.1", exact.
                out.put(name, p.getAsString());
            }
        }
        return out;
    }

    /**
     * Strict JSON (no comments, single quotes or unquoted names), one value and nothing after it.
     *
     * @param text the text
     * @return its one JSON value
     * @throws IOException or JsonParseException when {@code text} is not exactly one strict JSON value
     */
    static JsonElement json(String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement e = JsonParser.parseReader(reader);
        boolean end;
        try {
            end = reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException more) {
            end = false;
        }
        if (!end) {
            throw new JsonParseException("more than one JSON value on the line (one request per line)");
        }
        return e;
    }

    /** What is wrong with a line that is not strict JSON, in Gson's words without its advice. */
    private static String problem(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return ServeCommand.firstLine(cause.getMessage())
                .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "not strict JSON")
                .replace("at line 1 column", "at column");
    }

    private static boolean isString(JsonElement e) {
        return e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }
}
