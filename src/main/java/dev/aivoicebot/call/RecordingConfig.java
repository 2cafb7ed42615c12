package dev.aivoicebot.call;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Whether calls are recorded, and how callers are told; the environment names are in EnvironmentNames. */
@ConfigMapping(prefix = "recording")
public interface RecordingConfig {

    /** {@code off}, or {@code dual}: each call is recorded through Twilio, caller and assistant on their own channel. */
    @WithDefault("off")
    String mode();

    /** What the caller hears before the assistant when the call is recorded; may not be empty then. */
    @WithDefault("This call may be recorded.")
    String notice();

    /** The key that pauses and resumes a call's recording (0-9, * or #); empty for none. */
    @WithDefault("*")
    Optional<String> pauseKey();
}
