package org.loopbound.io;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON document read strictly (RFC 8259: no comments, single quotes, unquoted names, NaN or trailing text), with
 * duplicate keys refused, and the line of every value kept by its JSON path, so that every later complaint about a
 * value ("must be a string, got an object") names the file, the path and the line. Numbers keep their exact
 * decimal value.
 */
public final class StrictJson {

    private static final Pattern POSITION = Pattern.compile("^(.*?) at line (\\d+) column (\\d+) path (\\S*)",
            Pattern.DOTALL);
    /** Longest rendering of a JSON path in a message: a hostile nesting depth must not make a page-long line. */
    private static final int MAX_PATH_CHARS = 60;

    private final String file;
    private final JsonElement root;
    private final Map<String, Integer> lines;

    private StrictJson(String file, JsonElement root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /**
     * Parses a whole document.
     *
     * @param file the file's name, for messages
     * @param text the document
     * @return the parsed document
     * @throws InputFileException when the text is not one strict JSON value or an object repeats a key, naming the
     *     line and the JSON path
     */
    public static StrictJson parse(String file, String text) {
        Map<String, Integer> lines = new HashMap<>();
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement root;
        try {
            root = read(file, reader, "$", lines);
        } catch (IOException e) {
            throw malformed(file, e);
        }
        try {
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IOException("text after the JSON value");
            }
        } catch (IOException e) {
            throw new InputFileException(file, "line " + line(reader), "text after the end of the JSON value");
        }
        return new StrictJson(file, root, lines);
    }

    /** @return the document's top-level value */
    public JsonElement root() {
        return root;
    }

    /**
     * @param path a JSON path of this document
     * @return the line on which the value at {@code path} starts, or 0 when there is no such value
     */
    public int line(String path) {
        Integer l = lines.get(path);
        return l == null ? 0 : l;
    }

    /**
     * @param path the JSON path of a value
     * @param problem what is wrong with it
     * @return the exception naming this file, the path and its line
     */
    public InputFileException error(String path, String problem) {
        return new InputFileException(file, where(path), problem);
    }

    /**
     * @param path a JSON path of this document
     * @return the path and its line, as messages name a place, e.g. {@code "$.vectors[2].value (line 9)"}
     */
    public String where(String path) {
        int l = line(path);
        return cut(path) + (l > 0 ? " (line " + l + ")" : "");
    }

    /**
     * @param e the value at {@code path}
     * @param path its JSON path
     * @return the value as an object
     * @throws InputFileException when it is not an object
     */
    public JsonObject object(JsonElement e, String path) {
        if (!e.isJsonObject()) {
            throw error(path, "must be a JSON object, got " + kind(e));
        }
        return e.getAsJsonObject();
    }

    /**
     * @param e the value at {@code path}
     * @param path its JSON path
     * @return the value as an array
     * @throws InputFileException when it is not an array
     */
    public JsonArray array(JsonElement e, String path) {
        if (!e.isJsonArray()) {
            throw error(path, "must be a JSON array, got " + kind(e));
        }
        return e.getAsJsonArray();
    }

    /**
     * @param o an object of this document
     * @param path its JSON path
     * @param name a key
     * @return the value of {@code name}, which must be present and not {@code null}
     * @throws InputFileException when the key is missing or its value is {@code null}
     */
    public JsonElement member(JsonObject o, String path, String name) {
        JsonElement e = o.get(name);
        if (e == null) {
            throw error(path, "has no \"" + name + "\"");
        }
        if (e.isJsonNull()) {
            throw error(path + "." + name, "must not be null");
        }
        return e;
    }

    /**
     * @param e the value at {@code path}
     * @param path its JSON path
     * @return the text of a string, or the exact decimal text of a number
     * @throws InputFileException for null, a boolean, an object or an array
     */
    public String scalar(JsonElement e, String path) {
        if (e.isJsonPrimitive() && !e.getAsJsonPrimitive().isBoolean()) {
            return e.getAsString();
        }
        throw error(path, "must be a string or a number, got " + kind(e));
    }

    private static String kind(JsonElement e) {
        if (e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return p.isBoolean() ? "a boolean" : p.isNumber() ? "a number" : "a string";
    }

    private static JsonElement read(String file, JsonReader r, String path, Map<String, Integer> lines)
            throws IOException {
        JsonToken t = r.peek();
        lines.put(path, line(r));
        switch (t) {
            case BEGIN_OBJECT: {
                JsonObject o = new JsonObject();
                r.beginObject();
                while (r.hasNext()) {
                    String name = r.nextName();
                    String p = path + "." + name;
                    if (o.has(name)) {
                        throw new InputFileException(file, cut(p) + " (line " + line(r) + ")",
                                "duplicate key \"" + name + "\" (each key may appear once per object)");
                    }
                    o.add(name, read(file, r, p, lines));
                }
                r.endObject();
                return o;
            }
            case BEGIN_ARRAY: {
                JsonArray a = new JsonArray();
                r.beginArray();
                for (int i = 0; r.hasNext(); i++) {
                    a.add(read(file, r, path + "[" + i + "]", lines));
                }
                r.endArray();
                return a;
            }
            case STRING:
                return new JsonPrimitive(r.nextString());
            case NUMBER: {
                String text = r.nextString();
                try {
                    return new JsonPrimitive(new BigDecimal(text));
                } catch (NumberFormatException e) {
                    throw new InputFileException(file, cut(path) + " (line " + line(r) + ")",
                            "the number " + cutText(text) + " is out of range");
                }
            }
            case BOOLEAN:
                return new JsonPrimitive(r.nextBoolean());
            case NULL:
                r.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw new InputFileException(file, cut(path) + " (line " + line(r) + ")", "expected a JSON value");
        }
    }

    /** The reader's current line: JsonReader tells it only in its description and its messages. */
    private static int line(JsonReader r) {
        Matcher m = Pattern.compile(" at line (\\d+)").matcher(r.toString());
        String digits = m.find() ? m.group(1) : null;
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    /** A parser failure in the user's terms: the place, and the reason without the parser's advice or links. */
    private static InputFileException malformed(String file, IOException e) {
        Failure f = failure(e);
        return new InputFileException(file, f.where(), f.reason());
    }

    /**
     * A strict JSON reader's failure in the user's terms, for readers that keep their own error format (sweep grids):
     * the reason without the parser's advice or links, then where it happened.
     *
     * @param e what Gson's {@link JsonReader} threw: a malformed-JSON {@link IOException}, or the
     *     {@link IllegalStateException} of a structural error
     * @return e.g. "not valid JSON (RFC 8259): a comment, … at $.seed (line 1, column 160)"
     */
    public static String describe(Exception e) {
        Failure f = failure(e);
        return f.where().isEmpty() ? f.reason() : f.reason() + " at " + f.where();
    }

    /** Where a Gson failure happened (empty when its message does not say) and why. */
    private record Failure(String where, String reason) {
    }

    private static Failure failure(Exception e) {
        String m = String.valueOf(e.getMessage());
        Matcher x = POSITION.matcher(m);
        if (!x.find()) {
            return new Failure("", "not valid JSON");
        }
        String reason = String.valueOf(x.group(1)).strip();
        String where = cut(String.valueOf(x.group(4))) + " (line " + x.group(2) + ", column " + x.group(3) + ")";
        if (reason.startsWith("Use JsonReader.setStrictness")) {
            reason = "not valid JSON (RFC 8259): a comment, single quotes, an unquoted word, NaN, or a missing or"
                    + " extra comma or colon";
        } else if (reason.startsWith("End of input")) {
            reason = "the JSON text ends early";
        } else if (reason.equals("Expected name")) {
            reason = "not valid JSON: expected a key in double quotes";
        } else if (reason.startsWith("Nesting limit")) {
            reason = "nested too deeply";
        } else if (reason.isEmpty()) {
            reason = "not valid JSON";
        } else {
            reason = "not valid JSON: " + reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
        }
        return new Failure(where, reason);
    }

    private static String cut(String path) {
        if (path.length() <= MAX_PATH_CHARS) {
            return path;
        }
        return path.substring(0, MAX_PATH_CHARS / 2) + "…" + path.substring(path.length() - MAX_PATH_CHARS / 2);
    }

    private static String cutText(String text) {
        return text.length() <= MAX_PATH_CHARS ? text : text.substring(0, MAX_PATH_CHARS) + "…";
    }
}
