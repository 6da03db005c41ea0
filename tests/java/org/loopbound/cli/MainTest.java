package org.loopbound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopbound.arith.Rational;
import org.loopbound.param.ParameterException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Errors by layer: a domain error names the option carrying its symbol (exit 2); anything unexpected exits 4. */
class MainTest {

    /** A command whose computation fails the way domain code or a bug would. */
    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Option(names = "--lambda", paramLabel = "λ")
        String lambda = "";

        @Option(names = "--bug")
        boolean bug;

        @Override
        public void run() {
            if (bug) {
                throw new IllegalStateException("an invariant broke\n\tsecond line");
            }
            throw ParameterException.outside("λ", "in [0, 1]", Rational.parse(lambda));
        }
    }

    private static CliRunner.Result probe(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cl = Main.commandLine(null).addSubcommand(new Probe());
        int code = Main.configure(cl, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new CliRunner.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aParameterExceptionNamesTheOptionCarryingItsSymbolAndExits2() {
        CliRunner.Result r = probe("probe", "--lambda", "3/2");
        assertEquals(Main.EXIT_USAGE, r.exit());
        assertEquals("loopbound probe: --lambda (λ) must be in [0, 1], got 3/2\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void anUnexpectedExceptionIsAnInternalErrorOnOneLine() {
        assumeTrue(System.getenv("LOOPBOUND_DEBUG") == null, "LOOPBOUND_DEBUG adds the stack trace");
        CliRunner.Result r = probe("probe", "--bug");
        assertEquals(Main.EXIT_INTERNAL, r.exit());
        assertTrue(r.err().endsWith("\n"), r.err());
        assertEquals(1, r.err().split("\n", -1).length - 1, "one line: " + r.err());
        assertTrue(r.err().startsWith("loopbound probe: internal error: "), r.err());
        assertTrue(r.err().contains("an invariant broke second line"), r.err());
    }

    /** Every command: no two options name the same symbol, or the message would blame an arbitrary one. */
    @Test
    void noCommandHasTwoOptionsForOneSymbol() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(null), all);
        for (CommandLine c : all) {
            Set<String> seen = new HashSet<>();
            for (CommandLine.Model.OptionSpec o : c.getCommandSpec().options()) {
                for (String s : Domains.symbols(o)) {
                    assertTrue(seen.add(s), c.getCommandSpec().qualifiedName() + ": two options carry " + s);
                }
            }
        }
        assertTrue(all.size() > 10, "commands found: " + all.size());
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        for (CommandLine sub : c.getSubcommands().values()) {
            if (!out.contains(sub)) {
                collect(sub, out);
            }
        }
    }

    /** The symbols the domain packages throw, and the option each command maps them to. */
    @ParameterizedTest
    @CsvSource({
        "bound, ε, --eps", "bound, b, --rate", "bound, α, --rate", "bound, k, --atoms", "bound, δ, --delta",
        "bound, λ, --lambda", "bound, N, --n", "bound, r, --real", "bound, s, --synthetic",
        "bound, g, --growth-exponent",
        "simulate, p₀, --p0", "simulate, R, --replicates", "simulate, δ, --delta", "simulate, β, --beta",
        "simulate, α_test, --alpha-test", "simulate, c, --eps-scale", "simulate, N, --n", "simulate, λ, --lambda",
        "diffusion loop, T, --horizon", "diffusion loop, t₀, --cutoff", "diffusion loop, K, --steps",
        "diffusion loop, m, --width", "diffusion loop, c_z, --noise-draws", "diffusion loop, B, --bins",
        "diffusion loop, τ, --tau", "diffusion loop, c, --tau-scale", "diffusion loop, p₀, --p0",
        "diffusion loop, R, --replicates", "diffusion loop, N, --n",
        "diffusion oracle, T, --horizon", "diffusion oracle, t₀, --cutoff",
        "diffusion tau-sweep, τ, --taus", "diffusion tau-sweep, N, --n",
        "diffusion phase, r, --real", "diffusion phase, s, --synthetic", "diffusion phase, i, --generations",
        "kde loop, h, --bandwidth", "kde loop, p₀, --p0", "kde loop, R, --replicates", "kde loop, N, --n",
        "kde-bias, h, --bandwidth", "kde-bias, λ, --lambda", "kde-bias, i, --generations", "kde-bias, σ², --variance",
        "threshold p1, α, --alpha", "threshold p1, b, --b", "threshold p1, r, --real",
        "threshold p1, e, --inherited", "threshold p2, i, --generations", "threshold p2, w, --width",
        "threshold d2, m, --m", "threshold d2, N, --n", "threshold d1, λ, --lambda", "threshold d1, s, --synthetic",
        "threshold d1, g, --growth-exponent", "threshold d1, τ, --tau", "threshold d1, E, --extra",
        "threshold d1, i, --generations", "exact, p₀, --p0", "exact, N, --n", "bound, p, --period"})
    void eachSymbolMapsToItsOption(String command, String symbol, String option) {
        CommandLine c = Main.commandLine(null);
        for (String name : command.split(" ")) {
            c = c.getSubcommands().get(name);
        }
        String message = Domains.optionMessage(c.getCommandSpec(), ParameterException.outside(symbol, "> 0", -1));
        assertEquals(option + " (" + symbol + ") must be > 0, got -1", message);
    }

    @Test
    void aSymbolNoOptionCarriesKeepsTheDomainMessage() {
        CommandLine c = Main.commandLine(null).getSubcommands().get("vectors");
        String message = Domains.optionMessage(c.getCommandSpec(), ParameterException.outside("λ", "in [0, 1]", 2));
        assertEquals("λ must be in [0, 1], got 2", message);
        assertFalse(message.contains("--"));
    }

    /** A write that fails (a full disk) is exit 3 with one line, never exit 0 with half the output. */
    @Test
    void aFailedWriteToStandardOutputIsAnIoFailure() {
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("No space left on device");
            }
        };
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = Main.run(new String[] {"bound", "--scenario", "fully-synthetic", "--n", "10", "--eps", "1/10"},
                new java.io.PrintStream(full, true), new java.io.PrintStream(err, true));
        String e = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(Main.EXIT_IO, code, e);
        assertEquals(1, e.strip().lines().count(), e);
        assertTrue(e.contains("cannot write the output"), e);
    }

    /** The command word is found past loopbound's own options and their values, in either form. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sweep grid.json | sweep",
        "--max-digits 200 sweep grid.json | sweep",
        "--max-digits=200 --max-cost 1e12 threshold p1 | threshold",
        "--max-cost 5 | ",
        "--version | ",
        "-h bound | bound",
        "help sweep | help",
        "bund --n 1 | bund"})
    void theCommandNameSkipsRootOptionsAndTheirValues(String args, String expected) {
        assertEquals(expected, Main.commandName(args.split(" ")));
    }

    /**
     * A run through the one-command model gives the same exit code and output as through every command's, also for
     * errors that picocli words from the model (an unknown option, a missing value) and for an unknown command,
     * which gets the full model and its suggestions.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bound --scenario fully-synthetic --n 10 --eps 1/10 --generations 2 --json",
        "--max-digits 3 bound --scenario fixed-proportion --n 10 --lambda 1/100000 --eps 1",
        "bound --scenario fully-synthetic --nn 10",
        "bound --scenario",
        "threshold p1 --alpha 1/2 --b 1 --json",
        "threshold --help",
        "bund --n 1",
        "--version"})
    void oneCommandsModelRunsAsTheFullModel(String args) {
        String[] a = args.split(" ");
        ByteArrayOutputStream out1 = new ByteArrayOutputStream();
        ByteArrayOutputStream err1 = new ByteArrayOutputStream();
        int one = Main.run(a, new PrintStream(out1, true, StandardCharsets.UTF_8),
                new PrintStream(err1, true, StandardCharsets.UTF_8));
        ByteArrayOutputStream out2 = new ByteArrayOutputStream();
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        int all = Main.run(Main.commandLine(null), a, new PrintStream(out2, true, StandardCharsets.UTF_8),
                new PrintStream(err2, true, StandardCharsets.UTF_8));
        assertEquals(all, one);
        assertEquals(out2.toString(StandardCharsets.UTF_8), out1.toString(StandardCharsets.UTF_8));
        assertEquals(err2.toString(StandardCharsets.UTF_8), err1.toString(StandardCharsets.UTF_8));
    }
}
