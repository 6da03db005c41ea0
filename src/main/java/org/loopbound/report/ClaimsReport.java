package org.loopbound.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loopbound.audit.AuditReport;
import org.loopbound.audit.ClaimSection;
import org.loopbound.plot.SvgPlot;
import org.loopbound.spec.Hypothesis;
import org.loopbound.spec.ResultIndex;

/**
 * The claims audit as a page: a summary table with one row per claim C1–C6 of the abstract (what the audit shows —
 * supported, not shown or contradicted, by {@link ClaimStatus}'s rule —, the criteria, the result and the proof
 * status), then one section per claim: its one-line verdict first, the results that formalize it with their labels
 * and proof status, each cross-check's criterion before its result, the numbers (shown to {@link ShownValue#DIGITS}
 * significant digits, the full value one click away), tables, notes and figures (inline, scaled to the page width,
 * each captioned with the command that regenerates it). Rendered as HTML and as JSON (where every value is in full);
 * renders what the audit returns and computes nothing.
 */
public final class ClaimsReport {

    /**
     * A rendered figure.
     *
     * @param file its file name (under figures/)
     * @param svg the SVG document
     */
    public record Figure(String file, String svg) {
    }

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private final AuditReport audit;
    private final String command;

    /**
     * The report of an audit.
     *
     * @param audit the audit's outcome
     * @param command the command line that runs this audit again and rewrites the report and its figures, e.g.
     *     {@code loopbound reproduce --quick --seed 1 --out out/report}
     */
    public ClaimsReport(AuditReport audit, String command) {
        this.audit = audit;
        this.command = command;
    }

    /**
     * Every figure of every section, in order, drawn as SVG.
     *
     * @return the figures
     */
    public List<Figure> figures() {
        List<Figure> out = new ArrayList<>();
        for (ClaimSection s : audit.sections()) {
            for (ClaimSection.Figure f : s.figures()) {
                out.add(new Figure(f.file(), SvgPlot.of(f.chart()).render()));
            }
        }
        return out;
    }

    /**
     * Whether any cross-check failed.
     *
     * @return true when the audit has a failing cross-check
     */
    public boolean anyFail() {
        return audit.anyFail();
    }

    /**
     * Whether every claim's cross-checks passed.
     *
     * @return true when every claim is supported
     */
    public boolean allPass() {
        return audit.allPass();
    }

    private static String proofStatus(ResultIndex.Result r) {
        if (r.label() == ResultIndex.Label.IMPORTED) {
            return "imported (cited, used as a named hypothesis)";
        }
        String lemmas = r.coq().isEmpty() ? "" : " — Coq: " + String.join(", ",
                r.coq().stream().map(l -> l.substring(l.lastIndexOf('.') + 1)).toList());
        String key = r.java().stream().anyMatch(j -> j.startsWith("org.loopbound.kernel."))
                ? "; Java kernel contracts proved by KeY" : "";
        return r.proof() + lemmas + key;
    }

    /** The claim's verdict in one line, from its checks' statuses. */
    private static String oneLine(ClaimSection s) {
        List<ClaimSection.CrossCheck> checks = s.checks();
        ClaimStatus status = ClaimStatus.of(s.verdict());
        long met = checks.stream().filter(c -> ClaimStatus.of(c.verdict()) == ClaimStatus.SUPPORTED).count();
        long failed = checks.stream().filter(c -> ClaimStatus.of(c.verdict()) == ClaimStatus.CONTRADICTED).count();
        String counts = checks.isEmpty() ? "no simulation cross-check bears on it"
                : met + " of " + checks.size() + " cross-check" + (checks.size() == 1 ? "" : "s") + " met "
                + (checks.size() == 1 ? "its criterion" : "their criteria")
                + (failed > 0 ? ", " + failed + " failed" : "")
                + (checks.size() - met - failed > 0 ? ", " + (checks.size() - met - failed) + " decided neither way"
                        + " (INCONCLUSIVE)" : "");
        return s.claim() + " is " + status.label() + ": " + counts + ".";
    }

    /**
     * The report as one JSON object: the run's configuration and command, the verdict rule, and per claim its status,
     * results with proof status and hypotheses, cross-checks with criteria, numbers in full, tables, figures, notes.
     *
     * @return the JSON text with a trailing newline
     */
    public String toJson() {
        JsonObject o = new JsonObject();
        JsonObject conf = new JsonObject();
        audit.configuration().forEach(conf::addProperty);
        o.add("configuration", conf);
        o.addProperty("command", command);
        o.addProperty("verdict_rule", ClaimStatus.RULE);
        JsonArray secs = new JsonArray();
        for (ClaimSection s : audit.sections()) {
            JsonObject so = new JsonObject();
            so.addProperty("claim", s.claim());
            so.addProperty("claim_label", "[claim]");
            so.addProperty("claim_text", s.text());
            so.addProperty("status", ClaimStatus.of(s.verdict()).label());
            so.addProperty("one_line", oneLine(s));
            JsonArray rs = new JsonArray();
            for (ResultIndex.Result r : s.results()) {
                JsonObject ro = new JsonObject();
                ro.addProperty("result", r.id());
                ro.addProperty("title", r.title());
                ro.addProperty("label", r.label().tag());
                ro.addProperty("proof", proofStatus(r));
                JsonArray hs = new JsonArray();
                for (Hypothesis h : r.hypotheses()) {
                    JsonObject ho = new JsonObject();
                    ho.addProperty("name", h.name());
                    ho.addProperty("statement", h.statement());
                    ho.addProperty("status", h.status().json());
                    String coq = h.coq();
                    if (coq != null) {
                        ho.addProperty("coq", coq);
                    }
                    String source = h.source();
                    if (source != null) {
                        ho.addProperty("source", source);
                    }
                    hs.add(ho);
                }
                ro.add("hypotheses", hs);
                rs.add(ro);
            }
            so.add("results", rs);
            so.addProperty("verdict", s.verdict().name());
            JsonArray cs = new JsonArray();
            for (ClaimSection.CrossCheck c : s.checks()) {
                JsonObject co = new JsonObject();
                co.addProperty("verdict", c.verdict().name());
                co.addProperty("status", ClaimStatus.of(c.verdict()).label());
                co.addProperty("criterion", c.criterion());
                co.addProperty("detail", c.detail());
                cs.add(co);
            }
            so.add("cross_checks", cs);
            JsonArray ns = new JsonArray();
            for (ClaimSection.Quantity n : s.numbers()) {
                JsonObject no = new JsonObject();
                no.addProperty("what", n.what());
                no.addProperty("value", n.value());
                no.addProperty("label", n.label());
                ns.add(no);
            }
            so.add("numbers", ns);
            JsonArray ts = new JsonArray();
            for (ClaimSection.Table t : s.tables()) {
                JsonObject to = new JsonObject();
                to.addProperty("title", t.title());
                JsonArray cols = new JsonArray();
                t.columns().forEach(cols::add);
                to.add("columns", cols);
                JsonArray rows = new JsonArray();
                for (List<String> row : t.rows()) {
                    JsonArray cells = new JsonArray();
                    row.forEach(cells::add);
                    rows.add(cells);
                }
                to.add("rows", rows);
                ts.add(to);
            }
            so.add("tables", ts);
            JsonArray fs = new JsonArray();
            s.figures().forEach(f -> fs.add("figures/" + f.file()));
            so.add("figures", fs);
            JsonArray notes = new JsonArray();
            s.notes().forEach(notes::add);
            so.add("notes", notes);
            secs.add(so);
        }
        o.add("claims", secs);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n";
    }

    /**
     * The report as a standalone HTML page: figures inline (each also written under figures/ and linked).
     *
     * @return the HTML text
     */
    public String toHtml() {
        Map<String, String> svgs = new HashMap<>();
        for (Figure f : figures()) {
            svgs.put(f.file(), f.svg());
        }
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>loopbound — claims audit</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;line-height:1.45}\n")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:4px 8px;")
                .append("vertical-align:top;text-align:left}\n")
                .append("table.summary{width:100%}table.summary td{font-size:95%}\n")
                .append(".supported{color:#060;font-weight:bold}.contradicted{color:#b00;font-weight:bold}")
                .append(".not-shown{color:#8a5a00;font-weight:bold}\n")
                .append(".verdict{font-size:110%;padding:.4em .6em;border-left:4px solid #888;background:#f6f6f6}\n")
                .append(".check{margin:.8em 0;padding:.2em .8em;border:1px solid #ddd}\n")
                .append("code{font-size:90%;overflow-wrap:anywhere}details code{word-break:break-all}\n")
                .append("figure{margin:1.5em 0}figure svg{display:block;width:100%;height:auto;")
                .append("border:1px solid #ddd}figcaption{font-size:95%;margin-top:.4em}\n")
                .append("small{color:#555}small code{font-size:100%}td p{margin:0 0 .5em}\n</style></head><body>\n");
        b.append("<h1>loopbound — claims audit</h1>\n<p>Source: Fu et al., arXiv:2402.11778. Only the paper's ")
                .append("abstract is known: the claims C1–C6 below are the abstract's (<b>[claim]</b>); every result ")
                .append("is this project's reconstruction, labelled <b>[derived]</b> (proved here) or ")
                .append("<b>[imported]</b> (cited). No number below is the paper's own constant.</p>\n");
        b.append("<h2>Summary</h2>\n<p><small>Verdict rule: ").append(esc(ClaimStatus.RULE))
                .append("</small></p>\n<table class=\"summary\"><tr><th style=\"width:24%\">claim</th>")
                .append("<th>verdict</th><th style=\"width:36%\">criterion (stated before the result)</th>")
                .append("<th style=\"width:18%\">result</th><th style=\"width:14%\">proof status</th></tr>\n");
        for (ClaimSection s : audit.sections()) {
            ClaimStatus status = ClaimStatus.of(s.verdict());
            b.append("<tr><td><a href=\"#").append(s.claim()).append("\">").append(s.claim())
                    .append("</a> <small>[claim] ").append(esc(s.text())).append("</small></td><td><span class=\"")
                    .append(status.cssClass()).append("\">").append(status.label()).append("</span></td><td>");
            if (s.checks().isEmpty()) {
                b.append("<small>no cross-check</small>");
            }
            for (String criterion : new java.util.LinkedHashSet<>(s.checks().stream()
                    .map(ClaimSection.CrossCheck::criterion).toList())) {
                b.append("<p>").append(esc(criterion)).append("</p>");
            }
            b.append("</td><td>").append(esc(oneLine(s))).append("<br>");
            for (ClaimSection.CrossCheck c : s.checks()) {
                ClaimStatus cs = ClaimStatus.of(c.verdict());
                b.append("<span class=\"").append(cs.cssClass()).append("\">").append(c.verdict())
                        .append("</span> ");
            }
            b.append("</td><td>");
            for (ResultIndex.Result r : s.results()) {
                b.append(esc(r.id() + " " + r.label().tag() + ": " + r.proof())).append("<br>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Configuration</h2>\n<table>");
        audit.configuration().forEach((k, v) -> b.append("<tr><th>").append(esc(k)).append("</th><td><code>")
                .append(esc(v)).append("</code></td></tr>"));
        b.append("<tr><th>command</th><td><code>").append(esc(command)).append("</code></td></tr></table>\n");
        for (ClaimSection s : audit.sections()) {
            section(b, s, svgs);
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private void section(StringBuilder b, ClaimSection s, Map<String, String> svgs) {
        ClaimStatus status = ClaimStatus.of(s.verdict());
        b.append("<h2 id=\"").append(s.claim()).append("\">").append(s.claim()).append(" — <span class=\"")
                .append(status.cssClass()).append("\">").append(status.label()).append("</span></h2>\n")
                .append("<p class=\"verdict\">").append(esc(oneLine(s))).append("</p>\n<p><b>[claim]</b> ")
                .append(esc(s.text())).append("</p>\n<h3>Results and proof status</h3>\n<ul>\n");
        for (ResultIndex.Result r : s.results()) {
            b.append("<li>").append(esc(r.id() + " " + r.title() + " " + r.label().tag())).append(": ")
                    .append(esc(proofStatus(r)));
            for (String step : r.unprovedSteps()) {
                b.append("<br><small>").append(esc(step)).append("</small>");
            }
            b.append("</li>\n");
        }
        b.append("</ul>\n");
        if (!s.checks().isEmpty()) {
            b.append("<h3>Cross-checks</h3>\n");
        }
        for (ClaimSection.CrossCheck c : s.checks()) {
            ClaimStatus cs = ClaimStatus.of(c.verdict());
            b.append("<div class=\"check\"><p><b>Criterion:</b> ").append(esc(c.criterion())).append("</p><p><b>")
                    .append("Result:</b> <span class=\"").append(cs.cssClass()).append("\">").append(cs.label())
                    .append("</span> (").append(c.verdict()).append(") — ").append(withCode(c.detail()))
                    .append("</p></div>\n");
        }
        if (!s.numbers().isEmpty()) {
            b.append("<h3>Numbers</h3>\n<table><tr><th>quantity</th><th>value (").append(ShownValue.DIGITS)
                    .append(" significant digits; click for the full value)</th><th>label</th></tr>\n");
            for (ClaimSection.Quantity n : s.numbers()) {
                b.append("<tr><td>").append(esc(n.what())).append("</td><td>").append(value(n.value()))
                        .append("</td><td>").append(esc(n.label())).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        for (ClaimSection.Table t : s.tables()) {
            b.append("<h3>").append(esc(t.title())).append("</h3>\n<table><tr>");
            t.columns().forEach(col -> b.append("<th>").append(esc(col)).append("</th>"));
            b.append("</tr>\n");
            for (List<String> row : t.rows()) {
                b.append("<tr>");
                for (String cell : row) {
                    String shown = ShownValue.of(cell);
                    b.append(shown.equals(cell) ? "<td>" : "<td title=\"" + esc(cell) + "\">").append(esc(shown))
                            .append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</table>\n");
        }
        for (String note : s.notes()) {
            b.append("<p>").append(esc(note)).append("</p>\n");
        }
        for (ClaimSection.Figure f : s.figures()) {
            b.append("<figure id=\"figure-").append(esc(f.file())).append("\">\n")
                    .append(svgs.getOrDefault(f.file(), "")).append("<figcaption>").append(esc(f.caption()))
                    .append("<br><small>Regenerated by <code>").append(esc(command)).append("</code> as <a href=\"")
                    .append("figures/").append(esc(f.file())).append("\">figures/").append(esc(f.file()))
                    .append("</a>.</small></figcaption></figure>\n");
        }
    }

    /** A value shortened for the page, with the full value one click away when it was shortened. */
    private static String value(String full) {
        String shown = ShownValue.of(full);
        if (shown.equals(full)) {
            return "<code>" + esc(full) + "</code>";
        }
        return "<details><summary><code>" + esc(shown) + "</code></summary><code>" + esc(full)
                + "</code></details>";
    }

    /** Escapes a text and shows its `quoted` commands as code. */
    private static String withCode(String text) {
        Matcher m = CODE.matcher(esc(text));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("<code>" + m.group(1) + "</code>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
