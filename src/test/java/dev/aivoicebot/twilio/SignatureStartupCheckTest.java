package dev.aivoicebot.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.LaunchMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignatureStartupCheckTest {

    @Test
    void productionWithoutAnAuthTokenRefusesToStart() {
        Optional<String> problem = SignatureStartupCheck.problem(LaunchMode.NORMAL, Optional.empty(), true);
        assertTrue(problem.orElseThrow().contains("TWILIO_AUTH_TOKEN is not set"));
        assertTrue(problem.orElseThrow().contains("TWILIO_SIGNATURE_VALIDATION=false"), "says how to opt out");
    }

    @Test
    void productionWithATokenOrAnExplicitOptOutStarts() {
        assertEquals(Optional.empty(), SignatureStartupCheck.problem(LaunchMode.NORMAL, Optional.of("token"), true));
        assertEquals(Optional.empty(), SignatureStartupCheck.problem(LaunchMode.NORMAL, Optional.empty(), false));
    }

    @Test
    void devAndTestMayRunWithoutAToken() {
        assertEquals(Optional.empty(), SignatureStartupCheck.problem(LaunchMode.DEVELOPMENT, Optional.empty(), true));
        assertEquals(Optional.empty(), SignatureStartupCheck.problem(LaunchMode.TEST, Optional.empty(), true));
    }

    @Test
    void aStreamTokenSecretShorterThan16CharactersRefusesToStart() {
        assertTrue(SignatureStartupCheck.secretProblem(Optional.of("short-secret")).orElseThrow()
                .contains("STREAM_TOKEN_SECRET must be at least 16 characters"));
        assertEquals(Optional.empty(), SignatureStartupCheck.secretProblem(Optional.of("sixteen-chars-ok")));
        assertEquals(Optional.empty(), SignatureStartupCheck.secretProblem(Optional.empty()));
    }

    @Test
    void productionIsWarnedAtStartAboutASecretPerProcessAndAPlainHttpOrigin() {
        List<String> warnings = SignatureStartupCheck.productionWarnings(Optional.empty(), "http://voice.example.com");
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith("STREAM_TOKEN_SECRET is not set"));
        assertTrue(warnings.get(1).startsWith("PUBLIC_BASE_URL is not https://"));
        assertEquals(List.of(), SignatureStartupCheck.productionWarnings(Optional.of("a-shared-secret-0123"),
                "https://voice.example.com"));
    }
}
