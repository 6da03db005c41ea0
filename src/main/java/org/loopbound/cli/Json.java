package org.loopbound.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Rounding;
import org.loopbound.spec.Hypothesis;
import org.loopbound.spec.ResultIndex;

/**
 * The JSON conventions of every command: one object per run with {@code result}, {@code label}, {@code claim} (when
 * the result bears on abstract claims), {@code parameters} (exact strings) and the values; a value is
 * {@code {"exact": "p/q"}} or {@code {"lo": "…", "hi": "…"}} (decimal strings rounded outward).
 */
public final class Json {

    /** Compact, escaping as {@link #print}: no HTML escapes, so exact strings such as "1/3" stay as they are. */
    private static final Gson LINE = new GsonBuilder().disableHtmlEscaping().create();

    private Json() {
    }

    /** {@code {"exact": "p/q"}} for exact values, else {@code {"lo", "hi"}} with {@code digits} significant digits. */
    public static JsonObject value(Certified v, int digits) {
        JsonObject o = new JsonObject();
        if (v.isExact()) {
            o.addProperty("exact", v.exact().toString());
        } else {
            Interval x = v.enclosure();
            o.addProperty("lo", x.lo().toDecimalString(digits, Rounding.DOWN));
            o.addProperty("hi", x.hi().toDecimalString(digits, Rounding.UP));
        }
        return o;
    }

    /** A result object with {@code result}, {@code label}, {@code claim} and an empty {@code parameters} object. */
    public static JsonObject resultObject(String id) {
        ResultIndex.Result r = ResultIndex.bundled().get(id);
        JsonObject o = new JsonObject();
        o.addProperty("result", r.id());
        o.addProperty("label", r.label().tag());
        if (!r.claims().isEmpty()) {
            o.addProperty("claim", String.join(",", r.claims()));
        }
        o.addProperty("proof", r.proof());
        o.add("hypotheses", hypotheses(r));
        o.add("parameters", new JsonObject());
        return o;
    }

    /** The steps a result's proof rests on, each with its status, Coq name and citation, as the spec lists them. */
    private static JsonArray hypotheses(ResultIndex.Result r) {
        JsonArray a = new JsonArray();
        for (Hypothesis h : r.hypotheses()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", h.name());
            o.addProperty("statement", h.statement());
            o.addProperty("status", h.status().json());
            addIfPresent(o, "coq", h.coq());
            addIfPresent(o, "source", h.source());
            a.add(o);
        }
        return a;
    }

    /**
     * The proof status of a result for terminal output: one line "proof: …", then one indented line per step that
     * is not proved in Coq.
     */
    static String proofLines(String id) {
        ResultIndex.Result r = ResultIndex.bundled().get(id);
        StringBuilder b = new StringBuilder("proof: ").append(r.proof()).append('\n');
        for (String step : r.unprovedSteps()) {
            b.append("  ").append(step).append('\n');
        }
        return b.toString();
    }

    /** Adds {@code key: v.toString()} (an exact string) when {@code v} is present. */
    public static void addIfPresent(JsonObject o, String key, @Nullable Object v) {
        if (v != null) {
            o.addProperty(key, v.toString());
        }
    }

    /** Pretty-printed with a trailing newline. */
    public static String print(JsonObject o) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n";
    }

    /**
     * On one line: the tokens of {@link #print} without the whitespace between them, so that pretty-printing the
     * parsed line with {@link #print} gives {@link #print}'s text again.
     */
    public static String line(JsonElement e) {
        return LINE.toJson(e);
    }
}
