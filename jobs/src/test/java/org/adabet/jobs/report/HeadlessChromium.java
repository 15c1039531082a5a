package org.adabet.jobs.report;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code chromium}, headless, driven over the DevTools protocol (a WebSocket, the JDK's
 * own client): loads one page, and reports what went wrong there (uncaught exceptions, console
 * errors, resources that failed to load, images that did not decode), how much text it shows, and a
 * screenshot of the whole page.
 */
public final class HeadlessChromium {
    /** What one page load showed. */
    public record PageCheck(
            List<String> errors,
            int images,
            List<String> brokenImages,
            int textLength,
            byte[] screenshot,
            byte[] viewport) {}

    private HeadlessChromium() {}

    /** The browser binary: {@code chromium} on the PATH (Debian's package), or null. */
    public static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "chromium");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The chromium binary; fails the calling test when there is none ({@code .ci/run} installs
     * Debian's {@code chromium}), so a missing browser can never pass the check by skipping it.
     */
    public static Path requireBinary() {
        Path p = binary();
        if (p == null) {
            org.junit.jupiter.api.Assertions.fail(
                    "chromium is not on the PATH: apt-get install -y chromium (.ci/run does)");
        }
        return p;
    }

    /** Loads {@code page} (a file) at 1280 px wide and checks it. */
    public static PageCheck check(Path chromium, Path page, Path profile) throws Exception {
        Process browser =
                new ProcessBuilder(
                                chromium.toString(),
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--no-first-run",
                                "--hide-scrollbars",
                                "--remote-debugging-port=0",
                                "--user-data-dir=" + profile,
                                "about:blank")
                        .redirectErrorStream(true)
                        .start();
        try {
            String endpoint = endpoint(browser);
            Cdp cdp = new Cdp(endpoint);
            try {
                return cdp.check(page.toUri().toString());
            } finally {
                cdp.close();
            }
        } finally {
            browser.destroy();
            if (!browser.waitFor(10, TimeUnit.SECONDS)) {
                browser.destroyForcibly();
            }
        }
    }

    /** The browser's DevTools WebSocket URL, from the line it prints on start. */
    private static String endpoint(Process browser) throws Exception {
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader =
                new Thread(
                        () -> {
                            Pattern p = Pattern.compile("DevTools listening on (ws://\\S+)");
                            StringBuilder seen = new StringBuilder();
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    browser.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                String line;
                                while ((line = in.readLine()) != null) {
                                    Matcher m = p.matcher(line);
                                    if (m.find()) {
                                        url.complete(m.group(1));
                                    } else if (!url.isDone()) {
                                        seen.append(line).append('\n');
                                    }
                                }
                            } catch (IOException e) {
                                // the browser closed its output: nothing more to read
                            }
                            url.completeExceptionally(
                                    new IllegalStateException(
                                            "chromium printed no DevTools address:\n" + seen));
                        },
                        "chromium-output");
        reader.setDaemon(true);
        reader.start();
        return url.get(60, TimeUnit.SECONDS);
    }

    /** A minimal DevTools client: one page target, flat sessions. */
    private static final class Cdp implements WebSocket.Listener {
        private final WebSocket socket;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonObject>> pending =
                new ConcurrentHashMap<>();
        private final List<String> errors = new CopyOnWriteArrayList<>();
        private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        Cdp(String endpoint) throws Exception {
            socket =
                    HttpClient.newHttpClient()
                            .newWebSocketBuilder()
                            .connectTimeout(Duration.ofSeconds(30))
                            .buildAsync(URI.create(endpoint), this)
                            .get(30, TimeUnit.SECONDS);
        }

        PageCheck check(String url) throws Exception {
            String target =
                    call(null, "Target.createTarget", "{\"url\":\"about:blank\"}")
                            .get("targetId")
                            .getAsString();
            String session =
                    call(
                                    null,
                                    "Target.attachToTarget",
                                    "{\"targetId\":\"" + target + "\",\"flatten\":true}")
                            .get("sessionId")
                            .getAsString();
            for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
                call(session, domain + ".enable", "{}");
            }
            call(
                    session,
                    "Emulation.setDeviceMetricsOverride",
                    "{\"width\":1280,\"height\":1000,\"deviceScaleFactor\":1,\"mobile\":false}");
            loaded = new CompletableFuture<>();
            call(session, "Page.navigate", "{\"url\":" + quote(url) + "}");
            loaded.get(60, TimeUnit.SECONDS);
            JsonObject result =
                    call(
                                    session,
                                    "Runtime.evaluate",
                                    "{\"returnByValue\":true,\"expression\":"
                                            + quote(
                                                    "JSON.stringify({images: document.images.length,"
                                                            + " broken: Array.from(document.images)"
                                                            + ".filter(i => !i.complete || i.naturalWidth === 0)"
                                                            + ".map(i => i.src.substring(0, 80)),"
                                                            + " text: document.body ? document.body.innerText.trim().length : 0,"
                                                            + " height: document.documentElement.scrollHeight})")
                                            + "}")
                            .getAsJsonObject("result");
            JsonObject page =
                    JsonParser.parseString(result.get("value").getAsString()).getAsJsonObject();
            List<String> broken = new ArrayList<>();
            page.getAsJsonArray("broken").forEach(e -> broken.add(e.getAsString()));
            int height = Math.min(page.get("height").getAsInt(), 16000);
            byte[] png =
                    Base64.getDecoder()
                            .decode(
                                    call(
                                                    session,
                                                    "Page.captureScreenshot",
                                                    "{\"format\":\"png\",\"captureBeyondViewport\":true,"
                                                            + "\"clip\":{\"x\":0,\"y\":0,\"width\":1280,"
                                                            + "\"height\":"
                                                            + height
                                                            + ",\"scale\":0.5}}")
                                            .get("data")
                                            .getAsString());
            byte[] top =
                    Base64.getDecoder()
                            .decode(
                                    call(session, "Page.captureScreenshot", "{\"format\":\"png\"}")
                                            .get("data")
                                            .getAsString());
            return new PageCheck(
                    List.copyOf(errors),
                    page.get("images").getAsInt(),
                    broken,
                    page.get("text").getAsInt(),
                    png,
                    top);
        }

        private JsonObject call(String session, String method, String params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonObject> reply = new CompletableFuture<>();
            pending.put(id, reply);
            socket.sendText(
                            "{\"id\":"
                                    + id
                                    + (session == null ? "" : ",\"sessionId\":\"" + session + "\"")
                                    + ",\"method\":\""
                                    + method
                                    + "\",\"params\":"
                                    + params
                                    + "}",
                            true)
                    .get(30, TimeUnit.SECONDS);
            JsonObject r = reply.get(60, TimeUnit.SECONDS);
            if (r.has("error")) {
                throw new IllegalStateException(method + " failed: " + r.get("error"));
            }
            return r.getAsJsonObject("result");
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                handle(JsonParser.parseString(partial.toString()).getAsJsonObject());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        private void handle(JsonObject m) {
            if (m.has("id")) {
                CompletableFuture<JsonObject> f = pending.remove(m.get("id").getAsInt());
                if (f != null) {
                    f.complete(m);
                }
                return;
            }
            String method = m.get("method").getAsString();
            JsonObject p = m.getAsJsonObject("params");
            switch (method) {
                case "Page.loadEventFired" -> loaded.complete(null);
                case "Runtime.exceptionThrown" ->
                        errors.add(
                                "exception: "
                                        + exceptionText(p.getAsJsonObject("exceptionDetails")));
                case "Runtime.consoleAPICalled" -> {
                    if (p.get("type").getAsString().equals("error")) {
                        errors.add("console.error: " + p.get("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    JsonObject entry = p.getAsJsonObject("entry");
                    if (entry.get("level").getAsString().equals("error")) {
                        errors.add("log: " + entry.get("text").getAsString());
                    }
                }
                case "Network.loadingFailed" ->
                        errors.add("load failed: " + p.get("errorText").getAsString());
                default -> {}
            }
        }

        /** The exception's own description (type and message) when the browser gives one. */
        private static String exceptionText(JsonObject d) {
            if (d.has("exception") && d.getAsJsonObject("exception").has("description")) {
                return d.getAsJsonObject("exception").get("description").getAsString();
            }
            return d.get("text").getAsString();
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }

        private static String quote(String s) {
            return new com.google.gson.Gson().toJson(s);
        }
    }
}
