package dev.aivoicebot.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The business webhook: a signed {@code call.ended} event per call. Env: CALL_EVENTS_URL,
 * CALL_EVENTS_SIGNING_SECRET, CALL_EVENTS_MAX_ATTEMPTS, CALL_EVENTS_MAX_AGE, CALL_EVENTS_RETRY_DELAY,
 * CALL_EVENTS_TIMEOUT.
 */
@ConfigMapping(prefix = "call-events")
public interface CallEventsConfig {

    /** Where each ended call is POSTed (absolute http:// or https://). Unset: no events, no outbox. */
    Optional<URI> url();

    /**
     * HMAC key of the X-Voice-Bot-Signature on every event; unset, TOOLS_SIGNING_SECRET signs them (one secret for
     * one business). Production refuses to start with a URL and neither.
     */
    Optional<String> signingSecret();

    /** Deliveries tried before an event is given up (dead-lettered). */
    @WithDefault("15")
    int maxAttempts();

    /** An event not delivered this long after its call ended is given up. */
    @WithDefault("24h")
    Duration maxAge();

    /** Wait before the first retry; each further one waits twice as long (at most an hour). */
    @WithDefault("10s")
    Duration retryDelay();

    /** How long one delivery may take, from connecting to the answer's status. */
    @WithDefault("10s")
    Duration timeout();
}
