package org.loopbound.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The JMH workloads {@link CertifiedBench#r3()} and {@link LoopBench#loop()} timed by CPU time instead of wall time,
 * for a machine shared with other work: wall time then includes waiting for a core, the CPU time of this JVM does
 * not (it includes its JIT and GC threads, as the peers' CPU time includes their allocator). Same set-up as the
 * JMH benchmarks (their own {@code setUp}), warm-up runs first, then the measured runs; prints one JSON line.
 *
 * <p>{@code java -cp benchmarks.jar org.loopbound.bench.CpuTiming r3 GENERATIONS BITS WARMUP RUNS} or
 * {@code … CpuTiming loop SCENARIO K N LAMBDA GENERATIONS REPLICATES THREADS WARMUP RUNS}.
 */
public final class CpuTiming {

    private CpuTiming() {
    }

    public static void main(String[] args) throws Exception {
        Supplier<Object> work;
        String side;
        int at;
        if (args.length == 5 && args[0].equals("r3")) {
            CertifiedBench b = new CertifiedBench();
            b.generations = Integer.parseInt(args[1]);
            b.bits = Integer.parseInt(args[2]);
            b.setUp();
            work = b::r3;
            side = "r3";
            at = 3;
        } else if (args.length == 10 && args[0].equals("loop")) {
            LoopBench b = new LoopBench();
            b.scenario = args[1];
            b.k = Integer.parseInt(args[2]);
            b.n = Long.parseLong(args[3]);
            b.lambda = args[4];
            b.generations = Integer.parseInt(args[5]);
            b.replicates = Integer.parseInt(args[6]);
            b.threads = Integer.parseInt(args[7]);
            b.setUp();
            work = () -> {
                try {
                    return b.loop();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            side = "loop";
            at = 8;
        } else {
            System.err.println("usage: CpuTiming r3 GENERATIONS BITS WARMUP RUNS | loop SCENARIO K N LAMBDA"
                    + " GENERATIONS REPLICATES THREADS WARMUP RUNS");
            System.exit(2);
            return;
        }
        int warmup = Integer.parseInt(args[at]);
        int runs = Integer.parseInt(args[at + 1]);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        List<Double> walls = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        List<Double> own = new ArrayList<>();
        ThreadMXBean thread = ManagementFactory.getThreadMXBean();
        Object keep = null;
        for (int i = 0; i < runs; i++) {
            long w0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            long t0 = thread.getCurrentThreadCpuTime();
            keep = work.get();
            own.add((thread.getCurrentThreadCpuTime() - t0) * 1e-9);
            cpus.add((os.getProcessCpuTime() - c0) * 1e-9);
            walls.add((System.nanoTime() - w0) * 1e-9);
        }
        // thread_cpu_s: the calling thread only (r3 runs there; GC and JIT threads excluded; for the loop the
        // replicates run on pool threads, so only the process figure counts).
        System.out.println(String.format(Locale.ROOT, "{\"side\": \"loopbound-cpu\", \"workload\": \"%s\", "
                + "\"times_s\": %s, \"cpu_s\": %s, \"thread_cpu_s\": %s, \"median_s\": %.6f, \"median_cpu_s\": %.6f, "
                + "\"median_thread_cpu_s\": %.6f, \"result\": %d}", side, json(walls), json(cpus), json(own),
                median(walls), median(cpus), median(own), keep == null ? 0 : keep.hashCode() & 1));
    }

    private static String json(List<Double> xs) {
        StringBuilder b = new StringBuilder("[");
        for (double x : xs) {
            b.append(b.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.6f", x));
        }
        return b.append(']').toString();
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
