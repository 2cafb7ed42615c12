package dev.aivoicebot.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aivoicebot.EnvironmentNames;
import dev.aivoicebot.safety.CallSid;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * {@code RECORDING}, {@code RECORDING_NOTICE} and {@code RECORDING_PAUSE_KEY} as the service reads them (by their
 * environment names): off by default; {@code dual} records only with call control; a bad value stops the start with
 * one line naming the variable.
 */
class RecordingPolicyTest {

    @Test
    void offByDefaultUnlessAProfileSaysDual() {
        RecordingPolicy policy = policy(Map.of(), true);
        assertFalse(policy.recorded(Optional.empty()));
        assertTrue(policy.recorded(Optional.of("dual")), "a profile may record its calls");
    }

    @Test
    void dualWithCallControlRecordsEveryCallAfterTheDefaultNoticeUnlessAProfileSaysOff() {
        RecordingPolicy policy = policy(Map.of("RECORDING", "dual"), true);
        assertTrue(policy.recorded(Optional.empty()));
        assertFalse(policy.recorded(Optional.of("off")), "a profile may leave its calls unrecorded");
        assertEquals("This call may be recorded.", policy.notice());
        assertEquals(Optional.of("*"), policy.pauseKey());
    }

    @Test
    void dualWithoutCallControlRecordsNothing() {
        RecordingPolicy policy = policy(Map.of("RECORDING", "dual"), false);
        assertFalse(policy.recorded(Optional.empty()));
        assertFalse(policy.recorded(Optional.of("dual")), "not even a profile's");
    }

    @Test
    void anEmptyPauseKeyMeansNone() {
        assertEquals(Optional.empty(), policy(Map.of("RECORDING", "dual", "RECORDING_PAUSE_KEY", ""), true).pauseKey());
        assertEquals(Optional.of("#"), policy(Map.of("RECORDING", "dual", "RECORDING_PAUSE_KEY", "#"), true).pauseKey());
    }

    @Test
    void badValuesStopTheStartNamingTheVariable() {
        assertRefused("RECORDING must be off or dual (was 'stereo')", Map.of("RECORDING", "stereo"));
        assertRefused("RECORDING_NOTICE may not be empty when RECORDING=dual",
                Map.of("RECORDING", "dual", "RECORDING_NOTICE", " "));
        assertRefused("RECORDING_PAUSE_KEY must be one key, 0-9, * or # (was '**')",
                Map.of("RECORDING", "dual", "RECORDING_PAUSE_KEY", "**"));
    }

    private static void assertRefused(String start, Map<String, String> env) {
        ConfigurationException refused = assertThrows(ConfigurationException.class, () -> policy(env, true));
        assertTrue(refused.getMessage().startsWith(start), refused.getMessage());
    }

    private static RecordingPolicy policy(Map<String, String> env, boolean callControl) {
        RecordingConfig config = new SmallRyeConfigBuilder().withMapping(RecordingConfig.class)
                .withInterceptors(new EnvironmentNames())
                .withSources(new PropertiesConfigSource(env, "test", 500))
                .withValidateUnknown(false).build().getConfigMapping(RecordingConfig.class);
        return new RecordingPolicy(config, new Control(callControl));
    }

    /** Call control that is on or off; these tests make no request through it. */
    private record Control(boolean available) implements CallControl {

        @Override
        public CompletionStage<Outcome> hangUp(CallSid callSid) {
            throw new AssertionError("no request expected");
        }

        @Override
        public CompletionStage<Outcome> transfer(CallSid callSid, String address, String callerId, Duration ringFor) {
            throw new AssertionError("no request expected");
        }

        @Override
        public CompletionStage<Outcome> sayAndHangUp(CallSid callSid, String message) {
            throw new AssertionError("no request expected");
        }

        @Override
        public CompletionStage<RecordingStart> startRecording(CallSid callSid) {
            throw new AssertionError("no request expected");
        }

        @Override
        public CompletionStage<Outcome> pauseRecording(CallSid callSid, String recordingSid, boolean paused) {
            throw new AssertionError("no request expected");
        }
    }
}
