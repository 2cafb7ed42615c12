package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.WAIT;
import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static dev.aivoicebot.call.CallHarness.newSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** CALL_SUMMARY=false: no out-of-band request is sent, the session closes with the call; usage is still written. */
@QuarkusTest
@TestProfile(CallSummaryOffTest.SummaryOff.class)
class CallSummaryOffTest extends DialingTest {

    public static class SummaryOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("CALL_SUMMARY", "false");
        }
    }

    @Inject
    EmulatorRecorder emulator;

    @Inject
    CallRegistry registry;

    @Test
    void noSummaryIsAskedForAndTheUsageLineEndsTheTranscript() throws Exception {
        var sessions = emulator.sessions();
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(100).thenSilenceUntilHangUp());
        CallSid callSid = new CallSid(call.identity().callSid());
        await("the call is registered", () -> registry.find(callSid).isPresent());
        var report = registry.find(callSid).orElseThrow().report().toCompletableFuture();
        EmulatorSession session = newSession(emulator, sessions);
        await("the greeting is generated", () -> session.serverEvents().stream()
                .anyMatch(e -> e.contains("\"type\":\"response.done\"")));
        call.hangUp();
        List<String> transcript = finishedTranscript(call.identity().callSid());
        CallReport reported = report.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        await("the emulator session is closed", session::closed);

        assertFalse(session.clientEvents().stream().anyMatch(e -> e.contains("\"conversation\":\"none\"")),
                "no out-of-band request: " + session.clientEventTypes());
        assertTrue(reported.summary().isEmpty() && reported.outcomeJson().isEmpty(), reported::toString);
        assertEquals(1, reported.usage().responses(), "the greeting");
        assertFalse(transcript.stream().anyMatch(l -> l.contains(" system: summary:")), transcript::toString);
        int n = transcript.size();
        assertTrue(transcript.get(n - 2).contains(" system: usage: input "), transcript::toString);
        assertTrue(transcript.get(n - 1).contains("call ended: caller hung up"), transcript::toString);
    }
}
