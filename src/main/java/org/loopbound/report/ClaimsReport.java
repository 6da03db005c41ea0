package org.loopbound.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.loopbound.spec.ResultIndex;

/**
 * The claims audit: one section per claim C1–C6 of the abstract, each naming the results that formalize it (with
 * their labels and proof status from the result index), the simulation cross-check with its verdict and
 * statistics, the figures, and every number with its label and enclosure. Rendered as HTML and as JSON.
 */
public final class ClaimsReport {

    /** A number shown in the report: what it is, its value as printed (exact p/q or [lo, hi]) and its label. */
    public record Number(String what, String value, String label) {
    }

    /** A figure: file name (under figures/), caption, SVG text. */
    public record Figure(String file, String caption, String svg) {
    }

    /** A cross-check: verdict (PASS, FAIL or NONE when there is nothing to check) and its statistics. */
    public record CrossCheck(String verdict, String detail) {
    }

    /** One claim's section. */
    public static final class Section {
        final String claim;
        final List<String> results;
        final List<CrossCheck> checks = new ArrayList<>();
        final List<Figure> figures = new ArrayList<>();
        final List<Number> numbers = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Section(String claim, List<String> results) {
            this.claim = claim;
            this.results = List.copyOf(results);
        }

        /** Adds a cross-check. */
        public Section check(String verdict, String detail) {
            checks.add(new CrossCheck(verdict, detail));
            return this;
        }

        /** Adds a figure. */
        public Section figure(String file, String caption, String svg) {
            figures.add(new Figure(file, caption, svg));
            return this;
        }

        /** Adds a number with its label. */
        public Section number(String what, String value, String label) {
            numbers.add(new Number(what, value, label));
            return this;
        }

        /** Adds a note (a sentence of interpretation, never a new number). */
        public Section note(String text) {
            notes.add(text);
            return this;
        }

        /** PASS when every check passed, FAIL when any failed, NONE when there are no checks. */
        public String verdict() {
            if (checks.isEmpty()) {
                return "NONE";
            }
            return checks.stream().allMatch(c -> c.verdict().equals("PASS")) ? "PASS" : "FAIL";
        }
    }

    private final ResultIndex index;
    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final Map<String, String> configuration = new LinkedHashMap<>();

    /** An empty report over the bundled result index. */
    public ClaimsReport(ResultIndex index) {
        this.index = index;
    }

    /** The section of a claim, created with the results that bear on it. */
    public Section section(String claim, List<String> results) {
        return sections.computeIfAbsent(claim, c -> new Section(c, results));
    }

    /** The section of a claim created earlier by {@link #section(String, List)}. */
    public Section section(String claim) {
        Section s = sections.get(claim);
        if (s == null) {
            throw new IllegalArgumentException("no section for claim " + claim);
        }
        return s;
    }

    /** Records one configuration entry (seed, version, sizes…) shown at the top of the report. */
    public void configure(String key, String value) {
        configuration.put(key, value);
    }

    /** All figures of all sections, in order. */
    public List<Figure> figures() {
        List<Figure> out = new ArrayList<>();
        sections.values().forEach(s -> out.addAll(s.figures));
        return out;
    }

    /** Whether any cross-check failed. */
    public boolean anyFail() {
        return sections.values().stream().anyMatch(s -> s.verdict().equals("FAIL"));
    }

    private String claimText(String id) {
        return index.claims().getOrDefault(id, "");
    }

    private String proofStatus(String id) {
        ResultIndex.Result r = index.get(id);
        if (r.label() == ResultIndex.Label.IMPORTED) {
            return "imported (cited, used as a named hypothesis)";
        }
        String lemmas = r.coq().isEmpty() ? "" : " — Coq: " + String.join(", ",
                r.coq().stream().map(l -> l.substring(l.lastIndexOf('.') + 1)).toList());
        String key = r.java().stream().anyMatch(j -> j.startsWith("org.loopbound.kernel."))
                ? "; Java kernel contracts proved by KeY" : "";
        return r.proof() + lemmas + key;
    }

    /** The report as one JSON object. */
    public String toJson() {
        JsonObject o = new JsonObject();
        JsonObject conf = new JsonObject();
        configuration.forEach(conf::addProperty);
        o.add("configuration", conf);
        JsonArray secs = new JsonArray();
        for (Section s : sections.values()) {
            JsonObject so = new JsonObject();
            so.addProperty("claim", s.claim);
            so.addProperty("claim_label", "[claim]");
            so.addProperty("claim_text", claimText(s.claim));
            JsonArray rs = new JsonArray();
            for (String id : s.results) {
                JsonObject ro = new JsonObject();
                ResultIndex.Result r = index.get(id);
                ro.addProperty("result", id);
                ro.addProperty("title", r.title());
                ro.addProperty("label", r.label().tag());
                ro.addProperty("proof", proofStatus(id));
                rs.add(ro);
            }
            so.add("results", rs);
            so.addProperty("verdict", s.verdict());
            JsonArray cs = new JsonArray();
            for (CrossCheck c : s.checks) {
                JsonObject co = new JsonObject();
                co.addProperty("verdict", c.verdict());
                co.addProperty("detail", c.detail());
                cs.add(co);
            }
            so.add("cross_checks", cs);
            JsonArray ns = new JsonArray();
            for (Number n : s.numbers) {
                JsonObject no = new JsonObject();
                no.addProperty("what", n.what());
                no.addProperty("value", n.value());
                no.addProperty("label", n.label());
                ns.add(no);
            }
            so.add("numbers", ns);
            JsonArray fs = new JsonArray();
            s.figures.forEach(f -> fs.add("figures/" + f.file()));
            so.add("figures", fs);
            JsonArray notes = new JsonArray();
            s.notes.forEach(notes::add);
            so.add("notes", notes);
            secs.add(so);
        }
        o.add("claims", secs);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n";
    }

    /** The report as a standalone HTML page (figures referenced from figures/). */
    public String toHtml() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>loopbound — claims audit</title><style>")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;line-height:1.4}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:4px 8px;")
                .append("vertical-align:top;text-align:left}.PASS{color:#070;font-weight:bold}")
                .append(".FAIL{color:#b00;font-weight:bold}.NONE{color:#666}code{font-size:90%}")
                .append("figure{display:inline-block;margin:0.5em}figcaption{font-size:90%;max-width:640px}")
                .append("</style></head><body>\n");
        b.append("<h1>loopbound — claims audit</h1>\n<p>Source: Fu et al., arXiv:2402.11778. Only the paper's ")
                .append("abstract is known: the claims C1–C6 below are the abstract's (<b>[claim]</b>); every result ")
                .append("is this project's reconstruction, labelled <b>[derived]</b> (proved here) or ")
                .append("<b>[imported]</b> (cited). No number below is the paper's own constant.</p>\n");
        b.append("<h2>Summary</h2>\n<table><tr><th>claim</th><th>results</th><th>proof status</th>")
                .append("<th>simulation cross-check</th><th>figure</th></tr>\n");
        for (Section s : sections.values()) {
            b.append("<tr><td><a href=\"#").append(s.claim).append("\">").append(s.claim).append("</a> [claim]<br>")
                    .append(esc(claimText(s.claim))).append("</td><td>");
            for (String id : s.results) {
                b.append(esc(id + " " + index.get(id).title() + " " + index.get(id).label().tag())).append("<br>");
            }
            b.append("</td><td>");
            for (String id : s.results) {
                b.append(esc(id + ": " + proofStatus(id))).append("<br>");
            }
            b.append("</td><td><span class=\"").append(s.verdict()).append("\">").append(s.verdict())
                    .append("</span>");
            for (CrossCheck c : s.checks) {
                b.append("<br><span class=\"").append(c.verdict()).append("\">").append(c.verdict())
                        .append("</span> ").append(esc(c.detail()));
            }
            b.append("</td><td>");
            for (Figure f : s.figures) {
                b.append("<a href=\"figures/").append(f.file()).append("\">").append(f.file()).append("</a><br>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Configuration</h2>\n<table>");
        configuration.forEach((k, v) -> b.append("<tr><th>").append(esc(k)).append("</th><td><code>")
                .append(esc(v)).append("</code></td></tr>"));
        b.append("</table>\n");
        for (Section s : sections.values()) {
            b.append("<h2 id=\"").append(s.claim).append("\">").append(s.claim).append(" [claim]</h2>\n<p>")
                    .append(esc(claimText(s.claim))).append("</p>\n");
            for (String note : s.notes) {
                b.append("<p>").append(esc(note)).append("</p>\n");
            }
            if (!s.numbers.isEmpty()) {
                b.append("<table><tr><th>quantity</th><th>value</th><th>label</th></tr>\n");
                for (Number n : s.numbers) {
                    b.append("<tr><td>").append(esc(n.what())).append("</td><td><code>").append(esc(n.value()))
                            .append("</code></td><td>").append(esc(n.label())).append("</td></tr>\n");
                }
                b.append("</table>\n");
            }
            for (Figure f : s.figures) {
                b.append("<figure><img src=\"figures/").append(f.file()).append("\" alt=\"").append(esc(f.caption()))
                        .append("\"><figcaption>").append(esc(f.caption())).append("</figcaption></figure>\n");
            }
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
