package org.loopbound.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.index.qual.NonNegative;
import org.loopbound.run.ResumableTasks;
import org.loopbound.diffusion.DiffusionLoop;
import org.loopbound.diffusion.HistogramTv;
import org.loopbound.kde.KdeLoop;

/**
 * The {@link ResumableTasks.Codec}s of the diffusion and KDE simulations' per-replicate results. Doubles are stored as
 * their shortest round-trip decimal ({@link Double#toString}), so a resumed run prints the same bytes as an
 * uninterrupted one.
 */
final class LoopRecords {

    private LoopRecords() {
    }

    /** One replicate of {@code diffusion oracle}: the histogram TV estimate and its noise floor. */
    static ResumableTasks.Codec<HistogramTv.Estimate> estimate() {
        return new ResumableTasks.Codec<>() {
            @Override
            public JsonObject encode(HistogramTv.Estimate e) {
                JsonObject o = new JsonObject();
                o.addProperty("tv", Double.toString(e.tv()));
                o.addProperty("noise_floor", Double.toString(e.noiseFloor()));
                return o;
            }

            @Override
            public HistogramTv.Estimate decode(JsonObject o) {
                return new HistogramTv.Estimate(real(o, "tv"), real(o, "noise_floor"));
            }
        };
    }

    /** One replicate of a diffusion loop with generations 0..{@code last}. */
    static ResumableTasks.Codec<List<DiffusionLoop.Generation>> diffusion(int last) {
        return new ResumableTasks.Codec<>() {
            @Override
            public JsonObject encode(List<DiffusionLoop.Generation> run) {
                JsonArray a = new JsonArray();
                for (DiffusionLoop.Generation g : run) {
                    JsonObject o = new JsonObject();
                    o.addProperty("generation", g.generation());
                    o.addProperty("n", g.size());
                    o.addProperty("real", g.real());
                    o.addProperty("tau", Double.toString(g.tau()));
                    o.addProperty("tv", Double.toString(g.tv()));
                    o.addProperty("noise_floor", Double.toString(g.noiseFloor()));
                    a.add(o);
                }
                return wrap(a);
            }

            @Override
            public List<DiffusionLoop.Generation> decode(JsonObject record) {
                List<DiffusionLoop.Generation> out = new ArrayList<>();
                for (JsonObject o : generations(record, last)) {
                    out.add(new DiffusionLoop.Generation(o.get("generation").getAsInt(), o.get("n").getAsLong(),
                            o.get("real").getAsLong(), real(o, "tau"), real(o, "tv"), real(o, "noise_floor")));
                }
                return out;
            }
        };
    }

    /** One replicate of a KDE loop with generations 0..{@code last} and {@code points} check points. */
    static ResumableTasks.Codec<List<KdeLoop.Generation>> kde(int last, @NonNegative int points) {
        return new ResumableTasks.Codec<>() {
            @Override
            public JsonObject encode(List<KdeLoop.Generation> run) {
                JsonArray a = new JsonArray();
                for (KdeLoop.Generation g : run) {
                    JsonObject o = new JsonObject();
                    o.addProperty("generation", g.generation());
                    o.addProperty("n", g.size());
                    o.addProperty("bandwidth", Double.toString(g.bandwidth()));
                    o.addProperty("tv", Double.toString(g.tv()));
                    JsonArray d = new JsonArray();
                    for (double x : g.density()) {
                        d.add(Double.toString(x));
                    }
                    o.add("density", d);
                    a.add(o);
                }
                return wrap(a);
            }

            @Override
            public List<KdeLoop.Generation> decode(JsonObject record) {
                List<KdeLoop.Generation> out = new ArrayList<>();
                for (JsonObject o : generations(record, last)) {
                    JsonArray d = o.getAsJsonArray("density");
                    if (d.size() != points) {
                        throw new IllegalArgumentException("expected " + points + " densities, got " + d.size());
                    }
                    double[] density = new double[points];
                    for (int k = 0; k < density.length && k < d.size(); k++) {
                        density[k] = Double.parseDouble(d.get(k).getAsString());
                    }
                    out.add(new KdeLoop.Generation(o.get("generation").getAsInt(), o.get("n").getAsLong(),
                            real(o, "bandwidth"), real(o, "tv"), density));
                }
                return out;
            }
        };
    }

    private static JsonObject wrap(JsonArray generations) {
        JsonObject o = new JsonObject();
        o.add("generations", generations);
        return o;
    }

    /** The generation objects of a record, which must be exactly 0..last in order. */
    private static List<JsonObject> generations(JsonObject record, int last) {
        JsonArray a = record.getAsJsonArray("generations");
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement e : a) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("generation").getAsInt() != out.size()) {
                throw new IllegalArgumentException("generations out of order");
            }
            out.add(o);
        }
        if (out.size() != last + 1) {
            throw new IllegalArgumentException("expected generations 0.." + last + ", got " + out.size());
        }
        return out;
    }

    private static double real(JsonObject o, String key) {
        return Double.parseDouble(o.get(key).getAsString());
    }
}
