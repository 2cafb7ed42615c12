package dev.aivoicebot.retention;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Optional;

/** How long calls are kept. Env: TRANSCRIPT_RETENTION. */
@ConfigMapping(prefix = "retention")
public interface RetentionConfig {

    /**
     * Calls that started longer ago than this are deleted (files, outbox entries, every store with a
     * {@link CallEraser}), daily; at least a day. Unset: kept until erased one by one.
     */
    Optional<Duration> period();
}
