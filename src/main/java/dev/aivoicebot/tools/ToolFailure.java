package dev.aivoicebot.tools;

/**
 * A tool call that failed in a known way: {@code reason} completes "The tool … failed: " for the model, and
 * {@code detail} is what the log may say (never anything from the arguments or the answer).
 */
final class ToolFailure extends Exception {

    private final ToolOutcome outcome;
    private final String reason;
    private final String detail;

    ToolFailure(ToolOutcome outcome, String reason, String detail) {
        super(detail, null, false, false);
        this.outcome = outcome;
        this.reason = reason;
        this.detail = detail;
    }

    ToolOutcome outcome() {
        return outcome;
    }

    String reason() {
        return reason;
    }

    String detail() {
        return detail;
    }
}
