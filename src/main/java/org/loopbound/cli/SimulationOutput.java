package org.loopbound.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Locale;
import org.loopbound.spec.ResultIndex;
import org.loopbound.stats.MeanInterval;
import picocli.CommandLine;

/**
 * How the diffusion and KDE simulations print: the labels of the results they bear on, the simulation note, and
 * simulated means with their intervals as decimal strings of doubles (never as "exact" values).
 */
final class SimulationOutput {

    static final String SIMULATED = "simulation in double precision (not certified): means over replicates with 95%"
            + " Student-t confidence intervals";

    private SimulationOutput() {
    }

    /** The label lines of the results a simulation bears on. */
    static String labels(String... ids) {
        StringBuilder b = new StringBuilder();
        for (String id : ids) {
            b.append(ResultIndex.bundled().get(id).headline()).append('\n');
        }
        b.append("([derived] results are this project's reconstructions, not the paper's own theorems; [imported]"
                + " ones are cited.)\n");
        return b.toString();
    }

    /** A JSON result object for {@code id} with a {@code related} list of further results and the simulation note. */
    static JsonObject result(String id, String... related) {
        JsonObject o = Json.resultObject(id);
        JsonArray rel = new JsonArray();
        for (String r : related) {
            JsonObject x = Json.resultObject(r);
            x.remove("parameters");
            rel.add(x);
        }
        o.add("related", rel);
        o.addProperty("simulation", SIMULATED);
        return o;
    }

    /** A simulated mean with its interval as JSON. */
    static JsonObject simulated(MeanInterval m) {
        JsonObject o = new JsonObject();
        o.addProperty("mean", num(m.mean()));
        o.addProperty("ci95_lo", num(m.lo()));
        o.addProperty("ci95_hi", num(m.hi()));
        o.addProperty("sd", num(m.sd()));
        o.addProperty("replicates", m.count());
        return o;
    }

    /** A simulated mean with its interval for tables. */
    static String cell(MeanInterval m) {
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", m.mean(), m.lo(), m.hi());
    }

    /** A double for JSON and CSV, with 6 significant digits (simulated values carry no more). */
    static String num(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }

    static void emit(CommandLine.Model.CommandSpec spec, String text) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
    }
}
