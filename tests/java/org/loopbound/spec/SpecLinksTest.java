package org.loopbound.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The links of spec/results.json resolve: every named Java method and test class exists, every public result class
 * of org.loopbound.bound has an entry, and every Coq lemma is listed in proofs/lemmas.tsv and, when the proofs are
 * built, exists in the compiled proofs with no axioms beyond the allow-listed ones of the reals (proofs/audit), and
 * the hypotheses each result lists are exactly the Section hypotheses its Coq lemmas rest on.
 */
class SpecLinksTest {

    private static final Path ROOT = Paths.get(System.getProperty("loopbound.projectDir", "."));
    /** Classes of org.loopbound.bound that are infrastructure, not results. */
    private static final Set<String> NOT_RESULTS = Set.of("Schedule", "LearningError", "ScenarioArguments",
            "ScenarioParameter", "ScenarioBound", "TargetWidth");

    static ResultIndex index() throws IOException {
        try (Reader r = Files.newBufferedReader(ROOT.resolve("spec/results.json"), StandardCharsets.UTF_8)) {
            return ResultIndex.parse(r);
        }
    }

    @Test
    void bundledIndexIsTheSpecFile() throws IOException {
        assertEquals(index().results(), ResultIndex.bundled().results());
    }

    @Test
    void javaMethodsExist() throws Exception {
        List<String> missing = new ArrayList<>();
        for (ResultIndex.Result r : index().results()) {
            for (String ref : r.java()) {
                String[] parts = ref.split("#");
                try {
                    Class<?> c = Class.forName(parts[0]);
                    boolean found = false;
                    for (Method m : c.getMethods()) {
                        found |= m.getName().equals(parts[1]) && Modifier.isPublic(m.getModifiers());
                    }
                    if (!found) {
                        missing.add(r.id() + ": " + ref + " (no public method)");
                    }
                } catch (ClassNotFoundException e) {
                    missing.add(r.id() + ": " + ref + " (no class)");
                }
            }
        }
        assertTrue(missing.isEmpty(), "spec names Java methods that do not exist: " + missing);
    }

    @Test
    void testClassesExist() throws IOException {
        List<String> missing = new ArrayList<>();
        for (ResultIndex.Result r : index().results()) {
            for (String t : r.tests()) {
                try {
                    Class.forName(t);
                } catch (ClassNotFoundException e) {
                    missing.add(r.id() + ": " + t);
                }
            }
        }
        assertTrue(missing.isEmpty(), "spec names tests that do not exist: " + missing);
    }

    @Test
    void everyPublicResultClassHasAnEntry() throws IOException {
        Set<String> named = new HashSet<>();
        for (ResultIndex.Result r : index().results()) {
            for (String ref : r.java()) {
                named.add(ref.split("#")[0]);
            }
        }
        Pattern publicType = Pattern.compile("^public (final )?(class|enum|interface|record) (\\w+)",
                Pattern.MULTILINE);
        List<String> orphans = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("src/main/java/org/loopbound/bound"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = publicType.matcher(Files.readString(f));
                if (m.find() && !NOT_RESULTS.contains(m.group(3))
                        && !named.contains("org.loopbound.bound." + m.group(3))) {
                    orphans.add(m.group(3));
                }
            }
        }
        assertTrue(orphans.isEmpty(), "public result classes without a spec entry: " + orphans);
    }

    @Test
    void derivedResultsNameCoqLemmasOrSayNotYetProved() throws IOException {
        for (ResultIndex.Result r : index().results()) {
            if (r.label() == ResultIndex.Label.DERIVED) {
                assertTrue(!r.coq().isEmpty() || r.proof().startsWith("not yet proved"),
                        r.id() + " is [derived] but names no Coq lemma");
            }
            if (r.label() == ResultIndex.Label.IMPORTED) {
                assertTrue(r.coq().isEmpty() && r.proof().startsWith("imported"), r.id() + " is [imported]");
            }
            for (String c : r.claims()) {
                assertTrue(c.matches("C[1-6]"), r.id() + " names an unknown claim " + c);
            }
        }
    }

    @Test
    void coqLemmasAreListedInLemmasTsv() throws IOException {
        Set<String> listed = new HashSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("proofs/lemmas.tsv"))) {
            String[] cols = line.split("\t");
            if (cols.length >= 2) {
                listed.add(cols[1]);
            }
        }
        for (ResultIndex.Result r : index().results()) {
            for (String lemma : lemmasOf(r)) {
                assertTrue(listed.contains(lemma), r.id() + ": " + lemma + " is not in proofs/lemmas.tsv");
            }
        }
    }

    /**
     * Runs proofs/audit on every lemma the spec names (a result's lemmas and the lemmas proving its steps): each must
     * exist in the compiled proofs, be closed with Qed and depend on no axiom outside the allow-list. Skipped only
     * when Coq is absent and -Dloopbound.requireProofs is not set (./check sets it, so CI never skips).
     */
    @Test
    void coqLemmasExistInCompiledProofsWithoutUnexpectedAxioms() throws Exception {
        List<String> lemmas = auditedLemmas(index());
        String out = audit(lemmas);
        assertFalse(out.contains("FAIL"), "proofs/audit failed:\n" + out);
        assertEquals(lemmas.size(), out.lines().filter(l -> l.startsWith("OK ")).count(), out);
    }

    /**
     * The hypotheses of every result are exactly what Coq uses: the named Prop premises that proofs/audit
     * --hypotheses reads from the closed lemmas (the Section hypotheses Coq generalized them over) are the spec's
     * imported or assumed steps that name a Coq hypothesis, plus the Section hypotheses stating parameter domains.
     */
    @Test
    void specHypothesesAreWhatCoqUses() throws Exception {
        ResultIndex spec = index();
        List<String> mismatches = hypothesisMismatches(spec, coqHypotheses(audit(auditedLemmas(spec))));
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    /**
     * Copies of the spec with one Section hypothesis dropped (the first imported or assumed step that names one)
     * and with a phantom hypothesis added to the first result both fail the check.
     */
    @Test
    void hypothesisCheckFailsOnPlantedMismatches() throws Exception {
        JsonObject root = JsonParser.parseString(Files.readString(ROOT.resolve("spec/results.json"))).getAsJsonObject();
        Map<String, Set<String>> coq = coqHypotheses(audit(auditedLemmas(index())));

        JsonObject dropped = root.deepCopy();
        String droppedFrom = null;
        String droppedName = null;
        for (JsonElement r : dropped.getAsJsonArray("results")) {
            JsonArray hyps = r.getAsJsonObject().getAsJsonArray("hypotheses");
            for (JsonElement h : hyps) {
                String name = coqName(h);
                if (droppedName == null && name != null
                        && !"proved".equals(h.getAsJsonObject().get("status").getAsString())) {
                    droppedFrom = r.getAsJsonObject().get("id").getAsString();
                    droppedName = name;
                    hyps.remove(h);
                    break;
                }
            }
        }
        assertTrue(droppedName != null, "no result lists a Section hypothesis to drop");
        String id = droppedFrom;
        String shortName = Objects.requireNonNull(droppedName).substring("Loopbound.".length());
        List<String> missing = hypothesisMismatches(ResultIndex.parse(new StringReader(dropped.toString())), coq);
        assertTrue(missing.stream().anyMatch(m -> m.startsWith(id + ":") && m.contains(shortName)),
                "dropping " + droppedName + " from " + id + " is not caught: " + missing);

        JsonObject phantom = root.deepCopy();
        JsonObject first = phantom.getAsJsonArray("results").get(0).getAsJsonObject();
        JsonObject extra = new JsonObject();
        extra.addProperty("name", "phantom");
        extra.addProperty("statement", "a premise that no Coq lemma has");
        extra.addProperty("status", "imported");
        extra.addProperty("coq", "Loopbound.Propagation.phantom");
        extra.addProperty("source", "none");
        first.getAsJsonArray("hypotheses").add(extra);
        String firstId = first.get("id").getAsString();
        List<String> extraFound = hypothesisMismatches(ResultIndex.parse(new StringReader(phantom.toString())), coq);
        assertTrue(extraFound.stream().anyMatch(m -> m.startsWith(firstId + ":") && m.contains("Propagation.phantom")),
                "a phantom hypothesis of " + firstId + " is not caught: " + extraFound);
    }

    private static @Nullable String coqName(JsonElement hypothesis) {
        JsonElement c = hypothesis.getAsJsonObject().get("coq");
        return c == null || c.isJsonNull() ? null : c.getAsString();
    }

    /** The lemmas of every result and the lemmas that prove its steps, each once. */
    static List<String> auditedLemmas(ResultIndex index) {
        Set<String> out = new LinkedHashSet<>();
        for (ResultIndex.Result r : index.results()) {
            out.addAll(lemmasOf(r));
        }
        return List.copyOf(out);
    }

    private static Set<String> lemmasOf(ResultIndex.Result r) {
        Set<String> out = new LinkedHashSet<>(r.coq());
        for (Hypothesis h : r.hypotheses()) {
            if (h.status() == Hypothesis.Status.PROVED) {
                out.add(Objects.requireNonNull(h.coq()));
            }
        }
        return out;
    }

    /**
     * Every difference between the spec's hypotheses and Coq's: per result, the Section hypotheses
     * ({@code Loopbound.File.H}) of its lemmas that neither a hypothesis nor a parameter names, and the names the
     * spec gives that none of its lemmas has.
     */
    static List<String> hypothesisMismatches(ResultIndex index, Map<String, Set<String>> coqHypotheses) {
        List<String> out = new ArrayList<>();
        for (ResultIndex.Result r : index.results()) {
            Map<String, String> used = new TreeMap<>();
            for (String lemma : lemmasOf(r)) {
                Set<String> hs = coqHypotheses.get(lemma);
                if (hs == null) {
                    out.add(r.id() + ": proofs/audit reported no hypotheses for " + lemma);
                    continue;
                }
                String module = lemma.substring(0, lemma.lastIndexOf('.') + 1);
                for (String h : hs) {
                    used.putIfAbsent(module + h, lemma);
                }
            }
            Set<String> named = new TreeSet<>();
            for (Hypothesis h : r.hypotheses()) {
                if (h.status() != Hypothesis.Status.PROVED && h.coq() != null) {
                    named.add(h.coq());
                }
            }
            for (ResultIndex.Parameter p : r.parameters()) {
                named.addAll(p.coq());
            }
            for (Map.Entry<String, String> u : used.entrySet()) {
                if (!named.contains(u.getKey())) {
                    out.add(r.id() + ": Coq's " + u.getValue() + " rests on " + u.getKey()
                            + ", which no hypothesis or parameter of the spec names");
                }
            }
            for (String n : named) {
                if (!used.containsKey(n)) {
                    out.add(r.id() + ": the spec names " + n + ", which none of its Coq lemmas rests on");
                }
            }
        }
        return out;
    }

    /** Lemma → its named Prop premises, from the {@code HYPS lemma: H1 H2} lines of proofs/audit --hypotheses. */
    static Map<String, Set<String>> coqHypotheses(String auditOutput) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String line : auditOutput.lines().toList()) {
            if (line.startsWith("HYPS ")) {
                int colon = line.indexOf(':');
                String rest = line.substring(colon + 1).trim();
                out.put(line.substring(5, colon), rest.isEmpty() ? Set.of() : Set.of(rest.split(" ")));
            }
        }
        return out;
    }

    private static final Map<List<String>, String> AUDITS = new HashMap<>();

    /**
     * The output of {@code proofs/audit --hypotheses} on these lemmas (run once per list: a run takes minutes).
     * Skips the calling test when the proofs are not built and -Dloopbound.requireProofs is not set; fails when the
     * audit exits with an error other than a FAIL line.
     */
    static synchronized String audit(List<String> lemmas) throws Exception {
        boolean required = Boolean.getBoolean("loopbound.requireProofs");
        boolean built = Files.exists(ROOT.resolve("proofs/Propagation.vo"));
        if (!required) {
            assumeTrue(built, "Coq proofs not built (run make -C proofs, or ./check)");
        }
        assertTrue(built, "proofs/ must be built before the tests (./check runs make -C proofs)");
        String cached = AUDITS.get(lemmas);
        if (cached != null) {
            return cached;
        }
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("proofs/audit").toString(), "--hypotheses"));
        cmd.addAll(lemmas);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("proofs/audit did not finish in 10 minutes");
        }
        assertTrue(p.exitValue() == 0 || p.exitValue() == 1, "proofs/audit exited " + p.exitValue() + ":\n" + out);
        AUDITS.put(lemmas, out);
        return out;
    }
}
