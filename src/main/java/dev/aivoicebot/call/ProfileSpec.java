package dev.aivoicebot.call;

import java.util.List;
import java.util.Optional;

/**
 * One profile as PROFILES_FILE writes it, checked: what is absent is taken from the ASSISTANT_* settings (instructions,
 * voice, greeting), or means "all" (tools, transfer targets), "the transcription model guesses" (language) or "as
 * RECORDING says" (recording).
 */
record ProfileSpec(String name, List<String> numbers, Optional<String> instructions, Optional<String> voice,
        Optional<String> greeting, Optional<String> language, Optional<List<String>> tools,
        Optional<List<String>> transferTargets, Optional<String> recording) {

    static final String DEFAULT = "default";

    /** The profile of the environment's settings alone: what answers when no file names a default. */
    static ProfileSpec fromEnvironment() {
        return new ProfileSpec(DEFAULT, List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
