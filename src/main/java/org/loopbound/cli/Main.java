package org.loopbound.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.param.ParameterException;
import org.loopbound.run.RunDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./loopbound}. */
@Command(name = "loopbound",
        mixinStandardHelpOptions = true,
        // Every subcommand (and sub-subcommand) inherits --help and --version.
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Main.Version.class,
        description = {
            "Certified bounds, proofs and simulators for self-consuming generative models.",
            "Results follow the project's reconstruction of Fu et al. (arXiv:2402.11778); every output carries its",
            "provenance label: [claim] (the paper's abstract), [derived] (proved here), [imported] (cited)."},
        subcommands = {
            BoundCommand.class,
            ThresholdCommand.class,
            KdeBiasCommand.class,
            SimulateCommand.class,
            SweepCommand.class,
            DiffusionCommand.class,
            KdeCommand.class,
            ReproduceCommand.class,
            VectorsCommand.class,
            CheckCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code for bad input (a parameter outside its domain, malformed numbers). */
    public static final int EXIT_USAGE = 2;
    /** Exit code when a checked value or verdict failed, or a value cannot be certified. */
    public static final int EXIT_FAILURE = 1;
    /** Exit code for an input/output or environment failure (a path that cannot be read or written). */
    public static final int EXIT_IO = 3;
    /** Exit code for an internal error: a bug, never bad input. */
    public static final int EXIT_INTERNAL = 4;

    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see loopbound --help)");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            c.getErr().println(name + ": " + oneLine(ex.getMessage()) + " (see '" + name + " --help')");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            String name = c.getCommandSpec().qualifiedName();
            if (ex instanceof ParameterException) {
                c.getErr().println(name + ": " + oneLine(optionMessage(c.getCommandSpec(), (ParameterException) ex)));
                return EXIT_USAGE;
            }
            if (ex instanceof UsageError || ex instanceof RunDirectoryException
                    || ex instanceof IllegalArgumentException) {
                c.getErr().println(name + ": " + oneLine(ex.getMessage()));
                return EXIT_USAGE;
            }
            if (ex instanceof ArithmeticException) {
                c.getErr().println(name + ": cannot certify: " + oneLine(ex.getMessage()));
                return EXIT_FAILURE;
            }
            if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
                c.getErr().println(name + ": " + oneLine(String.valueOf(ex.getMessage())));
                return EXIT_IO;
            }
            if (System.getenv("LOOPBOUND_DEBUG") != null) {
                ex.printStackTrace(c.getErr());
            }
            c.getErr().println(name + ": internal error: " + oneLine(String.valueOf(ex))
                    + " (set LOOPBOUND_DEBUG=1 for the stack trace)");
            return EXIT_INTERNAL;
        });
        return cl.execute(args);
    }

    /**
     * A domain error's message with the parameter's symbol replaced by the option that carries it: the option of
     * {@code spec} (or, for a mixin, of its command) whose parameter label is that symbol.
     */
    static String optionMessage(CommandLine.Model.CommandSpec spec, ParameterException ex) {
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            if (o.paramLabel().equals(ex.symbol())) {
                return o.longestName() + " (" + ex.symbol() + ") " + ex.requirement();
            }
        }
        return ex.getMessage() == null ? ex.symbol() : ex.getMessage();
    }

    private static String oneLine(@Nullable String message) {
        return message == null ? "(no message)" : message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** The project version: the jar's Implementation-Version, or "dev" when run from classes. */
    public static String version() {
        Package pkg = Main.class.getPackage();
        String v = pkg == null ? null : pkg.getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** picocli's version provider. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"loopbound " + version()};
        }
    }
}
