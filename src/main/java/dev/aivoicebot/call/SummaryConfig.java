package dev.aivoicebot.call;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The end-of-call summary (docs/calls.md, "Summary"). Env: CALL_SUMMARY, SUMMARY_TIMEOUT, CALL_OUTCOME_SCHEMA. */
@ConfigMapping(prefix = "summary")
public interface SummaryConfig {

    /** Ask the model for a summary when a call ends with its Realtime session still open. */
    @WithDefault("true")
    boolean enabled();

    /** The longest the summary may hold the session (and the call's last transcript line) open. */
    @WithDefault("5s")
    Duration timeout();

    /**
     * A JSON Schema (an object with {@code properties}) for a structured outcome asked for with the summary, e.g.
     * {@code {"type":"object","properties":{"resolved":{"type":"boolean"}},"required":["resolved"]}}.
     */
    Optional<String> outcomeSchema();
}
