package dev.aivoicebot.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.LaunchMode;
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
}
