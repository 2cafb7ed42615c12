package dev.aivoicebot.openai;

import dev.aivoicebot.safety.SafeText;
import java.util.Set;

/**
 * An {@code error} server event, reduced to what decides our reaction and what helps whoever reads the log.
 * Every field is the server's text as received; {@link #summary()} is the form that may be logged or written.
 */
public record RealtimeError(String type, String code, String message, String param, String eventId) {

    private static final Set<String> FATAL = Set.of("insufficient_quota", "invalid_api_key", "account_deactivated",
            "billing_hard_limit_reached", "model_not_found", "beta_api_shape_disabled");

    private static final Set<String> BENIGN = Set.of("response_cancel_not_active",
            "conversation_already_has_active_response");

    /** The session cannot continue and reconnecting would not help. */
    public boolean isFatal() {
        return code != null && FATAL.contains(code);
    }

    /** Expected races between our barge-in handling and the server's own; not worth a transcript line. */
    /** Our {@code response.create} crossed a response the server had started: that one answers instead. */
    public boolean isResponseAlreadyActive() {
        return "conversation_already_has_active_response".equals(code);
    }

    public boolean isBenign() {
        return code != null && BENIGN.contains(code);
    }

    /** {@code <code>: <message> (type …, param …, event …)}, every field sanitized; absent ones left out. */
    public String summary() {
        String details = detail("type", type) + detail("param", param) + detail("event", eventId);
        return SafeText.of(code) + ": " + SafeText.of(message) + (details.isEmpty() ? "" : " (" + details.substring(2) + ")");
    }

    private static String detail(String name, String value) {
        return value == null || value.isBlank() ? "" : ", " + name + " " + SafeText.of(value);
    }
}
