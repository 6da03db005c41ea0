package org.loopbound.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.arith.Certified;
import org.loopbound.arith.Interval;
import org.loopbound.arith.Rounding;
import org.loopbound.spec.ResultIndex;

/**
 * The JSON conventions of every command: one object per run with {@code result}, {@code label}, {@code claim} (when
 * the result bears on abstract claims), {@code parameters} (exact strings) and the values; a value is
 * {@code {"exact": "p/q"}} or {@code {"lo": "…", "hi": "…"}} (decimal strings rounded outward).
 */
public final class Json {

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
        o.add("parameters", new JsonObject());
        return o;
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
}
