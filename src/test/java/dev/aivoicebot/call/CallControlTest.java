package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.WAIT;
import static dev.aivoicebot.call.CallHarness.assertNoSimulatorProblems;
import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static dev.aivoicebot.call.CallHarness.newSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.ServiceLog;
import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.sim.CallRecording.ClosedBy;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.twilio.rest.FakeTwilioRest;
import dev.aivoicebot.twilio.rest.FakeTwilioRest.Answer;
import dev.aivoicebot.twilio.rest.FakeTwilioRest.Received;
import dev.aivoicebot.twilio.rest.FakeTwilioRestResource;
import dev.aivoicebot.twilio.rest.InjectFakeTwilioRest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hanging up through Twilio's REST API, in whole calls against a fake Twilio on a real socket: a call the service
 * ends after a goodbye (the model's {@code end_call} on key 9, the maximum duration, a shutdown) is completed with one
 * {@code Status=completed} once the goodbye has played, then its stream closes; a caller who hangs up causes no
 * request; when Twilio fails, the failure is written into the transcript and closing the stream ends the call.
 */
@QuarkusTest
@TestProfile(CallControlTest.EndCallOnNine.class)
@WithTestResource(FakeTwilioRestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallControlTest extends DialingTest {

    public static class EndCallOnNine implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("emulator.tool-calls", "dtmf:9 -> end_call()", "calls.max-duration", "8s");
        }
    }

    @Inject
    EmulatorRecorder emulator;

    @Inject
    ShutdownDrain drain;

    @Inject
    CallRegistry registry;

    @InjectFakeTwilioRest
    FakeTwilioRest rest;

    @Override
    void beforeDialing() {
        rest.reset();
    }

    @Test
    void endCallHangsUpThroughTwilioOnceWhatIsPlayingHasPlayedThenTheStreamCloses() {
        Call call = placeCall();
        await("the greeting starts playing", () -> call.sim.receivedAudioBytes() > 0);
        call.sim.sendDigit('9'); // the model calls end_call while the greeting still plays

        assertEquals(ClosedBy.SERVICE, call.sim.awaitClose(WAIT).by());
        List<String> transcript = finishedTranscript(call.sid());
        Received post = call.onlyRequest();
        assertEquals(List.of(), post.problems(), "basic auth, account and form as Twilio wants them");
        assertEquals(Map.of("Status", "completed"), post.form());
        assertEquals(FakeTwilioRestResource.API_KEY, post.username(), "the API key is preferred to the auth token");
        assertTrue(call.playedAtRequest.get() >= call.session.responses().get(0).audio().length,
                "the greeting had played to its end when the hang-up was sent");
        assertFalse(call.closedAtRequest.get(), "the stream closes after the hang-up");
        assertTrue(transcript.get(transcript.size() - 1).contains(" system: call ended: assistant ended the call after "),
                transcript::toString);
        assertTrue(transcript.stream().noneMatch(l -> l.contains("hang-up failed")), transcript::toString);
        assertNoSimulatorProblems(call.sim);
    }

    @Test
    void atTheMaximumDurationTheCallIsHungUpThroughTwilioAfterTheGoodbye() {
        Call call = placeCall();

        assertEquals(ClosedBy.SERVICE, call.sim.awaitClose(WAIT.plusSeconds(10)).by());
        List<String> transcript = finishedTranscript(call.sid());
        assertTrue(transcript.stream().anyMatch(l -> l.contains(" assistant: I'm sorry, we need to end the call now.")),
                transcript::toString);
        Received post = call.onlyRequest();
        assertEquals(List.of(), post.problems());
        assertEquals(Map.of("Status", "completed"), post.form());
        long spoken = call.session.responses().stream().mapToLong(r -> r.audio().length).sum();
        assertTrue(call.playedAtRequest.get() >= spoken, "greeting and goodbye had played when the hang-up was sent");
        assertFalse(call.closedAtRequest.get());
        assertTrue(transcript.get(transcript.size() - 1).contains("call ended: max duration"), transcript::toString);
    }

    @Test
    void aCallerWhoHangsUpCausesNoRequest() {
        Call call = placeCall();
        call.awaitGreeting();

        call.sim.hangUp();

        List<String> transcript = finishedTranscript(call.sid());
        assertTrue(transcript.get(transcript.size() - 1).contains("call ended: caller hung up"), transcript::toString);
        assertEquals(List.of(), rest.received(call.sid()));
    }

    @Test
    void withRecordingOffByDefaultTheCallerHearsNoNotice() {
        String twiml = twilio.postVoiceWebhook(twilio.newCall()).body();
        assertTrue(twiml.contains("<Connect>") && !twiml.contains("<Say>"), twiml); // and no request: the tests above
    }

    @Test
    void aCallThatHadAlreadyEndedAtTwilioIsNoFailure() {
        Call call = placeCall();
        rest.answer(call.sid(), Answer.NOT_FOUND);
        call.awaitGreeting();
        ServiceLog log = ServiceLog.mark();

        call.sim.sendDigit('9');

        assertEquals(ClosedBy.SERVICE, call.sim.awaitClose(WAIT).by());
        List<String> transcript = finishedTranscript(call.sid());
        assertEquals(1, rest.received(call.sid()).size());
        assertTrue(transcript.stream().noneMatch(l -> l.contains("hang-up failed")), transcript::toString);
        assertTrue(transcript.get(transcript.size() - 1).contains("call ended: assistant ended the call"),
                transcript::toString);
        List<String> lines = log.sinceMark().lines().filter(l -> l.contains(call.sid())).toList();
        assertTrue(lines.stream().noneMatch(l -> l.contains("WARN")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("no hang-up needed, the call had already ended")),
                lines::toString);
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"TOO_MANY_REQUESTS", "SERVER_ERROR", "HANG"})
    void aFailedHangUpIsWrittenDownAndClosingTheStreamEndsTheCall(Answer answer) {
        Call call = placeCall();
        rest.answer(call.sid(), answer);
        call.awaitGreeting();
        ServiceLog log = ServiceLog.mark();

        call.sim.sendDigit('9');

        assertEquals(ClosedBy.SERVICE, call.sim.awaitClose(WAIT).by());
        List<String> transcript = finishedTranscript(call.sid());
        assertEquals(1, rest.received(call.sid()).size(), "one attempt, no retry");
        String expected = switch (answer) {
            case TOO_MANY_REQUESTS -> "Twilio answered HTTP 429 (error 20429: Too Many Requests)";
            case SERVER_ERROR -> "Twilio answered HTTP 500 (error 20500: Internal Server Error)";
            default -> "Twilio did not answer within " + FakeTwilioRestResource.TIMEOUT.replace("s", " s");
        };
        String failed = transcript.stream().filter(l -> l.contains(" system: hang-up failed: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no failure line: " + transcript));
        assertTrue(failed.contains(expected) && failed.endsWith("; closing the media stream instead"), failed);
        assertTrue(transcript.get(transcript.size() - 1).contains("call ended: assistant ended the call"),
                transcript::toString);
        String logged = log.sinceMark();
        List<String> warnings = logged.lines().filter(l -> l.contains("WARN") && l.contains(call.sid())).toList();
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("hang-up through Twilio failed: " + expected), warnings.get(0));
        assertFalse(ServiceLog.hasStackTrace(logged), "no stack trace");
        assertFalse(logged.contains(FakeTwilioRestResource.API_SECRET), "no secret");
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: draining cannot be undone in this application instance
    void onShutdownACallIsHungUpThroughTwilioAfterItsGoodbyeBeforeTheDrainEnds() throws Exception {
        Call call = placeCall();
        call.awaitGreeting();

        CompletableFuture.runAsync(drain::drain).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(0, registry.activeCount());
        Received post = call.onlyRequest(); // already there: the drain waits for the hang-up
        assertEquals(Map.of("Status", "completed"), post.form());
        assertFalse(call.closedAtRequest.get());
        List<String> transcript = finishedTranscript(call.sid());
        assertTrue(transcript.stream().anyMatch(l -> l.contains(" system: service shutting down; saying goodbye")),
                transcript::toString);
        assertTrue(transcript.get(transcript.size() - 1).contains("call ended: shutdown"), transcript::toString);
        assertEquals(ClosedBy.SERVICE, call.sim.awaitClose(WAIT).by());
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private Call placeCall() {
        List<EmulatorSession> before = emulator.sessions();
        SimulatedCall sim = twilio.placeCall(CallerScript.builder().silence(200).thenSilenceUntilHangUp());
        Call call = new Call(sim, newSession(emulator, before));
        rest.onRequest(request -> {
            if (call.sid().equals(request.callSid())) {
                call.playedAtRequest.set(sim.playedBytes());
                call.closedAtRequest.set(sim.closeRecord().isPresent());
            }
        });
        return call;
    }

    private final class Call {

        final SimulatedCall sim;
        final EmulatorSession session;
        final AtomicLong playedAtRequest = new AtomicLong(-1);
        final AtomicBoolean closedAtRequest = new AtomicBoolean();

        Call(SimulatedCall sim, EmulatorSession session) {
            this.sim = sim;
            this.session = session;
        }

        String sid() {
            return sim.identity().callSid();
        }

        void awaitGreeting() {
            await("the greeting is written down", () -> CallHarness.transcriptFile(sid()).map(CallHarness::read)
                    .orElse(List.of()).stream().anyMatch(l -> l.contains(" assistant: Hi, how can I help?")));
        }

        Received onlyRequest() {
            List<Received> requests = rest.received(sid());
            assertEquals(1, requests.size(), requests::toString);
            return requests.get(0);
        }
    }
}
