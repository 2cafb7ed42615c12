package dev.aivoicebot.emulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Knobs of the embedded OpenAI Realtime emulator. Env: EMULATOR_ENABLED, EMULATOR_DELTA_INTERVAL, … */
@ConfigMapping(prefix = "emulator")
public interface EmulatorConfig {

    /** Serve the emulator; unset means auto: enabled exactly when no openai.api-key is configured. */
    Optional<Boolean> enabled();

    /** Wall-clock pause between two audio deltas; 50 ms between 100 ms deltas streams at 2x real time. */
    @WithDefault("50ms")
    Duration deltaInterval();

    /** Audio carried by one response.output_audio.delta (100 ms = 800 μ-law bytes). */
    @WithDefault("100ms")
    Duration deltaAudio();

    /** RMS (16-bit linear PCM units) at or above which a 20 ms input frame counts as speech. */
    @WithDefault("500")
    int vadThreshold();

    /** Length of a reply tone per character of the text it stands for (greetings and other text-only turns). */
    @WithDefault("60ms")
    Duration toneMsPerCharacter();

    /** Shortest reply tone. */
    @WithDefault("500ms")
    Duration toneMin();

    /** Longest reply tone. */
    @WithDefault("6s")
    Duration toneMax();

    /** Wall-clock lifetime of a session; then it ends with error session_expired, like the real service. */
    @WithDefault("60m")
    Duration maxSessionDuration();

    /**
     * Answer out-of-band responses ({@code conversation: none}). Off, they get no answer at all, as when the real
     * service is slow: for tests of a client's timeout.
     */
    @WithDefault("true")
    boolean answerOutOfBand();

    /**
     * Scripted tool calls, {@code trigger -> call, call; trigger -> call} (format: docs/configuration.md, "Scripted
     * tool calls"; read by {@link ToolCallRulesParser}). Unset: the emulator never calls a tool.
     */
    @WithConverter(ToolCallRulesParser.class)
    Optional<ToolCallRules> toolCalls();
}
