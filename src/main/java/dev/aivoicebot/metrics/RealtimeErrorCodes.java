package dev.aivoicebot.metrics;

import java.util.Set;

/**
 * Bounds the {@code code} tag of {@code openai.realtime.errors}: a code OpenAI documents (or our own
 * {@link #CONNECT_FAILED}) is kept, anything else becomes {@link #OTHER}, so a server that invents codes, or
 * puts text in them, cannot grow the number of series without limit. The expected barge-in races
 * ({@code response_cancel_not_active}, {@code conversation_already_has_active_response}) are not counted.
 */
public final class RealtimeErrorCodes {

    /** Our own code: the Realtime socket could not be opened (refused, TLS, timeout, HTTP error). */
    public static final String CONNECT_FAILED = "connect_failed";
    public static final String OTHER = "other";

    static final Set<String> KNOWN = Set.of(CONNECT_FAILED,
            // fatal for the session: account, key, model
            "insufficient_quota", "invalid_api_key", "account_deactivated", "billing_hard_limit_reached",
            "model_not_found", "beta_api_shape_disabled",
            // the service's side
            "server_error", "rate_limit_exceeded", "session_expired", "session_not_ready",
            // our requests (a bug on our side if they ever show up)
            "invalid_request_error", "invalid_value", "invalid_json", "missing_required_parameter",
            "unknown_parameter", "invalid_type", "input_audio_buffer_commit_empty", "cannot_update_voice");

    private RealtimeErrorCodes() {
    }

    /** The tag value for an error event's code; null and unknown codes are {@code other}. */
    public static String tag(String code) {
        return code != null && KNOWN.contains(code) ? code : OTHER;
    }
}
