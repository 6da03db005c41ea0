package org.loopbound.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.loopbound.audit.AuditReport;
import org.loopbound.audit.ClaimSection;
import org.loopbound.plot.SvgPlot;
import org.loopbound.spec.Hypothesis;
import org.loopbound.spec.ResultIndex;

/**
 * The claims audit as a page: one section per claim C1–C6 of the abstract, each naming the results that formalize it
 * (with their labels and proof status), the simulation cross-checks with their verdicts and statistics, the figures,
 * and every number with its label. Rendered as HTML and as JSON; renders what the audit returns and computes nothing.
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

    private final AuditReport audit;

    /**
     * The report of an audit.
     *
     * @param audit the audit's outcome
     */
    public ClaimsReport(AuditReport audit) {
        this.audit = audit;
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

    /**
     * The report as one JSON object.
     *
     * @return the JSON text with a trailing newline
     */
    public String toJson() {
        JsonObject o = new JsonObject();
        JsonObject conf = new JsonObject();
        audit.configuration().forEach(conf::addProperty);
        o.add("configuration", conf);
        JsonArray secs = new JsonArray();
        for (ClaimSection s : audit.sections()) {
            JsonObject so = new JsonObject();
            so.addProperty("claim", s.claim());
            so.addProperty("claim_label", "[claim]");
            so.addProperty("claim_text", s.text());
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
                for (List<String> r : t.rows()) {
                    JsonArray row = new JsonArray();
                    r.forEach(row::add);
                    rows.add(row);
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
     * The report as a standalone HTML page (figures referenced from figures/).
     *
     * @return the HTML text
     */
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
        for (ClaimSection s : audit.sections()) {
            b.append("<tr><td><a href=\"#").append(s.claim()).append("\">").append(s.claim())
                    .append("</a> [claim]<br>").append(esc(s.text())).append("</td><td>");
            for (ResultIndex.Result r : s.results()) {
                b.append(esc(r.id() + " " + r.title() + " " + r.label().tag())).append("<br>");
            }
            b.append("</td><td>");
            for (ResultIndex.Result r : s.results()) {
                b.append(esc(r.id() + ": " + proofStatus(r))).append("<br>");
                for (String step : r.unprovedSteps()) {
                    b.append("<small>&nbsp;&nbsp;").append(esc(step)).append("</small><br>");
                }
            }
            b.append("</td><td><span class=\"").append(s.verdict()).append("\">").append(s.verdict())
                    .append("</span>");
            for (ClaimSection.CrossCheck c : s.checks()) {
                b.append("<br><i>Criterion:</i> ").append(esc(c.criterion())).append("<br><span class=\"")
                        .append(c.verdict()).append("\">").append(c.verdict()).append("</span> ")
                        .append(esc(c.detail()));
            }
            b.append("</td><td>");
            for (ClaimSection.Figure f : s.figures()) {
                b.append("<a href=\"figures/").append(f.file()).append("\">").append(f.file()).append("</a><br>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Configuration</h2>\n<table>");
        audit.configuration().forEach((k, v) -> b.append("<tr><th>").append(esc(k)).append("</th><td><code>")
                .append(esc(v)).append("</code></td></tr>"));
        b.append("</table>\n");
        for (ClaimSection s : audit.sections()) {
            b.append("<h2 id=\"").append(s.claim()).append("\">").append(s.claim()).append(" [claim]</h2>\n<p>")
                    .append(esc(s.text())).append("</p>\n");
            for (String note : s.notes()) {
                b.append("<p>").append(esc(note)).append("</p>\n");
            }
            if (!s.numbers().isEmpty()) {
                b.append("<table><tr><th>quantity</th><th>value</th><th>label</th></tr>\n");
                for (ClaimSection.Quantity n : s.numbers()) {
                    b.append("<tr><td>").append(esc(n.what())).append("</td><td><code>").append(esc(n.value()))
                            .append("</code></td><td>").append(esc(n.label())).append("</td></tr>\n");
                }
                b.append("</table>\n");
            }
            for (ClaimSection.Table t : s.tables()) {
                b.append("<table><caption>").append(esc(t.title())).append("</caption><tr>");
                t.columns().forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
                b.append("</tr>\n");
                for (List<String> r : t.rows()) {
                    b.append("<tr>");
                    r.forEach(c -> b.append("<td><code>").append(esc(c)).append("</code></td>"));
                    b.append("</tr>\n");
                }
                b.append("</table>\n");
            }
            for (ClaimSection.Figure f : s.figures()) {
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
