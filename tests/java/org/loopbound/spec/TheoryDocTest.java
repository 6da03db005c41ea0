package org.loopbound.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.loopbound.bound.Scenario;
import org.junit.jupiter.api.Test;

/**
 * spec/theory.md agrees with spec/results.json (ids, titles, labels, proof statuses, steps), names every scenario and
 * claim, every "theory.md §N" reference in the repository resolves to a section that exists and, when the
 * referring line names result ids, discusses one of them; and no file of the repository points outside it.
 */
class TheoryDocTest {

    private static final Path ROOT = Paths.get(System.getProperty("loopbound.projectDir", "."));
    private static final Pattern SECTION = Pattern.compile("^## (\\d+)\\. ", Pattern.MULTILINE);
    private static final Pattern RESULT =
            Pattern.compile("^### (\\S+)\\. (.+) \\[(claim|derived|imported)\\]$", Pattern.MULTILINE);
    private static final Pattern STATUS = Pattern.compile("^Proof status: \\*\\*(.+)\\*\\*\\.$", Pattern.MULTILINE);
    private static final Pattern STEP =
            Pattern.compile("^- \\*\\*(.+?)\\*\\* \\[(proved|imported|assumed)\\]", Pattern.MULTILINE);
    /** "theory.md §3", "theory.md §2–§6", "theory.md section 6"; group 1/3 first section, 2 last of a range. */
    private static final Pattern REFERENCE = Pattern.compile(
            "theory\\.md(?:'s)?\\s*(?:§\\s*(\\d+)(?:\\s*[–-]\\s*§?\\s*(\\d+))?|section\\s+(\\d+))");
    private static final Pattern ID = Pattern.compile("\\b(R[1-5]|P[12]|D[0-2]|K[12]|EPS-EMP)\\b");

    private static String theory() throws IOException {
        return Files.readString(ROOT.resolve("spec/theory.md"));
    }

    /** Section number → its text, up to the next "## N." heading. */
    static Map<Integer, String> sections(String doc) {
        Map<Integer, String> out = new TreeMap<>();
        Matcher m = SECTION.matcher(doc);
        int number = -1;
        int start = 0;
        while (m.find()) {
            if (number >= 0) {
                out.put(number, doc.substring(start, m.start()));
            }
            number = Integer.parseInt(m.group(1));
            start = m.start();
        }
        if (number >= 0) {
            out.put(number, doc.substring(start));
        }
        return out;
    }

    /** Result id → its block, from its "### id. title [label]" heading to the next heading. */
    static Map<String, String> resultBlocks(String doc) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = RESULT.matcher(doc);
        while (m.find()) {
            int end = doc.length();
            Matcher next = Pattern.compile("^##", Pattern.MULTILINE).matcher(doc);
            if (next.find(m.end())) {
                end = next.start();
            }
            out.put(m.group(1), doc.substring(m.start(), end));
        }
        return out;
    }

    @Test
    void sectionsAreNumberedFromZeroWithoutGaps() throws IOException {
        List<Integer> numbers = new ArrayList<>(sections(theory()).keySet());
        for (int i = 0; i < numbers.size(); i++) {
            assertEquals(i, numbers.get(i), "sections of spec/theory.md: " + numbers);
        }
    }

    @Test
    void resultsMatchTheIndex() throws IOException {
        ResultIndex index = SpecLinksTest.index();
        Map<String, String> blocks = resultBlocks(theory());
        List<String> ids = new ArrayList<>();
        index.results().forEach(r -> ids.add(r.id()));
        assertEquals(ids, new ArrayList<>(blocks.keySet()), "theory.md's results, in order");
        for (ResultIndex.Result r : index.results()) {
            String block = blocks.get(r.id());
            Matcher h = RESULT.matcher(block);
            assertTrue(h.find());
            assertEquals(r.title(), h.group(2), r.id() + " title");
            assertEquals(r.label().tag(), "[" + h.group(3) + "]", r.id() + " label");
            Matcher s = STATUS.matcher(block);
            assertTrue(s.find(), r.id() + " has no 'Proof status:' line");
            assertEquals(r.proof(), s.group(1), r.id() + " proof status");
            List<String> steps = new ArrayList<>();
            Matcher st = STEP.matcher(block);
            while (st.find()) {
                steps.add(st.group(1) + " [" + st.group(2) + "]");
            }
            List<String> expected = new ArrayList<>();
            r.hypotheses().forEach(x -> expected.add(x.name() + " [" + x.status().json() + "]"));
            assertEquals(expected, steps, r.id() + " steps");
        }
    }

    @Test
    void claimsAndScenariosAreDefined() throws IOException {
        Map<Integer, String> sections = sections(theory());
        for (String c : SpecLinksTest.index().claims().keySet()) {
            assertTrue(sections.get(0).contains("- **" + c + "** "), "claim " + c + " is not stated in §0");
            assertTrue(sections.get(8).contains("- **" + c + "** "), "claim " + c + " is not discussed in §8");
        }
        for (Scenario s : Scenario.values()) {
            assertTrue(sections.get(1).contains("| `" + s.cliName() + "` |"), "scenario " + s.cliName()
                    + " is not defined in §1");
        }
    }

    /** Every "theory.md §N" of the sources, tests, README, spec and proofs. */
    @Test
    void everyReferenceResolves() throws IOException {
        Map<Integer, String> sections = sections(theory());
        Map<String, String> blocks = resultBlocks(theory());
        List<String> bad = new ArrayList<>();
        int count = 0;
        for (Path f : textFiles()) {
            String rel = ROOT.relativize(f).toString();
            if (!(rel.startsWith("src/") || rel.startsWith("tests/") || rel.startsWith("spec/")
                    || rel.startsWith("proofs/") || rel.equals("README.md"))) {
                continue;
            }
            List<String> lines = Files.readAllLines(f);
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                Matcher m = REFERENCE.matcher(line);
                while (m.find()) {
                    count++;
                    int first = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(3));
                    int last = m.group(2) != null ? Integer.parseInt(m.group(2)) : first;
                    StringBuilder text = new StringBuilder();
                    for (int s = first; s <= last; s++) {
                        String t = sections.get(s);
                        if (t == null) {
                            bad.add(rel + ":" + (n + 1) + ": no section " + s + ": " + line.strip());
                        } else {
                            text.append(t);
                        }
                    }
                    Matcher id = ID.matcher(line);
                    boolean named = false;
                    boolean discussed = false;
                    while (id.find()) {
                        named = true;
                        discussed |= Pattern.compile("\\b" + Pattern.quote(id.group(1)) + "\\b").matcher(text).find();
                    }
                    if (named && !discussed && text.length() > 0) {
                        bad.add(rel + ":" + (n + 1) + ": the section does not discuss the results the line names: "
                                + line.strip());
                    }
                }
                Matcher byId = Pattern.compile("theory\\.md (" + ID.pattern() + ")").matcher(line);
                while (byId.find()) {
                    count++;
                    if (!blocks.containsKey(byId.group(1))) {
                        bad.add(rel + ":" + (n + 1) + ": theory.md has no result " + byId.group(1));
                    }
                }
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
        assertTrue(count >= 40, "found only " + count + " references to theory.md sections");
    }

    /** No file of the repository points to the reconstruction outside it, or to the machine's working tree. */
    @Test
    void nothingRefersOutsideTheRepository() throws IOException {
        List<String> forbidden = List.of(".." + "/shared", "/work" + "/", "shared" + "/theory.md");
        List<String> bad = new ArrayList<>();
        for (Path f : textFiles()) {
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f)))
                        .toString();
            } catch (CharacterCodingException e) {
                continue;
            }
            for (String s : forbidden) {
                if (text.contains(s)) {
                    bad.add(ROOT.relativize(f) + " contains " + s);
                }
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    /** The files git tracks or would track (not ignored), under the project directory. */
    private static List<Path> textFiles() throws IOException {
        Process p = new ProcessBuilder("git", "ls-files", "-co", "--exclude-standard")
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                fail("git ls-files failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<String> lines = out.lines()) {
            lines.map(ROOT::resolve).filter(Files::isRegularFile).forEach(files::add);
        }
        assertTrue(files.size() > 100, "git ls-files listed only " + files.size() + " files");
        return files;
    }
}
