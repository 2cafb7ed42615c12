package dev.aivoicebot.call;

import static dev.aivoicebot.call.CallHarness.await;
import static dev.aivoicebot.call.CallHarness.finishedTranscript;
import static dev.aivoicebot.call.CallHarness.transcriptFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.sim.CallerScript;
import dev.aivoicebot.sim.SimulatedCall;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A caller reads out a card number in a whole call; the transcript file holds only its last four digits, whether
 * the caller said it spaced with the expiry after it or the assistant said it dashed or split by a control
 * character, and a configured pattern (a date of birth) is redacted. Other numbers stay.
 */
@QuarkusTest
@TestProfile(CardNumbersMaskedTest.Masking.class)
class CardNumbersMaskedTest extends DialingTest {

    public static class Masking implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The greeting "says" its text in 1 s, so the caller below does not talk over it.
            return Map.of("transcript.mask-pattern", "\\b\\d{2}/\\d{2}/\\d{4}\\b|\\bpassword \\S+",
                    "emulator.tone-max", "1s");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(CardReplyScript.class);
        }
    }

    @Test
    void aSpokenCardNumberNeverReachesTheTranscript() {
        // The caller speaks once the greeting has played, even on a busy machine.
        SimulatedCall call = twilio.placeCall(CallerScript.builder()
                .silence(8000).speech(800).silence(1500).thenSilenceUntilHangUp());
        String callSid = call.identity().callSid();
        await("the greeting and the caller's words are in the transcript", () -> transcriptFile(callSid)
                .map(CallHarness::read).map(lines -> lines.stream().anyMatch(l -> l.contains(" customer: "))
                        && lines.stream().anyMatch(l -> l.contains(" assistant: Hello!"))).orElse(false));
        call.hangUp();
        List<String> transcript = finishedTranscript(callSid);

        String whole = String.join("\n", transcript);
        String digitsOnly = whole.replaceAll("[^0-9]", "");
        for (String card : List.of("4111111111111111", "5555555555554444")) {
            assertFalse(digitsOnly.contains(card), () -> "card " + card + " reached the transcript: " + whole);
        }
        assertEquals(1, transcript.stream().filter(l -> l.endsWith(
                " customer: my card is [card ending 1111] 12 27, order 123456789012, born [redacted], [redacted]")).count(), whole);
        assertTrue(transcript.stream().anyMatch(l -> l.endsWith(
                " assistant: Hello! Is your card [card ending 1111], or [card ending 4444]?")), whole);
    }
}
