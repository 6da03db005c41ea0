package org.loopbound.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract ledger spec/contract-ledger.md: every JML contract of the main code with how it is established —
 * proved by KeY (the kernel), its mathematics proved in Coq (methods named by a [derived] result of
 * spec/results.json, with the lemmas), or checked by tests (the test classes that exercise the class).
 *
 * <p>The test fails when the committed ledger differs from the one generated from the sources, or when a contract
 * is established by nothing. Regenerate with
 * {@code mvn -q test -Dtest=ContractLedgerTest -Dloopbound.updateLedger=true}.
 */
class ContractLedgerTest {

    private static final Path ROOT = Paths.get(System.getProperty("loopbound.projectDir", "."));
    private static final Path LEDGER = ROOT.resolve("spec/contract-ledger.md");
    private static final Pattern CONTRACT = Pattern.compile(
            "/\\*@(.*?)@\\*/\\s*(?:/\\*\\*.*?\\*/\\s*)?(?:@\\w+(?:\\([^)]*\\))?\\s*)*"
                    + "public\\s+(?:static\\s+)?(?:final\\s+)?(?:synchronized\\s+)?(?:<[^>]+>\\s+)?[\\w<>\\[\\],.? ]+?\\s+"
                    + "(\\w+)\\s*\\(", Pattern.DOTALL);

    record Contract(String type, String method, String clauses) {
    }

    static List<Contract> contracts() throws IOException {
        List<Contract> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
                String src = Files.readString(f, StandardCharsets.UTF_8);
                String type = ROOT.resolve("src/main/java").relativize(f).toString()
                        .replace('/', '.').replaceAll("\\.java$", "");
                Matcher m = CONTRACT.matcher(src);
                while (m.find()) {
                    String clauses = m.group(1).replaceAll("(?m)^\\s*@", " ").replaceAll("\\s+", " ").trim();
                    out.add(new Contract(type, m.group(2), clauses));
                }
            }
        }
        return out;
    }

    static String establishment(Contract c, ResultIndex index, Map<String, String> testsMentioning) {
        if (c.type().startsWith("org.loopbound.kernel.")) {
            return "proved by KeY 2.12.3 (intRules:javaSemantics; KernelContractsProofTest)";
        }
        String ref = c.type() + "#" + c.method();
        for (ResultIndex.Result r : index.results()) {
            if (r.java().contains(ref)) {
                String lemmas = r.coq().isEmpty() ? "none"
                        : r.coq().stream().map(l -> l.substring(l.lastIndexOf('.') + 1))
                        .collect(Collectors.joining(", "));
                return r.id() + " " + r.label().tag() + ": mathematics " + r.proof() + " (Coq: " + lemmas
                        + "); implementation checked by " + String.join(", ", simpleNames(r.tests()));
            }
        }
        String simple = c.type().substring(c.type().lastIndexOf('.') + 1);
        String tests = testsMentioning.get(simple);
        if (tests != null) {
            return "checked by tests: " + tests;
        }
        String pkg = c.type().substring(0, c.type().lastIndexOf('.'));
        String indirect = testsMentioning.get("package " + pkg);
        return indirect == null ? "NOT ESTABLISHED" : "checked indirectly (through its callers) by " + indirect;
    }

    private static List<String> simpleNames(List<String> fq) {
        return fq.stream().map(s -> s.substring(s.lastIndexOf('.') + 1)).collect(Collectors.toList());
    }

    /** For each main class's simple name, the test classes whose source mentions it. */
    static Map<String, String> testsMentioning(List<Contract> contracts) throws IOException {
        Map<String, TreeSet<String>> found = new TreeMap<>();
        List<Path> testFiles;
        try (Stream<Path> files = Files.walk(ROOT.resolve("tests/java"))) {
            testFiles = files.filter(p -> p.toString().endsWith("Test.java")).sorted().collect(Collectors.toList());
        }
        for (Contract c : contracts) {
            String simple = c.type().substring(c.type().lastIndexOf('.') + 1);
            Pattern word = Pattern.compile("\\b" + Pattern.quote(simple) + "\\b");
            for (Path t : testFiles) {
                if (word.matcher(Files.readString(t, StandardCharsets.UTF_8)).find()) {
                    found.computeIfAbsent(simple, k -> new TreeSet<>())
                            .add(t.getFileName().toString().replace(".java", ""));
                }
            }
        }
        for (Path t : testFiles) {
            String src = Files.readString(t, StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(src);
            if (m.find()) {
                found.computeIfAbsent("package " + m.group(1), k -> new TreeSet<>())
                        .add(t.getFileName().toString().replace(".java", ""));
            }
        }
        Map<String, String> out = new TreeMap<>();
        found.forEach((k, v) -> out.put(k, String.join(", ", v)));
        return out;
    }

    static String render() throws IOException {
        List<Contract> contracts = contracts();
        ResultIndex index = SpecLinksTest.index();
        Map<String, String> tests = testsMentioning(contracts);
        StringBuilder b = new StringBuilder();
        b.append("# Contract ledger\n\n")
                .append("Generated by `ContractLedgerTest` from the JML contracts in `src/main/java` (regenerate: ")
                .append("`mvn -q test -Dtest=ContractLedgerTest -Dloopbound.updateLedger=true`). Every public ")
                .append("method's contract and how it is established. KeY proves the kernel's contracts; the ")
                .append("mathematics of [derived] results is proved in Coq; the Java implementations of those ")
                .append("results, and all other contracts, are checked by the named tests (property tests with ")
                .append("fixed seeds where the contract is a property). Trusted, unproved stub contracts are ")
                .append("listed in `spec/contracts.md`.\n\n")
                .append("| method | contract | established by |\n|---|---|---|\n");
        for (Contract c : contracts) {
            b.append("| `").append(c.type().replace("org.loopbound.", "")).append('#').append(c.method())
                    .append("` | ").append(c.clauses().replace("|", "\\|")).append(" | ")
                    .append(establishment(c, index, tests).replace("|", "\\|")).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void ledgerIsUpToDateAndEveryContractIsEstablished() throws IOException {
        String generated = render();
        if (Boolean.getBoolean("loopbound.updateLedger")) {
            Path tmp = Files.createTempFile(LEDGER.getParent(), "ledger", ".tmp");
            Files.writeString(tmp, generated, StandardCharsets.UTF_8);
            Files.move(tmp, LEDGER, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        assertTrue(!generated.contains("NOT ESTABLISHED"),
                "contracts established by nothing:\n" + generated.lines().filter(l -> l.contains("NOT ESTABLISHED"))
                        .collect(Collectors.joining("\n")));
        assertTrue(Files.exists(LEDGER), "spec/contract-ledger.md is missing; regenerate it");
        assertEquals(generated, Files.readString(LEDGER, StandardCharsets.UTF_8),
                "spec/contract-ledger.md is out of date; regenerate it (see class Javadoc)");
    }
}
