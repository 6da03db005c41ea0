package org.loopbound.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens a page in headless Debian Chromium and reports what a reader's browser would show wrong: console errors
 * (console.error, uncaught exceptions, failed loads) and SVG text that lies outside its figure's viewBox. Chromium
 * is driven through the DevTools protocol over a WebSocket (the JDK's java.net.http), so no Node or driver is needed.
 */
final class HeadlessChromium {

    /** Where Debian's package {@code chromium} installs the browser. */
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    /**
     * Collects, for every outermost SVG, each text element's box in the SVG's user units (the text's own box mapped
     * through its transforms) and lists those not inside the viewBox, with half a unit of tolerance for rounding.
     */
    private static final String SCRIPT = """
            (async () => {
              await document.fonts.ready;
              const outside = [];
              let texts = 0;
              const svgs = [...document.querySelectorAll('svg')].filter(s => !s.ownerSVGElement);
              svgs.forEach((svg, i) => {
                const vb = svg.viewBox.baseVal;
                const toSvg = svg.getScreenCTM().inverse();
                svg.querySelectorAll('text').forEach(t => {
                  texts++;
                  const name = (svg.closest('figure') || {}).id || ('svg #' + i);
                  if (!vb || vb.width === 0 || vb.height === 0) {
                    outside.push(name + ': no viewBox for "' + t.textContent + '"');
                    return;
                  }
                  const b = t.getBBox();
                  const m = toSvg.multiply(t.getScreenCTM());
                  const p = [[b.x, b.y], [b.x + b.width, b.y], [b.x, b.y + b.height], [b.x + b.width, b.y + b.height]]
                    .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
                  const x0 = Math.min(...p.map(q => q.x)), x1 = Math.max(...p.map(q => q.x));
                  const y0 = Math.min(...p.map(q => q.y)), y1 = Math.max(...p.map(q => q.y));
                  const tol = 0.5;
                  if (x0 < vb.x - tol || y0 < vb.y - tol || x1 > vb.x + vb.width + tol || y1 > vb.y + vb.height + tol) {
                    outside.push(name + ': "' + t.textContent + '" spans [' + x0.toFixed(1) + ', ' + x1.toFixed(1)
                      + '] x [' + y0.toFixed(1) + ', ' + y1.toFixed(1) + '], viewBox ' + vb.x + ' ' + vb.y + ' '
                      + vb.width + ' ' + vb.height);
                  }
                });
              });
              return JSON.stringify({svgs: svgs.length, texts: texts, outside: outside});
            })()
            """;

    /**
     * What the browser saw.
     *
     * @param consoleErrors console errors, uncaught exceptions and failed loads, one line each
     * @param svgs the number of outermost SVG elements
     * @param texts the number of SVG text elements measured
     * @param outside the text elements whose box leaves their SVG's viewBox, one line each
     */
    record Inspection(List<String> consoleErrors, int svgs, int texts, List<String> outside) {
    }

    private HeadlessChromium() {
    }

    /**
     * Whether the browser is installed.
     *
     * @return whether {@link #CHROMIUM} is an executable file
     */
    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /**
     * Loads a page and inspects it.
     *
     * @param page the HTML file
     * @return the console errors and the SVG text outside its viewBox
     * @throws IOException if the browser cannot be started or does not answer in time
     * @throws InterruptedException if interrupted while waiting for the browser
     */
    static Inspection inspect(Path page) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("loopbound-chromium-");
        Process browser = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1280,900",
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String endpoint = endpoint(browser);
            Session s = new Session(endpoint);
            try {
                String target = s.call("Target.createTarget", obj("url", "about:blank"), null).get("targetId")
                        .getAsString();
                JsonObject attach = obj("targetId", target);
                attach.addProperty("flatten", true);
                String session = s.call("Target.attachToTarget", attach, null).get("sessionId").getAsString();
                for (String domain : List.of("Runtime", "Log", "Page")) {
                    s.call(domain + ".enable", new JsonObject(), session);
                }
                s.call("Page.navigate", obj("url", page.toUri().toString()), session);
                s.awaitEvent("Page.loadEventFired");
                JsonObject eval = obj("expression", SCRIPT);
                eval.addProperty("awaitPromise", true);
                eval.addProperty("returnByValue", true);
                JsonObject answer = s.call("Runtime.evaluate", eval, session);
                if (answer.has("exceptionDetails")) {
                    throw new IOException("the inspection script failed: " + answer.get("exceptionDetails"));
                }
                JsonObject r = JsonParser.parseString(answer.getAsJsonObject("result").get("value").getAsString())
                        .getAsJsonObject();
                List<String> outside = new ArrayList<>();
                r.getAsJsonArray("outside").forEach(e -> outside.add(e.getAsString()));
                s.call("Browser.close", new JsonObject(), null);
                return new Inspection(List.copyOf(s.errors), r.get("svgs").getAsInt(), r.get("texts").getAsInt(),
                        outside);
            } finally {
                s.close();
            }
        } finally {
            if (!browser.waitFor(10, TimeUnit.SECONDS)) {
                browser.destroyForcibly();
                browser.waitFor(10, TimeUnit.SECONDS);
            }
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Reads the browser's stderr up to its DevTools address, then keeps draining it so that it never blocks. */
    private static String endpoint(Process browser) throws IOException, InterruptedException {
        CompletableFuture<String> url = new CompletableFuture<>();
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(browser.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    } else if (!url.isDone()) {
                        log.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
            url.completeExceptionally(new IOException("chromium exited before listening:\n" + log));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return url.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("chromium did not start its DevTools endpoint: " + e.getMessage(), e);
        }
    }

    private static JsonObject obj(String key, String value) {
        JsonObject o = new JsonObject();
        o.addProperty(key, value);
        return o;
    }

    /** One DevTools connection: numbered calls, answers matched by id, events recorded as they pass. */
    private static final class Session implements WebSocket.Listener {
        private final BlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
        private final List<JsonObject> events = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;
        private int next = 1;

        Session(String endpoint) {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .buildAsync(URI.create(endpoint), this).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(JsonParser.parseString(partial.toString()).getAsJsonObject());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        JsonObject call(String method, JsonObject params, String session) throws IOException,
                InterruptedException {
            int id = next++;
            JsonObject m = new JsonObject();
            m.addProperty("id", id);
            m.addProperty("method", method);
            m.add("params", params);
            if (session != null) {
                m.addProperty("sessionId", session);
            }
            socket.sendText(m.toString(), true).join();
            while (true) {
                JsonObject in = take(method);
                if (in.has("id") && in.get("id").getAsInt() == id) {
                    if (in.has("error")) {
                        throw new IOException(method + " failed: " + in.get("error"));
                    }
                    return in.has("result") ? in.getAsJsonObject("result") : new JsonObject();
                }
            }
        }

        void awaitEvent(String method) throws IOException, InterruptedException {
            for (int seen = 0; ; ) {
                for (; seen < events.size(); seen++) {
                    if (events.get(seen).get("method").getAsString().equals(method)) {
                        return;
                    }
                }
                take(method);
            }
        }

        private JsonObject take(String waitingFor) throws IOException, InterruptedException {
            JsonObject in = inbox.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (in == null) {
                throw new IOException("no answer from chromium within " + TIMEOUT + " waiting for " + waitingFor);
            }
            if (in.has("method")) {
                events.add(in);
                record(in);
            }
            return in;
        }

        /** Console errors, uncaught exceptions and browser log errors (e.g. a figure that fails to load). */
        private void record(JsonObject event) {
            String method = event.get("method").getAsString();
            JsonObject p = event.getAsJsonObject("params");
            switch (method) {
                case "Runtime.consoleAPICalled" -> {
                    String type = p.get("type").getAsString();
                    if (type.equals("error") || type.equals("assert")) {
                        StringBuilder line = new StringBuilder("console." + type + ":");
                        for (JsonElement a : p.getAsJsonArray("args")) {
                            JsonObject arg = a.getAsJsonObject();
                            line.append(' ').append(arg.has("value") ? arg.get("value").getAsString()
                                    : arg.has("description") ? arg.get("description").getAsString() : "?");
                        }
                        errors.add(line.toString());
                    }
                }
                case "Runtime.exceptionThrown" -> errors.add("uncaught: " + p.getAsJsonObject("exceptionDetails"));
                case "Log.entryAdded" -> {
                    JsonObject entry = p.getAsJsonObject("entry");
                    if (entry.get("level").getAsString().equals("error")) {
                        errors.add("log: " + entry.get("text").getAsString()
                                + (entry.has("url") ? " (" + entry.get("url").getAsString() + ")" : ""));
                    }
                }
                default -> {
                }
            }
        }

        void close() {
            socket.abort();
        }
    }
}
