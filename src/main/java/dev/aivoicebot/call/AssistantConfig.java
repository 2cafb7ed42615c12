package dev.aivoicebot.call;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Who the assistant is and how it uses tools; the environment names are in EnvironmentNames. */
@ConfigMapping(prefix = "assistant")
public interface AssistantConfig {

    /** Realtime voice (alloy, ash, ballad, coral, echo, sage, shimmer, verse, marin, cedar). */
    @WithDefault("marin")
    String voice();

    /** System instructions; when absent, the persona in {@code assistant-instructions.txt} is used. */
    Optional<String> instructions();

    /** What the assistant says first, before the caller speaks. */
    @WithDefault("Hello! Thanks for calling. How can I help you today?")
    String greeting();

    /** Silence (ms) after which the server VAD decides the caller has finished speaking. */
    @WithDefault("900")
    int silenceTimeoutMs();

    /** How the model may use tools: {@code auto}, {@code none} or {@code required}. */
    @WithDefault("auto")
    String toolChoice();

    /** Key presses reach the assistant as "The caller pressed 3 on the keypad.", and it answers them. */
    @WithDefault("true")
    boolean dtmfToAssistant();

    /** What the assistant says while a slow tool runs; empty for nothing. */
    @WithDefault("One moment, let me check that.")
    String toolFiller();

    /** How long a tool may run before the filler is said; 0 for never. */
    @WithDefault("1.5s")
    Duration toolFillerAfter();

    /** Model that transcribes the caller's speech for the transcript. */
    @WithDefault("gpt-4o-mini-transcribe")
    String transcriptionModel();
}
