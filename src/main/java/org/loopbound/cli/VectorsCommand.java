package org.loopbound.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.loopbound.run.AtomicFiles;
import org.loopbound.run.RunDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loopbound vectors}: writes the golden test vectors (schema: spec/vectors/README.md). */
@Command(name = "vectors",
        description = {"Write golden test vectors for every result with a command-line output: parameters as exact",
            "strings, values as exact rationals or certified enclosures (spec/vectors/README.md)."})
public final class VectorsCommand implements Runnable {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "spec/vectors",
            description = "Directory to write vectors.json into: absent, empty, or written by an earlier vectors"
                    + " (default: ${DEFAULT-VALUE}); written atomically.")
    String out = "spec/vectors";

    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Path file = RunDirectory.claim(Paths.get(out), "vectors").resolve("vectors.json");
        JsonObject root = new JsonObject();
        root.addProperty("schema", "loopbound vectors v1");
        root.addProperty("generator", "loopbound vectors (regenerate: ./loopbound vectors --out spec/vectors)");
        JsonArray all = new JsonArray();
        for (List<String> args : GoldenVectors.COMMANDS) {
            for (GoldenVectors.Vector v : GoldenVectors.vectorsOf(args)) {
                all.add(GoldenVectors.toJson(v));
            }
        }
        root.add("vectors", all);
        AtomicFiles.writeUnchecked(file, Json.print(root));
        spec.commandLine().getOut().println("wrote " + all.size() + " vectors to " + file);
        spec.commandLine().getOut().flush();
    }
}
