package dev.aivoicebot.transcript;

import java.util.Optional;

/** A transcript configuration for unit tests, without Quarkus. */
record TestTranscriptConfig(String dir, boolean toolDetails, boolean maskCards, Optional<String> maskPattern)
        implements TranscriptConfig {

    static TestTranscriptConfig in(String dir) {
        return new TestTranscriptConfig(dir, false, true, Optional.empty());
    }
}
