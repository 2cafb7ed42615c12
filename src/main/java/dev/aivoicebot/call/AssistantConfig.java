package dev.aivoicebot.call;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Who the assistant is. Env: ASSISTANT_VOICE, ASSISTANT_INSTRUCTIONS, ASSISTANT_GREETING, SILENCE_TIMEOUT_MS. */
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

    /** Model that transcribes the caller's speech for the transcript. */
    @WithDefault("gpt-4o-mini-transcribe")
    String transcriptionModel();
}
