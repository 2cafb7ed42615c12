package dev.aivoicebot.softphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.sim.MuLaw;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A call from the softphone page in a real headless Chromium whose microphone plays speech-like bursts: the
 * page speaks Twilio Media Streams to the service, whose OpenAI side is the emulator. The second burst of each
 * round starts while the assistant's echo of the first is still playing, so the caller barges in.
 */
@QuarkusTest
class SoftphoneBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(25);
    private static final String STATS = "return window.softphone.stats";

    @TestHTTPResource("/phone")
    URL page;

    @Inject
    EmulatorRecorder emulator;

    @Test
    void aBrowserCallIsHeardAnsweredInterruptedAndTranscribed() throws IOException {
        Chromium.assumeInstalled();
        Path wav = SpeechLikeWav.write(Path.of("target/softphone-caller.wav"), 1500, 1000, 1500, 3500);
        List<EmulatorSession> before = emulator.sessions();
        try (Chromium browser = Chromium.start(wav)) {
            browser.open(page.toString());
            browser.click("#call");
            browser.await("the call is live", "return window.softphone.state", v -> v.asText().equals("live"), WAIT);
            EmulatorSession session = awaitNewSession(before);

            JsonNode stats = browser.await("assistant audio played, a barge-in cleared it, marks echoed", STATS,
                    s -> s.path("samplesPlayed").asInt() >= 8000 && s.path("clears").asInt() >= 1
                            && s.path("marksEchoed").asInt() >= 1, WAIT);
            assertEquals(0, stats.path("queuedAfterClear").asInt(-1), "samples still queued right after a clear");
            assertTrue(stats.path("lastClearDropped").asInt() > 0, "the clear dropped unplayed audio: " + stats);
            assertTrue(stats.path("framesSent").asInt() > 50, "caller frames sent: " + stats);
            assertTrue(stats.path("framesReceived").asInt() > 0, "assistant frames received: " + stats);

            browser.await("customer lines and an answer heard to its end on the page",
                    "return [...document.querySelectorAll('#transcript li')].map(li => li.className)",
                    v -> has(v, "customer") && has(v, "assistant interrupted") && has(v, "assistant"), WAIT);
            browser.await("an answer's response latency is shown", "return window.softphone.turns",
                    v -> stream(v).anyMatch(t -> t.path("kind").asText().equals("answer")
                            && t.path("ms").asInt() > 0 && t.path("ms").asInt() < 5000), WAIT);
            assertTrue(voicedMs(session.inputAudio()) >= 1000,
                    "the emulator heard the caller's bursts: " + voicedMs(session.inputAudio()) + " ms voiced");

            String callSid = browser.eval("return window.softphone.callSid").asText();
            browser.click("#hangup");
            browser.await("the page shows the call ended", "return window.softphone.state",
                    v -> v.asText().equals("ended"), WAIT);
            JsonNode lines = browser.await("the page shows the last transcript line",
                    "return [...document.querySelectorAll('#transcript li .text')].map(t => t.textContent)",
                    v -> stream(v).anyMatch(t -> t.asText().startsWith("call ended: caller hung up")), WAIT);
            assertEquals(transcriptTexts(callSid), stream(lines).map(JsonNode::asText).toList(),
                    "the page shows exactly the lines of the call's transcript file");
            browser.screenshot(Path.of("target/softphone.png"));
        }
    }

    private EmulatorSession awaitNewSession(List<EmulatorSession> before) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            var found = emulator.sessions().stream().filter(s -> !before.contains(s)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            sleep();
        }
        throw new AssertionError("no emulator session opened for the browser call");
    }

    private static long voicedMs(byte[] mulaw) {
        long voiced = 0;
        for (int at = 0; at + 160 <= mulaw.length; at += 160) {
            double energy = 0;
            for (int i = at; i < at + 160; i++) {
                double sample = MuLaw.decode(mulaw[i]);
                energy += sample * sample;
            }
            voiced += Math.sqrt(energy / 160) >= 500 ? 20 : 0;
        }
        return voiced;
    }

    private static List<String> transcriptTexts(String callSid) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target/test-transcripts"))) {
            Path file = files.filter(f -> f.getFileName().toString().endsWith("_" + callSid + ".txt")).findFirst()
                    .orElseThrow(() -> new AssertionError("no transcript file for " + callSid));
            List<String> texts = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                texts.add(line.substring(line.indexOf(": ") + 2));
            }
            return texts;
        }
    }

    /** A line with exactly this class on the page: {@code "assistant"} alone is an answer heard to its end. */
    private static boolean has(JsonNode classes, String lineClass) {
        return stream(classes).anyMatch(c -> c.asText().equals(lineClass));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
