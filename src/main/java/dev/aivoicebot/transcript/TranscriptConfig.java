package dev.aivoicebot.transcript;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where conversations are written, and what of them. Env: LOG_DIR, TRANSCRIPT_TOOL_DETAILS. */
@ConfigMapping(prefix = "transcript")
public interface TranscriptConfig {

    /** Directory for one transcript file per call; created if missing. */
    @WithDefault("logs")
    String dir();

    /**
     * Write each tool call's arguments and output into the transcript, not only its name, outcome and time.
     * They can hold the caller's personal data; they never go into logs or metrics.
     */
    @WithDefault("false")
    boolean toolDetails();
}
