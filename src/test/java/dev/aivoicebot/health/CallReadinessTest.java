package dev.aivoicebot.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.LaunchMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each reason a replica stops taking calls, alone and together. */
class CallReadinessTest {

    @Test
    void readyWithRoomAndAKey() {
        CallReadiness readiness = new CallReadiness(false, 99, 100, false);
        assertTrue(readiness.ready());
        assertEquals(List.of(), readiness.reasons());
    }

    @Test
    void noLimitMeansNeverFull() {
        assertTrue(new CallReadiness(false, 10_000, 0, false).ready());
    }

    @Test
    void drainingIsNotReady() {
        CallReadiness readiness = new CallReadiness(true, 0, 100, false);
        assertFalse(readiness.ready());
        assertTrue(readiness.reasons().get(0).startsWith("draining"), readiness.reasons()::toString);
    }

    @Test
    void fullIsNotReady() {
        CallReadiness readiness = new CallReadiness(false, 100, 100, false);
        assertFalse(readiness.ready());
        assertEquals(List.of("at capacity: 100 of 100 calls (MAX_CONCURRENT_CALLS)"), readiness.reasons());
    }

    @Test
    void noKeyInProductionIsNotReady() {
        CallReadiness readiness = new CallReadiness(false, 0, 100, true);
        assertFalse(readiness.ready());
        assertTrue(readiness.reasons().get(0).startsWith("OPENAI_API_KEY is not set"));
    }

    @Test
    void everyReasonIsGiven() {
        assertEquals(3, new CallReadiness(true, 5, 5, true).reasons().size());
    }

    @Test
    void aKeyIsMissingOnlyInProductionWithoutAKeyAndWithoutAnExplicitEmulator() {
        Optional<String> none = Optional.empty();
        assertTrue(CallReadiness.missingOpenAiKey(LaunchMode.NORMAL, none, Optional.empty()));
        assertTrue(CallReadiness.missingOpenAiKey(LaunchMode.NORMAL, none, Optional.of(false)));
        assertFalse(CallReadiness.missingOpenAiKey(LaunchMode.NORMAL, none, Optional.of(true)), "a demo on purpose");
        assertFalse(CallReadiness.missingOpenAiKey(LaunchMode.NORMAL, Optional.of("sk-x"), Optional.empty()));
        assertFalse(CallReadiness.missingOpenAiKey(LaunchMode.DEVELOPMENT, none, Optional.empty()));
        assertFalse(CallReadiness.missingOpenAiKey(LaunchMode.TEST, none, Optional.empty()));
    }
}
