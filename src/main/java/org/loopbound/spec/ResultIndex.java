package org.loopbound.spec;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The results of {@code spec/results.json}, in file order. */
public final class ResultIndex {

    /** The resource path of the bundled index. */
    public static final String RESOURCE = "/spec/results.json";

    private static @Nullable ResultIndex bundled;

    private final Map<String, Result> byId;
    private final Map<String, String> claims;

    private ResultIndex(Map<String, Result> byId, Map<String, String> claims) {
        this.byId = byId;
        this.claims = claims;
    }

    /** The index bundled in the jar (read once). */
    public static synchronized ResultIndex bundled() {
        ResultIndex b = bundled;
        if (b == null) {
            InputStream in = ResultIndex.class.getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("the result index " + RESOURCE + " is missing from the jar");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                b = parse(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = b;
        }
        return b;
    }

    /**
     * Parses an index from JSON text of the documented schema (see spec/README.md).
     *
     * @param json the text of a result index
     * @return the index
     * @throws IllegalArgumentException if a hypothesis is malformed or a result's stored {@code proof} differs from
     *                                  the status {@link ProofStatus#of} derives from its label, lemmas and hypotheses
     */
    public static ResultIndex parse(Reader json) {
        JsonObject root = JsonParser.parseReader(json).getAsJsonObject();
        Map<String, Result> map = new LinkedHashMap<>();
        for (JsonElement e : root.getAsJsonArray("results")) {
            JsonObject o = e.getAsJsonObject();
            String id = o.get("id").getAsString();
            Label label = Label.parse(o.get("label").getAsString());
            List<String> coq = strings(o, "coq");
            List<Hypothesis> hypotheses = hypotheses(o);
            String proof = ProofStatus.of(label, coq, hypotheses);
            String stored = o.get("proof").getAsString();
            if (!stored.equals(proof)) {
                throw new IllegalArgumentException(id + ": proof is \"" + stored + "\" but its label, lemmas and "
                        + "hypotheses give \"" + proof + "\"");
            }
            Result r = new Result(id, o.get("title").getAsString(), label, strings(o, "claims"),
                    o.get("statement").getAsString(), parameters(o), strings(o, "java"), coq, hypotheses, proof,
                    strings(o, "tests"));
            map.put(r.id(), r);
        }
        Map<String, String> claims = new LinkedHashMap<>();
        if (root.has("claims")) {
            for (JsonElement e : root.getAsJsonArray("claims")) {
                JsonObject c = e.getAsJsonObject();
                claims.put(c.get("id").getAsString(), c.get("text").getAsString());
            }
        }
        return new ResultIndex(Collections.unmodifiableMap(map), Collections.unmodifiableMap(claims));
    }

    private static List<Hypothesis> hypotheses(JsonObject o) {
        List<Hypothesis> out = new ArrayList<>();
        JsonArray a = o.has("hypotheses") ? o.getAsJsonArray("hypotheses") : new JsonArray();
        for (JsonElement e : a) {
            JsonObject h = e.getAsJsonObject();
            out.add(new Hypothesis(h.get("name").getAsString(), h.get("statement").getAsString(),
                    Hypothesis.Status.parse(h.get("status").getAsString()), nullable(h, "coq"), nullable(h, "source")));
        }
        return Collections.unmodifiableList(out);
    }

    private static List<Parameter> parameters(JsonObject o) {
        List<Parameter> out = new ArrayList<>();
        JsonArray a = o.has("parameters") ? o.getAsJsonArray("parameters") : new JsonArray();
        for (JsonElement e : a) {
            JsonObject p = e.getAsJsonObject();
            out.add(new Parameter(p.get("symbol").getAsString(), p.get("domain").getAsString(), strings(p, "coq")));
        }
        return Collections.unmodifiableList(out);
    }

    private static List<String> strings(JsonObject o, String field) {
        List<String> out = new ArrayList<>();
        JsonArray a = o.has(field) ? o.getAsJsonArray(field) : new JsonArray();
        for (JsonElement e : a) {
            out.add(e.getAsString());
        }
        return Collections.unmodifiableList(out);
    }

    private static @Nullable String nullable(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** The abstract's claims C1–C6: id → text ([claim]). */
    public Map<String, String> claims() {
        return claims;
    }

    /** All results in file order. */
    public List<Result> results() {
        return List.copyOf(byId.values());
    }

    /** The result with this id; an unknown id is a programming error. */
    public Result get(String id) {
        Result r = byId.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no result '" + id + "' in " + RESOURCE);
        }
        return r;
    }

    /** Provenance labels of theory.md §0. */
    public enum Label {
        CLAIM, DERIVED, IMPORTED;

        static Label parse(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }

        /** {@code [claim]}, {@code [derived]} or {@code [imported]}. */
        public String tag() {
            return "[" + name().toLowerCase(java.util.Locale.ROOT) + "]";
        }
    }

    /**
     * A symbol of a result's statement with its domain, and the Coq Section hypotheses or named premises
     * ({@code Loopbound.File.H}) that state this domain as a premise.
     *
     * @param symbol the symbol, e.g. {@code α}
     * @param domain its domain, e.g. {@code (0, 1)}
     * @param coq    the Section hypotheses stating the domain (empty when the lemmas state it inline)
     */
    public record Parameter(String symbol, String domain, List<String> coq) {
    }

    /**
     * One result: its id (R1…K2, EPS-EMP), title, label, the abstract claims C1–C6 it formalizes or bears on, the
     * statement, its parameters, Java methods ({@code package.Class#method}), Coq lemmas (qualified), the steps its
     * proof rests on, the proof status derived from them ({@link ProofStatus#of}) and tests.
     */
    public record Result(String id, String title, Label label, List<String> claims, String statement,
                         List<Parameter> parameters, List<String> java, List<String> coq, List<Hypothesis> hypotheses,
                         String proof, List<String> tests) {

        /** {@code R3 [derived]} followed by the claims, e.g. {@code (bears on C1, C2)}. */
        public String headline() {
            String c = claims.isEmpty() ? "" : " (bears on " + String.join(", ", claims) + ")";
            return id + " " + title + " " + label.tag() + c;
        }

        /**
         * The steps that are not proved in Coq, one line each, for terminal output.
         *
         * @return lines {@code [imported] name (source)} and {@code [assumed] name}, in list order
         */
        public List<String> unprovedSteps() {
            List<String> out = new ArrayList<>();
            for (Hypothesis h : hypotheses) {
                if (h.status() != Hypothesis.Status.PROVED) {
                    String src = h.source() == null ? "" : " (" + h.source() + ")";
                    out.add("[" + h.status().json() + "] " + h.name() + src);
                }
            }
            return Collections.unmodifiableList(out);
        }
    }
}
