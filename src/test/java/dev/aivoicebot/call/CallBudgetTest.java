package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.WAIT;
import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static dev.aivoicebot.call.CallHarness.newSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.metrics.MetricsScrape;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.sim.CallRecording.ClosedBy;
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

/**
 * MAX_CALL_COST_USD, set so low the greeting reaches it: the assistant says goodbye and the call ends as the
 * maximum duration ends one. The emulator is told not to answer the summary, which must then hold the call's end
 * for SUMMARY_TIMEOUT and no longer.
 */
@QuarkusTest
@TestProfile(CallBudgetTest.TinyBudgetNoSummaryAnswer.class)
class CallBudgetTest extends DialingTest {

    public static class TinyBudgetNoSummaryAnswer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("MAX_CALL_COST_USD", "0.001", "SUMMARY_TIMEOUT", "1500ms",
                    "emulator.answer-out-of-band", "false");
        }
    }

    @Inject
    EmulatorRecorder emulator;

    @Inject
    CallRegistry registry;

    @Override
    void beforeDialing() {
        await("calls of earlier tests have ended", () -> registry.activeCount() == 0);
    }

    @Test
    void theBudgetEndsTheCallWithAGoodbyeAndAnUnansweredSummaryWaitsOnlyItsTimeout() throws Exception {
        MetricsScrape before = MetricsScrape.now();
        var sessions = emulator.sessions();
        SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(100).thenSilenceUntilHangUp());
        CallSid callSid = new CallSid(call.identity().callSid());
        await("the call is registered", () -> registry.find(callSid).isPresent());
        var report = registry.find(callSid).orElseThrow().report().toCompletableFuture();
        EmulatorSession session = newSession(emulator, sessions);

        assertEquals(ClosedBy.SERVICE, call.awaitClose(WAIT).by());
        long closedAt = System.nanoTime();
        CallReport reported = report.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        double waitedS = (System.nanoTime() - closedAt) / 1e9;
        List<String> transcript = finishedTranscript(call.identity().callSid());

        assertTrue(transcript.stream().anyMatch(l -> l.contains(" system: call budget of $0.001 reached; saying goodbye")),
                transcript::toString);
        assertTrue(transcript.stream().anyMatch(l -> l.contains(" assistant: I'm sorry, we need to end the call now.")),
                "the goodbye was spoken and heard: " + transcript);
        assertEquals(CallEndReason.BUDGET, reported.reason());
        assertTrue(reported.costUsd() >= 0.001, reported::toString);
        assertTrue(reported.summary().isEmpty(), reported::toString);
        int n = transcript.size();
        assertTrue(transcript.get(n - 3).endsWith(" system: summary: none (no answer within 1.5 s)"),
                transcript::toString);
        assertTrue(transcript.get(n - 2).contains(" system: usage: input "), transcript::toString);
        assertTrue(transcript.get(n - 1).contains("call ended: budget reached"), transcript::toString);
        assertTrue(waitedS > 1.0 && waitedS < 3.5, "the summary held the end for " + waitedS + " s");
        assertTrue(session.clientEvents().stream().anyMatch(e -> e.contains("\"conversation\":\"none\"")),
                "the summary was asked for");
        await("the emulator session is closed once the wait is over", session::closed);
        assertEquals(1, MetricsScrape.now().delta(before, "calls_ended_total", "reason=\"budget\""));
    }
}
