package dev.aivoicebot;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Test profiles more than one test class runs under: each distinct profile costs an application start. */
public final class TestProfiles {

    private TestProfiles() {
    }

    /** A replica with room for one call. */
    public static class OneLine implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("calls.max-concurrent", "1");
        }
    }
}
