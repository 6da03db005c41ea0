package org.loopbound.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The links of spec/results.json resolve: every named Java method and test class exists, every public result class
 * of org.loopbound.bound has an entry, and every Coq lemma is listed in proofs/lemmas.tsv and, when the proofs are
 * built, exists in the compiled proofs with no axioms beyond the allow-listed ones of the reals (proofs/audit).
 */
class SpecLinksTest {

    private static final Path ROOT = Paths.get(System.getProperty("loopbound.projectDir", "."));
    /** Classes of org.loopbound.bound that are infrastructure, not results. */
    private static final Set<String> NOT_RESULTS = Set.of("Schedule", "LearningError", "ScenarioArguments",
            "ScenarioParameter", "ScenarioBound");

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
            for (String lemma : r.coq()) {
                assertTrue(listed.contains(lemma), r.id() + ": " + lemma + " is not in proofs/lemmas.tsv");
            }
        }
    }

    /**
     * Runs proofs/audit on every lemma the spec names: each must exist in the compiled proofs, be closed with Qed
     * and depend on no axiom outside the allow-list. Skipped only when Coq is absent and -Dloopbound.requireProofs
     * is not set (the README's test command sets it, so CI never skips).
     */
    @Test
    void coqLemmasExistInCompiledProofsWithoutUnexpectedAxioms() throws Exception {
        boolean required = Boolean.getBoolean("loopbound.requireProofs");
        boolean built = Files.exists(ROOT.resolve("proofs/Propagation.vo"));
        if (!required) {
            assumeTrue(built, "Coq proofs not built (run make -C proofs, or ./check)");
        }
        assertTrue(built, "proofs/ must be built before the tests (./check runs make -C proofs)");
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("proofs/audit").toString()));
        for (ResultIndex.Result r : index().results()) {
            cmd.addAll(r.coq());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("proofs/audit did not finish in 10 minutes");
        }
        assertEquals(0, p.exitValue(), "proofs/audit failed:\n" + out);
        assertFalse(out.contains("FAIL"), out);
        assertEquals(cmd.size() - 1, out.lines().filter(l -> l.startsWith("OK ")).count(), out);
    }
}
