package org.loopbound.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.checkerframework.checker.nullness.qual.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code loopbound serve}: one process answering JSON-lines requests, so that a test suite's thousands of queries
 * cost one JVM start. Each request line runs one command line of {@code ./loopbound} through a fresh
 * {@link CommandLine} (no option state survives a request) and is answered by one line: the command's {@code --json}
 * object, or {@code {"error", "exit"}} with the one-line message and exit code the command line would give.
 */
@Command(name = "serve", sortOptions = false,
        description = {
            "Answer JSON-lines requests on stdin, one response line each on stdout, in one process.",
            "Request: {\"command\": \"bound\", \"args\": {\"scenario\": \"fixed-proportion\", \"n\": \"1000\", ...},"
                    + " \"id\": ...}",
            "  command  a command as on the command line: \"bound\", \"threshold p1\", \"kde-bias\", ...",
            "  args     option name (without --) -> value (a string or number, taken verbatim); true gives a flag,",
            "           false omits it",
            "  argv     further arguments, verbatim, after those of args (positional parameters, repeated",
            "           options); without command, argv is the whole argument list, e.g. [\"threshold\", \"p1\", ...]",
            "  id       optional, any JSON value, echoed as the first member of the response",
            "--json is added when the command has it. Response: the command's --json object on one line (the same",
            "members and strings as the command line prints); a command without --json: {\"output\": its text}.",
            "Failure: {\"error\": the command line's one-line message, \"exit\": its exit code 1-4} (plus",
            "\"output\" when the command printed something). Blank lines are skipped; a malformed line gets an",
            "error and the next line is read. Requests run one at a time, in order; every command is served",
            "except serve itself, including those that run long or write files (paths relative to the directory",
            "serve was started in). End of input ends serve (exit 0)."})
public final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    @SuppressWarnings("nullness:initialization.field.uninitialized") // injected by picocli
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintStream stdout = System.out;
        InputStream stdin = System.in;
        // The responses go to the stream picocli was given, the requests come from stdin: while serving, a stray
        // print to System.out by any code goes to stderr, and a read of System.in finds it empty, so that neither
        // can corrupt the protocol.
        System.setOut(System.err);
        System.setIn(InputStream.nullInputStream());
        try {
            serve(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)),
                    spec.commandLine().getOut());
        } finally {
            System.setOut(stdout);
            System.setIn(stdin);
        }
        return 0;
    }

    /**
     * Answers every request line of {@code in} on {@code out}, one line each, until the end of {@code in} or until
     * {@code out} fails (the client is gone; {@link PrintWriter#checkError} then reports it).
     *
     * @param in the request lines
     * @param out where the response lines go, each flushed as soon as it is written
     * @throws UncheckedIOException when {@code in} cannot be read
     */
    static void serve(BufferedReader in, PrintWriter out) {
        int number = 0;
        while (true) {
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the requests from standard input: " + e.getMessage(), e);
            }
            if (line == null) {
                return;
            }
            number++;
            if (line.isBlank()) {
                continue;
            }
            out.print(answer(line, number) + "\n");
            out.flush();
            if (out.checkError()) {
                return;
            }
        }
    }

    /**
     * The response to one request line: never throws, whatever the line holds.
     *
     * @param line one request (a JSON object)
     * @param number the line's number in the input, 1-based, named in errors about the request itself
     * @return one line of JSON, without a line terminator
     */
    static String answer(String line, int number) {
        ServeRequest request;
        try {
            request = ServeRequest.parse(line, number);
        } catch (ServeRequest.Malformed e) {
            return error(e.id(), String.valueOf(e.getMessage()), Main.EXIT_USAGE, null);
        }
        return run(request.id(), request.argv());
    }

    /** Runs one argument list on a fresh command line, capturing both streams, and builds the response. */
    private static String run(@Nullable JsonElement id, List<String> argv) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        CommandLine cl = Main.configure(Main.commandLine(argv.isEmpty() ? null : argv.get(0)), out, err);
        CommandLine target = cl;
        int words = 0;
        while (words < argv.size()) {
            CommandLine sub = target.getSubcommands().get(argv.get(words));
            if (sub == null) {
                break;
            }
            target = sub;
            words++;
        }
        if (target.getCommandSpec().userObject() instanceof ServeCommand) {
            return error(id, "loopbound serve: a request cannot start another serve", Main.EXIT_USAGE, null);
        }
        List<String> full = new ArrayList<>(argv);
        if (target != cl && target.getCommandSpec().findOption("--json") != null && !argv.contains("--json")) {
            full.add(words, "--json");
        }
        int code;
        try {
            code = Main.execute(cl, full.toArray(new String[0]), out);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // picocli maps every exception of a command to an exit code; this is what escapes it (an Error, or a
            // failure inside picocli): one request fails, serve goes on.
            err.println(target.getCommandSpec().qualifiedName() + ": internal error: " + firstLine(String.valueOf(e)));
            code = Main.EXIT_INTERNAL;
        }
        out.flush();
        err.flush();
        String text = outBytes.toString(StandardCharsets.UTF_8);
        JsonElement output = text.isEmpty() ? null : parseOrText(text);
        if (code == 0) {
            if (output != null && output.isJsonObject()) {
                return Json.line(withId(id, output.getAsJsonObject()));
            }
            JsonObject o = withId(id, new JsonObject());
            o.add("output", output == null ? new JsonPrimitive("") : output);
            return Json.line(o);
        }
        return error(id, message(cl, errBytes.toString(StandardCharsets.UTF_8), code), code, output);
    }

    /**
     * The one-line message of a failed run: the last line it printed on stderr (the command line's error line), or
     * the description of its exit code when it printed none (e.g. a check whose verdicts are on stdout).
     */
    private static String message(CommandLine cl, String err, int code) {
        String[] lines = err.strip().split("\\R");
        String last = lines[lines.length - 1].strip();
        if (!last.isEmpty()) {
            return last;
        }
        String described = cl.getCommandSpec().usageMessage().exitCodeList().get(Integer.toString(code));
        return described == null ? "exit code " + code : described;
    }

    private static String error(@Nullable JsonElement id, String message, int code, @Nullable JsonElement output) {
        JsonObject o = withId(id, new JsonObject());
        o.addProperty("error", message);
        o.addProperty("exit", code);
        if (output != null) {
            o.add("output", output);
        }
        return Json.line(o);
    }

    /** {@code o}'s members after {@code "id"} when a request gave one, else {@code o} itself. */
    private static JsonObject withId(@Nullable JsonElement id, JsonObject o) {
        if (id == null) {
            return o;
        }
        JsonObject out = new JsonObject();
        out.add("id", id);
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            out.add(e.getKey(), e.getValue());
        }
        return out;
    }

    /** A command's output: the JSON value it printed, or its text as a string. */
    private static JsonElement parseOrText(String text) {
        try {
            return ServeRequest.json(text);
        } catch (IOException | JsonParseException e) {
            return new JsonPrimitive(text);
        }
    }

    static String firstLine(@Nullable String s) {
        return s == null ? "(no message)" : s.strip().split("\\R", 2)[0];
    }
}
