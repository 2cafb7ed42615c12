package dev.aivoicebot.openai;

import java.util.Set;

/** An {@code error} server event, reduced to what decides our reaction. */
public record RealtimeError(String type, String code, String message, String param) {

    private static final Set<String> FATAL = Set.of("insufficient_quota", "invalid_api_key", "account_deactivated",
            "billing_hard_limit_reached", "model_not_found", "beta_api_shape_disabled");

    private static final Set<String> BENIGN = Set.of("response_cancel_not_active",
            "conversation_already_has_active_response");

    /** The session cannot continue and reconnecting would not help. */
    public boolean isFatal() {
        return code != null && FATAL.contains(code);
    }

    /** Expected races between our barge-in handling and the server's own; not worth a transcript line. */
    public boolean isBenign() {
        return code != null && BENIGN.contains(code);
    }
}
