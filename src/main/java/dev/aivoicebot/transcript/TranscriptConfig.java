package dev.aivoicebot.transcript;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where conversations are written. Env: LOG_DIR. */
@ConfigMapping(prefix = "transcript")
public interface TranscriptConfig {

    /** Directory for one transcript file per call; created if missing. */
    @WithDefault("logs")
    String dir();
}
