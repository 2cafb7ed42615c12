package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.WAIT;
import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.ManagementInterface;
import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.metrics.MetricsScrape;
import dev.aivoicebot.sim.CallIdentity;
import dev.aivoicebot.sim.CallRecording.CloseRecord;
import dev.aivoicebot.sim.CallRecording.ClosedBy;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.VoiceWebhookResponse;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Capacity, maximum call duration and graceful shutdown, with the limits shortened so they are reached. */
@QuarkusTest
@TestProfile(CallLimitsTest.ShortLimits.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallLimitsTest extends DialingTest {

    public static class ShortLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("calls.max-concurrent", "2", "calls.max-duration", "4s", "calls.drain-timeout", "1500ms");
        }
    }

    @Inject
    EmulatorRecorder emulator;

    @Inject
    CallRegistry registry;

    @Inject
    ShutdownDrain drain;

    @Inject
    ServiceState state;

    @Override
    void afterHangingUp() {
        await("no call is left active", () -> registry.activeCount() == 0);
    }

    @Test
    @Order(1)
    void beyondCapacityCallersHearABusyMessageAndNoSessionOpens() {
        int initial = emulator.sessions().size();
        twilio.placeCall(CallerScript.builder().silence(100).thenSilenceUntilHangUp());
        twilio.placeCall(CallerScript.builder().silence(100).thenSilenceUntilHangUp());
        await("two calls are active", () -> registry.activeCount() == 2 && emulator.sessions().size() == initial + 2);
        int sessions = emulator.sessions().size();
        MetricsScrape before = MetricsScrape.now();

        VoiceWebhookResponse busy = twilio.postVoiceWebhook(twilio.newCall());

        assertEquals(200, busy.status());
        assertEquals(1, MetricsScrape.now().delta(before, "calls_rejected_total", "reason=\"capacity\""));
        assertTrue(busy.body().contains("<Say>Sorry, all of our assistants are busy right now."), busy.body());
        assertTrue(busy.body().endsWith("<Hangup/></Response>"), busy.body());
        assertEquals(sessions, emulator.sessions().size(), "no OpenAI session for a turned-away call");
    }

    @Test
    @Order(2)
    void aStreamStartingAtCapacityIsClosedWith1013() {
        CallIdentity late = twilio.newCall();
        VoiceWebhookResponse admitted = twilio.postVoiceWebhook(late); // minted while there was room
        twilio.placeCall(CallerScript.builder().silence(100).thenSilenceUntilHangUp());
        twilio.placeCall(CallerScript.builder().silence(100).thenSilenceUntilHangUp());
        await("two calls are active", () -> registry.activeCount() == 2);
        MetricsScrape before = MetricsScrape.now();

        SimulatedCall third = twilio.openStream(late, admitted.twiml(), CallerScript.builder().silence(100)
                .thenSilenceUntilHangUp());
        CloseRecord close = third.awaitClose(WAIT);
        assertEquals(1013, close.code());
        assertEquals("service at capacity, try again later", close.reason());
        assertEquals(1, MetricsScrape.now().delta(before, "calls_rejected_total", "reason=\"capacity\""));
    }

    @Test
    @Order(3)
    void atTheMaximumDurationTheAssistantSaysGoodbyeAndTheCallEnds() {
        MetricsScrape before = MetricsScrape.now();
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(100).thenSilenceUntilHangUp());
        CloseRecord close = call.awaitClose(WAIT);
        // While the goodbye plays the caller is no longer heard: those frames are dropped, and not counted.
        long sentFrames = call.sentAudio().length / 160;
        double counted = MetricsScrape.now().delta(before, "bridge_frames_total", "direction=\"inbound\"");
        assertTrue(counted > 0 && counted <= sentFrames - 25,
                "frames counted as relayed: " + counted + " of " + sentFrames + " sent, over half a second of goodbye");
        assertEquals(ClosedBy.SERVICE, close.by());
        assertEquals(1000, close.code());
        List<String> transcript = finishedTranscript(call.identity().callSid());
        assertTrue(transcript.stream().anyMatch(l -> l.contains(" system: maximum call duration reached; saying goodbye")),
                transcript::toString);
        assertTrue(transcript.stream().anyMatch(l -> l.contains(" assistant: I'm sorry, we need to end the call now.")),
                "the goodbye was spoken and heard: " + transcript);
        assertTrue(transcript.get(transcript.size() - 1).contains("call ended: max duration"), transcript::toString);

    }

    @Test
    @Order(4) // last: draining cannot be undone in this application instance
    void onShutdownNewCallsAreTurnedAwayAndCallsInProgressEndWithAGoodbye() throws Exception {
        SimulatedCall finishing = twilio.placeCall(CallerScript.builder().silence(800).thenHangUp());
        SimulatedCall lingering = twilio.placeCall(CallerScript.builder().silence(100).thenSilenceUntilHangUp());
        await("two calls are active", () -> registry.activeCount() == 2);

        CompletableFuture<Void> draining = CompletableFuture.runAsync(drain::drain);
        await("draining has begun", state::draining);
        ManagementInterface.given().when().get("/q/health/ready").then().statusCode(503).body(containsString("draining"));
        given().formParams(Map.of("CallSid", "CA" + "a".repeat(32)))
                .header("X-Twilio-Signature", new dev.aivoicebot.sim.TwilioSigner(CallHarness.AUTH_TOKEN)
                        .sign(CallHarness.PUBLIC_BASE_URL + "/voice", Map.of("CallSid", "CA" + "a".repeat(32))))
                .when().post("/voice")
                .then().statusCode(200).body(containsString("busy right now"));

        draining.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(0, registry.activeCount());
        assertTrue(finishedTranscript(finishing.identity().callSid()).stream()
                .anyMatch(l -> l.contains("call ended: caller hung up")), "finished by itself within the drain time");
        List<String> transcript = finishedTranscript(lingering.identity().callSid());
        assertTrue(transcript.stream().anyMatch(l -> l.contains(" system: service shutting down; saying goodbye")),
                transcript::toString);
        assertTrue(transcript.get(transcript.size() - 1).contains("call ended: shutdown"), transcript::toString);
        assertEquals(ClosedBy.SERVICE, lingering.awaitClose(WAIT).by());
    }
}
