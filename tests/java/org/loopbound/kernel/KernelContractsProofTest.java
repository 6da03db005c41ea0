package org.loopbound.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.uka.ilkd.key.control.KeYEnvironment;
import de.uka.ilkd.key.speclang.Contract;
import de.uka.ilkd.key.strategy.StrategyProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Proves every JML contract of {@code org.loopbound.kernel} with KeY 2.12.3 in auto mode, with the overflow-sound
 * integer semantics {@code intRules:javaSemantics}, and shows that the check can fail on planted wrong contracts.
 *
 * <p>Boot class path: KeY's JavaRedux with {@code proofs/key/redux/java/math/BigInteger.java} laid over it; the
 * BigInteger contracts there are TRUSTED, NOT PROVED (listed in {@code spec/contracts.md}).
 *
 * <p>Knobs (system properties): {@code loopbound.key.timeoutMs} (per proof, default 300000),
 * {@code loopbound.key.maxSteps} (per proof, default 60000), {@code loopbound.key.dump} (folder for open goals).
 */
@Tag("key")
class KernelContractsProofTest {

    private static final String KERNEL = "org.loopbound.kernel";
    private static final List<String> KERNEL_FILES = List.of("CountTv.java", "Endpoints.java", "RecursionStep.java");

    /** Every public kernel method must have a contract that KeY proves (catches a contract that went missing). */
    private static final Set<String> PUBLIC_METHODS = Set.of(
            "CountTv::l1Numerator",
            "Endpoints::floorShift", "Endpoints::ceilShift", "Endpoints::sumLo", "Endpoints::sumHi",
            "Endpoints::differenceLo", "Endpoints::differenceHi", "Endpoints::productLo", "Endpoints::productHi",
            "RecursionStep::numerator", "RecursionStep::denominator");

    private static final int MAX_STEPS = Integer.getInteger("loopbound.key.maxSteps", 60_000);
    private static final long TIMEOUT_MS = Long.getLong("loopbound.key.timeoutMs", 300_000L);

    private static Path project;
    private static Path work;
    private static Path boot;

    @BeforeAll
    static void setUpKey() throws IOException {
        project = Path.of(System.getProperty("loopbound.projectDir", System.getProperty("user.dir")))
                .toAbsolutePath();
        work = project.resolve("target").resolve("key");
        Files.createDirectories(work);
        KeyProver.configure(work); // settings folder under target/, intRules:javaSemantics before any load
        boot = KeyProver.bootClassPath(work, project.resolve("proofs/key/redux"));
    }

    /**
     * KeY's non-linear arithmetic option per contract. The default ("definitions" only) for everything, except the
     * contracts whose whole point is a product inequality over unbounded \bigint values, where KeY's "completion"
     * mode (it multiplies hypotheses) finds the proof in a small context: the lemma Endpoints.cornerOrder and the
     * two RecursionStep methods (products of positive numbers are positive). Completion is not used for CountTv:
     * with the long range bounds in context it diverges; CountTv gets its products from its lemma methods. The
     * planted contracts get the default, like the kernel methods they copy (Endpoints.ceilShift, int addition).
     */
    static String nonLinearFor(Contract c) {
        String name = c.getName();
        boolean completion = name.contains(KERNEL + ".Endpoints::cornerOrder(")
                || name.startsWith(KERNEL + ".RecursionStep[");
        return completion ? StrategyProperties.NON_LIN_ARITH_COMPLETION : StrategyProperties.NON_LIN_ARITH_DEF_OPS;
    }

    private static List<KeyProver.Outcome> proveAll(Path sources, StringBuilder report) throws Exception {
        long t0 = System.nanoTime();
        KeYEnvironment<?> env = KeyProver.load(sources, boot);
        report.append(String.format("loaded %s in %d ms%n", sources, (System.nanoTime() - t0) / 1_000_000L));
        List<KeyProver.Outcome> outcomes = new ArrayList<>();
        try {
            for (Contract c : KeyProver.contracts(env)) {
                KeyProver.Outcome o = KeyProver.prove(env, c, nonLinearFor(c), MAX_STEPS, TIMEOUT_MS);
                outcomes.add(o);
                report.append(o).append(System.lineSeparator());
            }
        } finally {
            env.dispose();
        }
        report.append(String.format("total %d ms%n", (System.nanoTime() - t0) / 1_000_000L));
        return outcomes;
    }

    private static void writeReport(String name, StringBuilder report) throws IOException {
        System.out.print(report);
        Files.writeString(work.resolve(name), report, StandardCharsets.UTF_8);
    }

    @Test
    void everyKernelContractIsProvedWithJavaIntegerSemantics() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String f : KERNEL_FILES) {
            files.add(project.resolve("src/main/java/org/loopbound/kernel").resolve(f));
        }
        Path sources = KeyProver.sourceFolder(work, "kernel-src", KERNEL, files);
        StringBuilder report = new StringBuilder("KeY proof of the kernel contracts\n");
        List<KeyProver.Outcome> outcomes = proveAll(sources, report);
        writeReport("kernel-proofs.txt", report);

        for (KeyProver.Outcome o : outcomes) {
            assertEquals(KeyProver.INT_RULES, o.intRules(), "integer semantics of " + o.contract());
        }
        List<String> open = outcomes.stream().filter(o -> !o.closed()).map(KeyProver.Outcome::toString)
                .collect(Collectors.toList());
        assertTrue(open.isEmpty(), "contracts left open by KeY:\n" + String.join("\n", open));

        Set<String> provedPublic = new TreeSet<>();
        for (KeyProver.Outcome o : outcomes) {
            for (String m : PUBLIC_METHODS) {
                if (o.contract().contains(KERNEL + "." + m + "(")) {
                    provedPublic.add(m);
                }
            }
        }
        assertEquals(new TreeSet<>(PUBLIC_METHODS), provedPublic, "public kernel methods with a proved contract");
    }

    @Test
    void plantedWrongContractsStayOpen() throws Exception {
        Path sources = project.resolve("proofs/key/planted");
        StringBuilder report = new StringBuilder("KeY on the planted wrong contracts (all must stay OPEN)\n");
        List<KeyProver.Outcome> outcomes = proveAll(sources, report);
        writeReport("planted-proofs.txt", report);

        assertEquals(2, outcomes.size(), "planted contracts found");
        for (KeyProver.Outcome o : outcomes) {
            assertEquals(KeyProver.INT_RULES, o.intRules(), "integer semantics of " + o.contract());
            assertFalse(o.closed(), "KeY proved a planted WRONG contract: " + o);
        }
    }
}
