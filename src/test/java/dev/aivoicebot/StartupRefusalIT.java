package dev.aivoicebot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged application in production refuses settings that would be unsafe with one clear line and exit
 * code 1, not a stack trace an operator has to dig through; what is only risky is warned about at start.
 */
class StartupRefusalIT {

    @Test
    void anOpenGenerateVoiceIsRefusedWithOneLineAndExitCode1() throws Exception {
        assertRefused(Map.of("GENERATE_VOICE_ENABLED", "true"), "POST /generate-voice spends OpenAI credit");
    }

    @Test
    void productionWithoutATwilioAuthTokenIsRefusedWithOneLineAndExitCode1() throws Exception {
        assertRefused(Map.of("TWILIO_AUTH_TOKEN", ""), "TWILIO_AUTH_TOKEN is not set");
    }

    @Test
    void aShortStreamTokenSecretIsRefusedWithOneLineAndExitCode1() throws Exception {
        assertRefused(Map.of("STREAM_TOKEN_SECRET", "too-short"), "STREAM_TOKEN_SECRET must be at least 16");
    }

    @Test
    void aMissingSecretAndAPlainHttpOriginAreWarnedAtStart() throws Exception {
        try (PackagedApp app = PackagedApp.start(Map.of("STREAM_TOKEN_SECRET", "",
                "PUBLIC_BASE_URL", "http://voice.example.test"))) {
            String log = app.output();
            assertTrue(log.contains("STREAM_TOKEN_SECRET is not set"), log);
            assertTrue(log.contains("PUBLIC_BASE_URL is not https://"), log);
        }
    }

    private static void assertRefused(Map<String, String> settings, String reason) throws Exception {
        try (PackagedApp app = PackagedApp.launch(settings)) {
            int exit = app.awaitExit(Duration.ofSeconds(60));
            String output = app.output();
            assertEquals(1, exit, output);
            List<String> mentions = output.lines().filter(l -> l.contains(reason)).toList();
            assertEquals(1, mentions.size(), output);
            assertFalse(output.lines().anyMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by")),
                    () -> "a stack trace for a configuration mistake:\n" + output);
        }
    }
}
