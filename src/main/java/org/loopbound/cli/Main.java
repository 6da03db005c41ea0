package org.loopbound.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.loopbound.io.InputFileException;
import org.loopbound.io.IoFailure;
import org.loopbound.param.ParameterException;
import org.loopbound.run.RunDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:success",
            "1:a checked value or verdict failed, or a value cannot be certified",
            "2:bad input (one line: the option, its symbol and domain)",
            "3:an input/output failure (one line naming the path)",
            "4:an internal error (set LOOPBOUND_DEBUG=1 for the stack trace)"})
public final class Main implements Runnable {

    /**
     * The commands, in the order {@code --help} lists them. They are added by {@link #commandLine} rather than by
     * the annotation, so that {@code serve} can build one command's model without every other one's.
     */
    static final List<Class<?>> COMMANDS = List.of(
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
            CheckSimCommand.class,
            ExactCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class);

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

    /** The cost limits, options of every command. */
    @CommandLine.Mixin
    Cost cost = new Cost();

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see loopbound --help)");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line with the given streams and returns the exit code. Output that could not be written (a
     * full disk, a closed pipe, {@code /dev/full}) is an I/O failure, exit {@value #EXIT_IO}, never a silent success.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        // Only the named command's model: building every command's costs a short run (a sweep's serial start,
        // a bound's answer) about 0.15 s more, and the one command parses its arguments exactly as the full tree.
        return run(commandLine(commandName(args)), args, out, err);
    }

    /**
     * The command {@code args} name: the first argument that is neither one of {@code loopbound}'s own options
     * ({@link Cost}'s, {@code --help}, {@code --version}) nor the value of one; {@code null} when there is none.
     * A word that is no command's name is returned as it is ({@link #commandLine} then builds every command, so
     * that picocli's error names the word and suggests commands).
     */
    static @Nullable String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-")) {
                return a;
            }
            if (!a.contains("=") && ROOT_VALUED_OPTIONS.contains(a)) {
                i++;
            }
        }
        return null;
    }

    /** The names of {@code loopbound}'s own options that take a value (those of {@link Cost}). */
    private static final Set<String> ROOT_VALUED_OPTIONS = rootValuedOptions();

    private static Set<String> rootValuedOptions() {
        Set<String> names = new HashSet<>();
        for (Field f : Cost.class.getDeclaredFields()) {
            Option o = f.getAnnotation(Option.class);
            if (o != null) {
                names.addAll(Arrays.asList(o.names()));
            }
        }
        return names;
    }

    /** As {@link #run(String[], PrintStream, PrintStream)} with the given command line (tests add commands to it). */
    static int run(CommandLine root, String[] args, PrintStream out, PrintStream err) {
        return execute(configure(root, out, err), args, out);
    }

    /**
     * A fresh command line (new command objects, no state shared with any other).
     *
     * @param only the name of a command: the command line then has that command alone (with its subcommands),
     *     which parses and runs that command's arguments exactly as the full one does; null, {@code help} or a name
     *     that is no command: every command
     * @return the command line, not yet {@linkplain #configure configured}
     */
    static CommandLine commandLine(@Nullable String only) {
        boolean one = only != null && !only.equals("help")
                && COMMANDS.stream().anyMatch(c -> only.equals(name(c)));
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> c : COMMANDS) {
            if (!one || name(c).equals(only)) {
                cl.addSubcommand(c);
            }
        }
        transform(cl);
        return cl;
    }

    /**
     * Applies the model transformers of {@code cl}'s commands, as picocli does for the subcommands an annotation
     * declares but not for those added by {@link CommandLine#addSubcommand}; after the inherited options were added,
     * so that the options keep picocli's order. The transformers change the model in place.
     */
    private static void transform(CommandLine cl) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        CommandLine.IModelTransformer t = spec.modelTransformer();
        if (t != null && t.transform(spec) != spec) {
            throw new IllegalStateException(spec.qualifiedName() + ": a model transformer must change its model in"
                    + " place");
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            transform(sub);
        }
    }

    private static String name(Class<?> command) {
        Command c = command.getAnnotation(Command.class);
        if (c == null) {
            throw new IllegalStateException(command + " has no @Command");
        }
        return c.name();
    }

    /**
     * Executes {@code args} on {@code cl}, configured by {@link #configure} with {@code out}, and returns the exit
     * code, {@value #EXIT_IO} when the output could not be written.
     */
    static int execute(CommandLine cl, String[] args, PrintStream out) {
        int code = cl.execute(args);
        // PrintWriter and PrintStream swallow write errors; checkError flushes and reports them.
        if (cl.getOut().checkError() || out.checkError()) {
            cl.getErr().println("loopbound: cannot write the output to standard output (disk full or stream"
                    + " closed); the output is incomplete");
            return EXIT_IO;
        }
        return code;
    }

    /**
     * Installs the option domains ({@link Domains#install}), sets the streams and the mapping of exceptions to exit
     * codes and one-line messages on {@code cl} (with its subcommands added): a value outside its option's domain,
     * {@link ParameterException}, {@link UsageError}, {@link RunDirectoryException} (an unusable {@code --out}) and
     * {@link InputFileException} (a malformed input file) exit {@value #EXIT_USAGE}, {@link ArithmeticException}
     * {@value #EXIT_FAILURE}, I/O failures anywhere in the cause chain ({@link #ioFailure}) {@value #EXIT_IO}, anything
     * else
     * {@value #EXIT_INTERNAL} (for now, other {@link IllegalArgumentException}s still exit {@value #EXIT_USAGE}).
     *
     * @return {@code cl}
     */
    static CommandLine configure(CommandLine cl, PrintStream out, PrintStream err) {
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        Domains.install(cl);
        cl.setExecutionStrategy(parsed -> {
            Cost.checkInputs(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            String name = c.getCommandSpec().qualifiedName();
            if (ex.getCause() instanceof Domains.Outside outside) {
                c.getErr().println(name + ": " + oneLine(outside.getMessage()));
                return EXIT_USAGE;
            }
            c.getErr().println(name + ": " + oneLine(ex.getMessage()) + " (see '" + name + " --help')");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            String name = c.getCommandSpec().qualifiedName();
            if (ex instanceof ParameterException) {
                c.getErr().println(name + ": "
                        + oneLine(Domains.optionMessage(c.getCommandSpec(), (ParameterException) ex)));
                return EXIT_USAGE;
            }
            // Transitional: sweep grid files still report bad input as IllegalArgumentException (with file, line and
            // field); once they have their own exception, this is an internal error (exit 4).
            if (ex instanceof UsageError || ex instanceof RunDirectoryException || ex instanceof InputFileException
                    || ex instanceof IllegalArgumentException) {
                c.getErr().println(name + ": " + oneLine(ex.getMessage()));
                return EXIT_USAGE;
            }
            if (ex instanceof ArithmeticException) {
                c.getErr().println(name + ": cannot certify: " + oneLine(ex.getMessage()));
                return EXIT_FAILURE;
            }
            String io = ioFailure(ex);
            if (io != null) {
                c.getErr().println(name + ": " + oneLine(io));
                return EXIT_IO;
            }
            if (System.getenv("LOOPBOUND_DEBUG") != null) {
                ex.printStackTrace(c.getErr());
            }
            c.getErr().println(name + ": internal error: " + oneLine(String.valueOf(ex))
                    + " (set LOOPBOUND_DEBUG=1 for the stack trace)");
            return EXIT_INTERNAL;
        });
        return cl;
    }

    /**
     * The one-line message of an I/O failure anywhere in the cause chain of {@code ex} (a worker's failure may wrap
     * it), or {@code null} when there is none. Failures raised by loopbound's own file code already name the path and
     * the cause ({@link IoFailure}); others are described from the JDK exception.
     */
    static @Nullable String ioFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UncheckedIOException && t.getMessage() != null) {
                return t.getMessage();
            }
            if (t instanceof FileSystemException) {
                return "cannot use " + ((FileSystemException) t).getFile() + ": " + IoFailure.cause((IOException) t);
            }
            if (t instanceof IOException) {
                return "input/output failure: " + IoFailure.cause((IOException) t);
            }
        }
        return null;
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
