package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static dev.aivoicebot.call.CallHarness.newSession;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.emulator.EmulatorRecorder;
import dev.aivoicebot.emulator.EmulatorSession;
import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import dev.aivoicebot.sim.TwilioCallSimulator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OpenAI ends every session at a hard maximum duration. Our choice: recycle it (a new session with the
 * conversation so far) and keep the call going; MAX_CALL_DURATION below the limit ends calls gracefully
 * first in normal configurations. Here the emulator's limit is shortened to 2.5 s.
 */
@QuarkusTest
@TestProfile(SessionExpiryTest.ShortSessions.class)
class SessionExpiryTest {

    public static class ShortSessions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("emulator.max-session-duration", "2500ms");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    EmulatorRecorder emulator;

    @Test
    void anExpiredSessionIsRecycledAndTheCallGoesOn() {
        List<EmulatorSession> before = emulator.sessions();
        try (TwilioCallSimulator twilio = new TwilioCallSimulator(CallHarness.simulator(base.toString()))) {
            SimulatedCall call = twilio.placeCall(CallerScript.builder().silence(3200).speech(700).silence(1200)
                    .thenSilenceUntilHangUp());
            EmulatorSession first = newSession(emulator, before);
            await("the first session expires", first::closed);
            EmulatorSession second = newSession(emulator, List.of(first));
            await("the caller's next turn is answered by the new session", () -> second.responses().stream()
                    .anyMatch(r -> "completed".equals(r.status())));
            assertFalse(call.closeRecord().isPresent(), "the call went on");
            assertEquals("conversation.item.create", second.clientEventTypes().get(1), "the greeting was replayed");
            call.hangUp();
            List<String> transcript = finishedTranscript(call.identity().callSid());
            assertTrue(transcript.stream().anyMatch(l -> l.contains("system: assistant error session_expired")),
                    transcript::toString);
            assertTrue(transcript.stream().anyMatch(l -> l.contains("reconnecting (attempt 1 of 3)")),
                    transcript::toString);
            assertTrue(transcript.get(transcript.size() - 1).contains("call ended: caller hung up"));
        }
    }
}
