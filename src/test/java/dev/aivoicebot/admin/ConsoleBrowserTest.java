package dev.aivoicebot.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.SimulatorConfig;
import dev.aivoicebot.sim.TwilioCallSimulator;
import dev.aivoicebot.softphone.Chromium;
import dev.aivoicebot.transcript.CallDetails.Usage;
import dev.aivoicebot.transcript.CallFileName;
import dev.aivoicebot.transcript.NumberedLine;
import dev.aivoicebot.transcript.Speaker;
import dev.aivoicebot.transcript.TranscriptFile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console in a real headless Chromium: log in with the key, see a call placed through the simulator listed
 * live and then ended without reloading, open it and read exactly its transcript's lines; a line of markup shows
 * as text and runs nothing.
 */
@QuarkusTest
@TestProfile(ArchiveTestProfile.class)
class ConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(25);
    private static final String ROW_STATE = "return [...document.querySelectorAll('#calls tbody tr')]"
            + ".filter(r => r.dataset.callSid === '%s').map(r => r.querySelector('.badge').textContent)";
    private static final String TIMELINE = "return [...document.querySelectorAll('#timeline li')]"
            + ".map(li => ({text: li.querySelector('.text').textContent, kind: li.dataset.kind}))";
    private static final String XSS = "<img src=x onerror=\"window.xssRan=1\"><script>window.xssRan=2</script>";

    @TestHTTPResource("/console")
    URL console;

    @TestHTTPResource("/")
    URL base;

    @Test
    void anOperatorLogsInWatchesACallEndAndReadsItsTimeline() throws IOException {
        Chromium.assumeInstalled();
        StoredCall markup = StoredCall.startingAt(Instant.parse("2001-06-01T10:00:00Z")).says(XSS)
                .answers("That is not an order number.").ended("CALLER_HUNG_UP", "caller hung up");
        markup.writeTo(ArchiveTestProfile.LOG_DIR);
        StoredCall shown = exampleCall();
        shown.writeTo(ArchiveTestProfile.LOG_DIR);

        try (TwilioCallSimulator twilio = new TwilioCallSimulator(SimulatorConfig.of(base.toString(),
                "https://voice.example.test", "canary-twilio-token-5f0e2b7c"));
                Chromium browser = Chromium.start(Path.of("target/no-microphone.wav"))) {
            SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(2000).speech(1000).silence(1500)
                    .thenSilenceUntilHangUp());
            String sid = call.identity().callSid();

            browser.open(console.toString());
            browser.await("the login form", "return !document.querySelector('#login').hidden", JsonNode::asBoolean, WAIT);
            browser.eval("document.querySelector('#key').value = 'wrong'; "
                    + "document.querySelector('#login-form').requestSubmit()");
            browser.await("a wrong key is refused", "return document.querySelector('#login-error').textContent",
                    v -> v.asText().contains("refused"), WAIT);
            browser.eval("document.querySelector('#key').value = '" + ArchiveTestProfile.ADMIN_KEY + "'; "
                    + "document.querySelector('#login-form').requestSubmit()");
            browser.await("the call is listed live", ROW_STATE.formatted(sid), v -> v.toString().equals("[\"live\"]"),
                    WAIT);
            assertTrue(browser.eval("return sessionStorage.length").asInt() == 1, "the key is in session storage");

            call.hangUp();
            browser.await("the list shows the call ended, without a reload", ROW_STATE.formatted(sid),
                    v -> v.toString().equals("[\"CALLER_HUNG_UP\"]"), WAIT);
            browser.click("#calls tbody tr[data-call-sid='" + sid + "']");
            JsonNode timeline = browser.await("the call's timeline ends with its last line", TIMELINE,
                    v -> v.size() > 0 && v.get(v.size() - 1).path("kind").asText().equals("call_ended"), WAIT);
            assertEquals(transcriptTexts(sid), texts(timeline), "the timeline is the transcript file, line by line");

            browser.open(console + "#/calls/" + markup.callSid());
            JsonNode lines = browser.await("the markup call's timeline", TIMELINE, v -> v.size() == 4, WAIT);
            assertEquals(XSS, lines.get(1).path("text").asText(), "the markup shows as text");
            assertEquals(0, browser.eval("return document.querySelectorAll('#timeline img, #timeline script').length")
                    .asInt(), "no element was made from it");
            assertTrue(browser.eval("return window.xssRan === undefined").asBoolean(), "nothing of it ran");

            browser.open(console + "#/calls/" + shown.callSid());
            JsonNode kinds = browser.await("the example call's timeline", TIMELINE,
                    v -> v.size() == shown.lines().size(), WAIT);
            assertEquals(shown.lines().stream().map(l -> l.text()).toList(), texts(kinds));
            assertEquals("$0.0213", browser.eval("return [...document.querySelectorAll('#call-facts dd')]"
                    + ".map(d => d.textContent).find(t => t.startsWith('$'))").asText());
            browser.screenshot(Path.of("target/console.png"));
        }
    }

    /** A call with a little of everything, for the screenshot: a barge-in, a tool, a transfer attempt, a summary. */
    private static StoredCall exampleCall() {
        return StoredCall.startingAt(Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS))
                .parties("+15550123", "+15550199")
                .answers("Hi, thanks for calling Luigi's. How can I help?")
                .says("Hi, I ordered a pizza an hour ago, order 4417, where is it?")
                .system("tool get_order_status: ok in 0.38 s")
                .system("caller interrupted the assistant after 2.10 s of 4.60 s sent")
                .line(Speaker.ASSISTANT, true, "Order 4417 left the kitchen twelve minutes ago and should be")
                .says("Can I talk to someone about the delivery?")
                .system("transfer to delivery requested: caller asks about a late delivery")
                .system("transfer to delivery failed: no answer")
                .answers("Nobody at the delivery desk is free right now. Your driver is five minutes away.")
                .says("OK, thanks.")
                .system("summary: Caller asked about late order 4417; it is on its way, delivery desk did not answer.")
                .cost("Caller asked about late order 4417; it is on its way, delivery desk did not answer.",
                        new Usage(420, 3100, 380, 2900, 160, 2400), 0.0213)
                .ended("ASSISTANT_ENDED", "assistant ended the call");
    }

    private static List<String> transcriptTexts(String callSid) throws IOException {
        CallFileName name = TranscriptFile.list(ArchiveTestProfile.LOG_DIR).stream()
                .filter(n -> n.callSid().value().equals(callSid)).findFirst().orElseThrow();
        return TranscriptFile.readFrom(name.transcript(ArchiveTestProfile.LOG_DIR), 0, 0).lines().stream()
                .map(NumberedLine::line).map(l -> l.text()).toList();
    }

    private static List<String> texts(JsonNode timeline) {
        List<String> texts = new ArrayList<>();
        timeline.forEach(line -> texts.add(line.path("text").asText()));
        return texts;
    }
}
