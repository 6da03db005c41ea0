package org.loopbound.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's NumPy reference (benchmarks/numpy_loop.py) and the Java simulator must compute the same exact TV
 * numerator L = Σ_j |w_j·D − a_j·T| for the same counts: otherwise the speed comparison would compare different
 * work. Random count vectors of k atoms (T from 10 to 10^12, so the Java side takes both its kernel and its 128-bit
 * path) and p₀ with unequal weights go through both. Skipped (not failed) where python3 with NumPy is missing, as
 * the benchmarks need it and the library does not.
 */
class NumpyReferenceTvTest {

    @Test
    void numpyReferenceAgreesWithExactTvOnGivenCounts() throws IOException, InterruptedException {
        Path script = Path.of(System.getProperty("loopbound.projectDir", "."), "benchmarks", "numpy_loop.py");
        assumeTrue(Files.exists(script) && pythonHasNumpy(), "python3 with numpy is not available");
        AtomDistribution p0 = AtomDistribution.parse("1/2,1/8,1/8,1/16,1/16,1/32,1/32,1/16");
        long d = p0.denominator().longValueExact();
        long[] a = p0.numeratorsLong();
        UniformRandomProvider rng = ReplicateStreams.forReplicate(8, 0);
        StringBuilder input = new StringBuilder();
        List<BigInteger> expected = new ArrayList<>();
        for (long total : new long[] {10, 1000, 1_000_000, 3_000_000_000L, 1_000_000_000_000L}) {
            for (int rep = 0; rep < 4; rep++) {
                long[] w = new long[a.length];
                Multinomial.addFromConditional(rng, total, p0.conditional(), w);
                expected.add(ExactTv.numerator(w, total, p0));
                input.append(total).append(' ').append(d);
                for (long x : a) {
                    input.append(' ').append(x);
                }
                input.append(" |");
                for (long x : w) {
                    input.append(' ').append(x);
                }
                input.append('\n');
            }
        }
        Process p = new ProcessBuilder("python3", script.toString(), "--tv-oracle").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.toString().getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        List<BigInteger> got = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            got.add(new BigInteger(line.strip()));
        }
        assertEquals(expected, got);
    }

    private static boolean pythonHasNumpy() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
