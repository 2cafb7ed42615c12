package dev.aivoicebot.health;

import io.quarkus.runtime.LaunchMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether this replica should be sent new calls, and if not, why: it is shutting down, it already has
 * {@code MAX_CONCURRENT_CALLS} calls, or it runs in production with no OpenAI key (calls would only reach the
 * built-in emulator, which nobody wants to be put through to by accident). Pure, so each rule is unit tested.
 *
 * @param draining       shutdown has begun
 * @param activeCalls    calls in progress here
 * @param maxConcurrent  the configured limit, 0 for none
 * @param missingOpenAiKey prod, no {@code OPENAI_API_KEY}, and the emulator not turned on on purpose
 */
record CallReadiness(boolean draining, int activeCalls, int maxConcurrent, boolean missingOpenAiKey) {

    /**
     * In production without a key, calls would silently reach the emulator (it stands in when no key is set);
     * only an explicit {@code EMULATOR_ENABLED=true} says that is what the operator wants.
     */
    static boolean missingOpenAiKey(LaunchMode mode, Optional<String> key, Optional<Boolean> emulatorEnabled) {
        return mode == LaunchMode.NORMAL && key.isEmpty()
                && !emulatorEnabled.orElse(false);
    }

    boolean atCapacity() {
        return maxConcurrent > 0 && activeCalls >= maxConcurrent;
    }

    /** Why the replica is not ready; empty when it is. */
    List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        if (draining) {
            reasons.add("draining: shutting down, calls in progress are finishing");
        }
        if (atCapacity()) {
            reasons.add("at capacity: " + activeCalls + " of " + maxConcurrent + " calls (MAX_CONCURRENT_CALLS)");
        }
        if (missingOpenAiKey) {
            reasons.add("OPENAI_API_KEY is not set (set EMULATOR_ENABLED=true to serve the built-in emulator on purpose)");
        }
        return reasons;
    }

    boolean ready() {
        return reasons().isEmpty();
    }
}
