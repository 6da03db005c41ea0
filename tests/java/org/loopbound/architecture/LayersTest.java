package org.loopbound.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules that each package's {@code package-info.java} states, enforced on the compiled main classes:
 * kernel at the bottom; arith ← param ← bound ← sim/diffusion/kde/exact ← oracle/audit/sweep ← report ← cli, with the
 * run mechanism (run), users' input files (io) and figures (plot) as utilities below the domain packages; no cycles
 * between packages; nothing imports the command line.
 */
class LayersTest {

    private static final String ROOT = "org.loopbound";

    /** Package → the project packages it may use (besides itself). One line per package. */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("kernel", List.of()),
            Map.entry("arith", List.of("kernel")),
            Map.entry("param", List.of("arith")),
            Map.entry("spec", List.of()),
            Map.entry("stats", List.of("arith", "param", "run")),
            Map.entry("plot", List.of()),
            Map.entry("bound", List.of("kernel", "arith", "param")),
            Map.entry("sim", List.of("kernel", "arith", "param", "bound", "stats", "run")),
            Map.entry("exact", List.of("kernel", "arith", "param", "bound", "sim", "run")),
            Map.entry("diffusion", List.of("arith", "param", "bound", "sim", "stats", "run")),
            Map.entry("kde", List.of("arith", "param", "bound", "sim", "diffusion", "stats", "run")),
            Map.entry("io", List.of("arith")),
            Map.entry("run", List.of("param", "io")),
            Map.entry("oracle", List.of("arith", "param", "bound", "sim", "exact", "stats", "run", "io")),
            Map.entry("sweep", List.of("arith", "param", "bound", "sim", "spec", "stats", "plot", "run", "io")),
            Map.entry("audit", List.of("arith", "param", "bound", "sim", "exact", "diffusion", "kde", "spec", "stats",
                    "run", "plot")),
            Map.entry("report", List.of("arith", "param", "bound", "spec", "audit", "stats", "plot", "sim",
                    "diffusion", "kde", "exact")));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages(ROOT);

    @Test
    void everyPackageUsesOnlyTheLayersBelowIt() {
        for (Map.Entry<String, List<String>> e : ALLOWED.entrySet()) {
            String pkg = ROOT + "." + e.getKey();
            for (String other : ALLOWED.keySet()) {
                if (other.equals(e.getKey()) || e.getValue().contains(other)) {
                    continue;
                }
                ArchRule rule = noClasses().that().resideInAPackage(pkg + "..")
                        .should().dependOnClassesThat().resideInAPackage(ROOT + "." + other + "..")
                        .because(e.getKey() + " may use only " + e.getValue() + " (its package-info.java)")
                        .allowEmptyShould(true);
                rule.check(MAIN);
            }
            ArchRule noCli = noClasses().that().resideInAPackage(pkg + "..")
                    .should().dependOnClassesThat().resideInAPackage(ROOT + ".cli..")
                    .because("nothing imports the command line").allowEmptyShould(true);
            noCli.check(MAIN);
        }
    }

    @Test
    void everyMainPackageHasARule() {
        for (var c : MAIN) {
            String pkg = c.getPackageName();
            if (!pkg.startsWith(ROOT + ".") || pkg.equals(ROOT + ".cli")) {
                continue;
            }
            String top = pkg.substring(ROOT.length() + 1).split("\\.")[0];
            if (!ALLOWED.containsKey(top)) {
                throw new AssertionError("package " + pkg + " has no dependency rule in LayersTest");
            }
        }
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theKernelUsesOnlyTheJdk() {
        noClasses().that().resideInAPackage(ROOT + ".kernel..")
                .should().dependOnClassesThat().resideOutsideOfPackages(ROOT + ".kernel..", "java..")
                .check(MAIN);
    }
}
