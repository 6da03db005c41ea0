package org.loopbound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopbound.arith.Rational;
import org.loopbound.param.Domain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The hostile-input suite, generated from the commands' option model: for every numeric option of every command
 * (found by its declared domain, {@link Domains}) the values a careless or adversarial user types — empty, words,
 * NaN, infinities, a zero denominator, hexadecimal, huge and tiny exponents, 20-digit integers, a negative number and
 * the numbers just outside each end of the domain. A value outside the declared domain must be refused with exit 2 and
 * one line naming the option; a value inside must run (on arguments that make the command cheap) to an answer or a
 * one-line refusal; nothing may show an exception class, and every case must end within {@link #TIMEOUT}.
 */
class HostileInputTest {

    /** The values tried on every numeric option, besides the ends of its domain. */
    static final List<String> VALUES = List.of("", "abc", "NaN", "Infinity", "1/0", "0x10", "1e99999", "1e-99999",
            "12345678901234567890", "-5", "٣");

    /** The longest a case may take, run in-process through {@link Main#run}. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern EXCEPTION = Pattern.compile("Exception|\\b(java|javax|org|picocli|com)\\.[a-z.]+[A-Z]");

    @TempDir
    static Path tmp;

    /**
     * Arguments that make each command complete quickly, so that an accepted value runs to its end; the option under
     * test replaces its own entry. Commands whose shortest run takes long (reproduce) or needs a file (sweep) are
     * checked up to parsing for accepted values: {@link #PARSE_ONLY}.
     */
    private static Map<String, List<String>> base() {
        String small = "--replicates 2 --eval-samples 10 --steps 2 --width 2 --threads 1";
        return Map.ofEntries(
                Map.entry("", args("--version")),
                Map.entry("bound", args("--scenario fixed-proportion --lambda 1/2 --n 100 --eps 1/100 --generations 3")),
                Map.entry("threshold p1", args("--alpha 1/2 --b 1 --real 100")),
                Map.entry("threshold p2", args("--alpha 1/2 --b 1 --real 100 --generations 2")),
                Map.entry("threshold d2", args("--m 10 --n 100")),
                Map.entry("threshold d1", args("--scenario fully-synthetic --n 100 --m 10 --generations 2")),
                Map.entry("kde-bias", args("--bandwidth 1/5 --generations 2")),
                Map.entry("simulate", args("--scenario fully-synthetic --p0 1/2,1/2 --n 10 --generations 2"
                        + " --replicates 2 --threads 1")),
                Map.entry("exact", args("--scenario fully-synthetic --p0 1/2,1/2 --n 4 --generations 2")),
                Map.entry("diffusion oracle", args(small)),
                Map.entry("diffusion loop", args("--tau 1 --tau-scale 1 --n 10 --generations 1 " + small)),
                Map.entry("diffusion phase", args("--real 5 --synthetic 0,5 --generations 1 --tau 1 " + small)),
                Map.entry("diffusion tau-sweep", args("--n 10 --taus 1 --generations 1 " + small)),
                Map.entry("kde loop", args("--n 10 --generations 1 --replicates 2 --threads 1 --points 0")),
                Map.entry("reproduce", List.of("--quick", "--out", tmp.resolve("report").toString())),
                Map.entry("sweep", List.of(tmp.resolve("no-grid.json").toString(), "--out",
                        tmp.resolve("sweep").toString())));
    }

    private static final Set<String> PARSE_ONLY = Set.of("reproduce", "sweep");

    private static List<String> args(String s) {
        return List.of(s.split(" "));
    }

    /** One hostile case: a command, its arguments, the option under test and whether its value is in the domain. */
    record Case(String command, List<String> args, String option, String value, boolean accepted) {
        @Override
        public String toString() {
            return "loopbound " + String.join(" ", args);
        }
    }

    /** Every numeric option of every command of {@code root}, by command (the qualified name without "loopbound "). */
    static Map<String, List<OptionSpec>> numericOptions(CommandLine root, List<String> unchecked) {
        Domains.install(root);
        Map<String, List<OptionSpec>> out = new java.util.TreeMap<>();
        collect(root, out, unchecked);
        return out;
    }

    private static void collect(CommandLine c, Map<String, List<OptionSpec>> out, List<String> unchecked) {
        String name = c.getCommandSpec().qualifiedName().replaceFirst("^loopbound ?", "");
        for (OptionSpec o : c.getCommandSpec().options()) {
            if (Domains.of(o) != null) {
                out.computeIfAbsent(name, k -> new ArrayList<>()).add(o);
            } else if (isNumeric(o.type())) {
                unchecked.add(name + " " + o.longestName() + ": a numeric option without a declared domain");
            }
        }
        for (CommandLine sub : c.getSubcommands().values()) {
            if (!sub.getCommandSpec().name().equals("help")) {
                collect(sub, out, unchecked);
            }
        }
    }

    private static boolean isNumeric(Class<?> t) {
        return t.isPrimitive() && t != boolean.class && t != char.class || Number.class.isAssignableFrom(t)
                || t == Rational.class;
    }

    /** The values tried on an option with domain {@code d}: {@link #VALUES} and the numbers just outside each end. */
    static List<String> values(Domain d) {
        Set<String> vs = new LinkedHashSet<>(VALUES);
        Rational step = d.isWhole() ? Rational.ONE : Rational.of(BigInteger.ONE, BigInteger.TEN.pow(12));
        Rational lo = d.lower();
        if (lo != null) {
            vs.add((d.lowerClosed() ? lo.subtract(step) : lo).toString());
        }
        Rational hi = d.upper();
        if (hi != null) {
            vs.add((d.upperClosed() ? hi.add(step) : hi).toString());
        }
        return new ArrayList<>(vs);
    }

    static boolean accepted(Domain d, String value) {
        try {
            return d.contains(Rational.parse(value));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The cases for every numeric option of {@code root}'s commands, on the given base arguments. */
    static List<Case> cases(CommandLine root, Map<String, List<String>> base, List<String> problems) {
        List<Case> out = new ArrayList<>();
        for (Map.Entry<String, List<OptionSpec>> e : numericOptions(root, problems).entrySet()) {
            List<String> b = base.get(e.getKey());
            if (b == null) {
                problems.add(e.getKey() + ": no base arguments to try its options on");
                continue;
            }
            for (OptionSpec o : e.getValue()) {
                Domain d = Domains.of(o);
                if (d == null) {
                    continue;
                }
                for (String v : values(d)) {
                    // The root's own options come before the command; a command's after its name and base.
                    List<String> a = new ArrayList<>();
                    if (e.getKey().isEmpty()) {
                        a.addAll(List.of(o.longestName(), v));
                    } else {
                        a.addAll(List.of(e.getKey().split(" ")));
                    }
                    for (int i = 0; i < b.size(); i++) {
                        if (List.of(o.names()).contains(b.get(i))) {
                            i++;
                        } else {
                            a.add(b.get(i));
                        }
                    }
                    if (!e.getKey().isEmpty()) {
                        a.addAll(List.of(o.longestName(), v));
                    }
                    out.add(new Case(e.getKey(), a, o.longestName(), v, accepted(d, v)));
                }
            }
        }
        return out;
    }

    /**
     * Runs every case through {@link Main#run} on a fresh {@code root} (a few at once, each in its own thread so that
     * a hang is caught at {@code timeout}) and returns what went wrong, in the order of the cases.
     */
    static List<String> failures(Supplier<CommandLine> root, List<Case> cases, Set<String> parseOnly,
                                 Duration timeout) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<@Nullable String>> results = new ArrayList<>();
            for (Case c : cases) {
                results.add(pool.submit(() -> c.accepted() && parseOnly.contains(c.command()) ? parses(root.get(), c)
                        : check(c, root, timeout)));
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                String problem;
                try {
                    problem = results.get(i).get();
                } catch (ExecutionException e) {
                    problem = "the suite failed on it: " + e.getCause();
                }
                if (problem != null) {
                    out.add(cases.get(i) + " -> " + problem);
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static @Nullable String parses(CommandLine root, Case c) {
        try {
            Main.configure(root, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .parseArgs(c.args().toArray(new String[0]));
            return null;
        } catch (CommandLine.ParameterException e) {
            return "an accepted value does not parse: " + e.getMessage();
        }
    }

    private static @Nullable String check(Case c, Supplier<CommandLine> root, Duration timeout)
            throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger exitCode = new AtomicInteger(-1);
        AtomicReference<@Nullable Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                exitCode.set(Main.run(root.get(), c.args().toArray(new String[0]),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)));
            } catch (RuntimeException | Error e) {
                thrown.set(e);
            }
        }, "hostile-case");
        t.setDaemon(true);
        t.start();
        t.join(timeout.toMillis());
        if (t.isAlive()) {
            t.interrupt();
            return "still running after " + timeout.toSeconds() + " s";
        }
        if (thrown.get() != null) {
            return "threw " + thrown.get();
        }
        int exit = exitCode.get();
        String e = err.toString(StandardCharsets.UTF_8).replaceAll("(?m)^\\r?.*\\r(?!\\n)", "");
        long lines = e.strip().lines().count();
        if (EXCEPTION.matcher(e).find()) {
            return "exit " + exit + ", an exception class in: " + e.strip();
        }
        if (c.accepted()) {
            if (exit == 0) {
                return null;
            }
            if (exit > 2 || lines != 1) {
                return "an accepted value gave exit " + exit + " and " + lines + " lines: " + e.strip();
            }
            return null;
        }
        if (exit != Main.EXIT_USAGE) {
            return "exit " + exit + " (expected 2): " + e.strip();
        }
        if (lines != 1) {
            return lines + " lines (expected 1): " + e.strip();
        }
        if (!e.contains(c.option())) {
            return "the message does not name " + c.option() + ": " + e.strip();
        }
        return null;
    }

    @Test
    void everyNumericOptionOfEveryCommandRefusesHostileValuesOnOneLine() throws Exception {
        Files.createDirectories(tmp);
        List<String> problems = new ArrayList<>();
        Supplier<CommandLine> root = () -> Main.commandLine(null);
        List<Case> cases = cases(root.get(), base(), problems);
        long start = System.nanoTime();
        problems.addAll(failures(root, cases, PARSE_ONLY, TIMEOUT));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.println("hostile input: " + cases.size() + " cases (" + cases.stream().filter(Case::accepted)
                .count() + " in their domain) on " + numericOptions(root.get(), new ArrayList<>()).values().stream()
                .mapToInt(List::size).sum() + " numeric options, " + seconds + " s, " + problems.size() + " failed");
        assertTrue(cases.size() > 500, "cases: " + cases.size());
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /** A command with the defects the suite exists to catch. */
    @Command(name = "defective")
    static final class Defective implements Runnable {
        @Option(names = "--count", description = "A number nobody declared a domain for.")
        int count;

        @Option(names = "--level", paramLabel = "ℓ", description = "A level.")
        @Domains.In("(0, ∞)")
        Rational level = Rational.ONE;

        @Option(names = "--slow", paramLabel = "t", description = "A value that makes the command hang.")
        @Domains.In("(-∞, ∞)")
        Rational slow = Rational.ONE;

        @Override
        public void run() {
            if (level.compareTo(Rational.of(BigInteger.TEN.pow(19), BigInteger.ONE)) > 0) {
                throw new IllegalStateException("a bug on huge levels");
            }
            if (slow.signum() < 0) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    void theSuiteCatchesAnUncheckedOptionABugAndAHang() throws InterruptedException {
        Supplier<CommandLine> root = () -> Main.commandLine(null).addSubcommand(new Defective());
        List<String> problems = new ArrayList<>();
        List<Case> cases = cases(root.get(), Map.of("defective", List.of()), problems);
        cases.removeIf(c -> !c.command().equals("defective"));
        problems.removeIf(p -> !p.startsWith("defective"));
        problems.addAll(failures(root, cases, Set.of(), Duration.ofSeconds(1)));
        String all = String.join("\n", problems);
        assertTrue(all.contains("defective --count: a numeric option without a declared domain"), all);
        assertTrue(all.contains("--level 12345678901234567890 -> exit 4, an exception class in"), all);
        assertTrue(all.contains("--slow -5 -> still running after 1 s"), all);
    }
}
