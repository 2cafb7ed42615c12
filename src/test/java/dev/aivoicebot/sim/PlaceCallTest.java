package dev.aivoicebot.sim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.FreePorts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The command-line call against a service on a local {@code http://} origin with a Twilio auth token, as a
 * newcomer runs it: it signs what the service checks, follows the {@code ws://} stream, prints the transcript's
 * real path, and says so (returning false, so the command exits 1) when the webhook is refused.
 */
@QuarkusTest
@TestProfile(PlaceCallTest.LocalHttpOrigin.class)
class PlaceCallTest {

    static final int PORT = FreePorts.next();
    static final String LOCAL = "http://localhost:" + PORT;
    static final String TOKEN = "canary-twilio-token-5f0e2b7c";

    public static class LocalHttpOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.test-port", Integer.toString(PORT), "twilio.public-base-url", LOCAL);
        }
    }

    @Test
    void aSignedCallToALocalHttpServiceGoesThroughAndNamesItsTranscript() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        boolean ok = PlaceCall.run(new String[] {LOCAL, LOCAL, TOKEN, "target/test-transcripts"}, script(),
                new PrintStream(output, true, StandardCharsets.UTF_8));
        String printed = output.toString(StandardCharsets.UTF_8);
        assertTrue(ok, printed);
        assertTrue(printed.contains("Media stream: ws://localhost:" + PORT + "/voice/stream"), printed);
        assertTrue(printed.matches("(?s).*Transcript: target/test-transcripts/\\S+_CA[0-9a-f]{32}\\.txt.*"), printed);
    }

    @Test
    void aRefusedWebhookIsReportedAsSuchAndFails() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        boolean ok = PlaceCall.run(new String[] {LOCAL, LOCAL, "not-the-auth-token"}, script(),
                new PrintStream(output, true, StandardCharsets.UTF_8));
        String printed = output.toString(StandardCharsets.UTF_8);
        assertFalse(ok, printed);
        assertTrue(printed.contains("Call failed: the webhook answered HTTP 403"), printed);
    }

    private static CallerScript script() {
        return CallerScript.builder().silence(300).speech(800).silence(2500).thenHangUp();
    }
}
