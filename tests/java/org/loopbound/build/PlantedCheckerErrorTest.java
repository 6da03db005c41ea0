package org.loopbound.build;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shows that the checkers of the main build can fail: a planted nullness error and a planted index error, compiled
 * with exactly the processors and flags of pom.xml, must be rejected with the expected error key.
 */
class PlantedCheckerErrorTest {

    private static final String[] JAVAC_PACKAGES = {
        "api", "code", "comp", "file", "main", "model", "parser", "processing", "tree", "util"};

    @ParameterizedTest
    @CsvSource({
        "PlantedNullnessError.java, org.checkerframework.checker.nullness.NullnessChecker, dereference.of.nullable",
        "PlantedIndexError.java, org.checkerframework.checker.index.IndexChecker, array.access.unsafe.high.constant",
    })
    void checkerRejectsPlantedError(String file, String processor, String errorKey, @TempDir Path out)
            throws Exception {
        String checkerPath = System.getProperty("loopbound.checkerClasspath");
        assertTrue(checkerPath != null && checkerPath.contains("checker"), "the build must set the checker class path");
        Path source = Paths.get(System.getProperty("loopbound.projectDir"), "tests", "resources", "planted", file);
        String javac = Paths.get(System.getProperty("java.home"), "bin", "javac").toString();

        List<String> cmd = new ArrayList<>(List.of(javac));
        for (String p : JAVAC_PACKAGES) {
            cmd.add("-J--add-exports=jdk.compiler/com.sun.tools.javac." + p + "=ALL-UNNAMED");
        }
        cmd.add("-J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED");
        cmd.addAll(List.of("-processorpath", checkerPath, "-classpath", checkerPath, "-processor", processor,
                "-d", out.toString(), source.toString()));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = proc.waitFor();

        assertNotEquals(0, exit, "the planted error must fail the compile:\n" + output);
        assertTrue(output.contains("[" + errorKey + "]"), "expected error [" + errorKey + "] in:\n" + output);
        assertTrue(Files.notExists(out.resolve(file.replace(".java", ".class"))), "no class file may be written");
    }
}
