package dev.aivoicebot.call;

import java.util.Locale;

/** What became of a transfer; {@link #tag()} is the metric tag. */
enum TransferOutcome {
    /** The model named a target that is not configured: nothing was dialed. */
    UNKNOWN_TARGET,
    /** The call was updated to dial the target. */
    DIALED,
    /** The update of the call failed; the caller stays with the assistant. */
    DIAL_FAILED,
    /** The target answered (Twilio's DialCallStatus completed or answered). */
    ANSWERED,
    /** Busy, no answer, failed or canceled: the caller comes back to the assistant. */
    NOT_ANSWERED;

    private final String tag = name().toLowerCase(Locale.ROOT).replace('_', '-');

    String tag() {
        return tag;
    }
}
