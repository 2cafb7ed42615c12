package dev.aivoicebot.softphone;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, speaking the W3C WebDriver protocol
 * directly (a few HTTP calls; nothing is downloaded). The fake microphone plays a WAV file in a loop. Public: the
 * console's browser test drives it too.
 */
public final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final Path profile;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String session;

    /** Skips the test when the browser is not installed, except in CI (env CI set), where that is a failure. */
    public static void assumeInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!installed && System.getenv("CI") != null) {
            fail("CI needs " + BROWSER + " and " + DRIVER + " (apt-get install chromium chromium-driver; .ci/run does)");
        }
        assumeTrue(installed, "browser test skipped: install chromium and chromium-driver (Debian packages)");
    }

    public static Chromium start(Path fakeMicrophoneWav) {
        try {
            return new Chromium(fakeMicrophoneWav);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Chromium(Path wav) throws IOException {
        int port = FreePorts.next();
        profile = Files.createTempDirectory("softphone-chromium");
        driver = new ProcessBuilder(DRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromedriver.log").toFile()).start();
        URI base = URI.create("http://127.0.0.1:" + port);
        awaitDriver(base);
        List<String> args = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1100,760", "--autoplay-policy=no-user-gesture-required",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-audio-capture=" + wav.toAbsolutePath(),
                "--user-data-dir=" + profile.resolve("user-data"));
        Map<String, Object> capabilities = Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome",
                "goog:chromeOptions", Map.of("binary", BROWSER.toString(), "args", args))));
        JsonNode created = call("POST", base.resolve("/session"), capabilities);
        session = base + "/session/" + created.path("value").path("sessionId").asText();
    }

    public void open(String url) {
        command("POST", "/url", Map.of("url", url));
    }

    public void click(String cssSelector) {
        String element = command("POST", "/element", Map.of("using", "css selector", "value", cssSelector))
                .path("value").elements().next().asText();
        command("POST", "/element/" + element + "/click", Map.of());
    }

    /** Runs a script in the page ({@code return …}) and gives its JSON value. */
    public JsonNode eval(String script) {
        return command("POST", "/execute/sync", Map.of("script", script, "args", List.of())).path("value");
    }

    /** Polls a script until its value satisfies the condition; fails with the last value otherwise. */
    public JsonNode await(String what, String script, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode value = eval(script);
        while (!condition.test(value)) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what + "; last value: " + value);
            }
            sleep(100);
            value = eval(script);
        }
        return value;
    }

    public void screenshot(Path file) throws IOException {
        String png = command("GET", "/screenshot", null).path("value").asText();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    /** What chromedriver logged, for failure reports. */
    public String driverLog() {
        try {
            return Files.readString(profile.resolve("chromedriver.log"));
        } catch (IOException e) {
            return "(no driver log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                call("DELETE", URI.create(session), null);
            }
        } catch (RuntimeException e) {
            // the browser may already be gone; the driver is stopped below either way
        } finally {
            driver.destroy();
        }
    }

    private JsonNode command(String method, String path, Object body) {
        return call(method, URI.create(session + path), body);
    }

    private JsonNode call(String method, URI uri, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").method(method, publisher).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("WebDriver " + method + " " + uri.getPath() + " answered "
                        + response.statusCode() + ": " + json.path("value").path("message").asText());
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitDriver(URI base) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (call("GET", base.resolve("/status"), null).path("value").path("ready").asBoolean()) {
                    return;
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                // not listening yet
            }
            sleep(50);
        }
        driver.destroy();
        throw new IllegalStateException("chromedriver did not start: " + driverLog());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
