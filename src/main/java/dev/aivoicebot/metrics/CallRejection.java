package dev.aivoicebot.metrics;

/** Why a call was turned away before it reached the assistant; the tag of {@code calls.rejected}. */
public enum CallRejection {
    /** {@code MAX_CONCURRENT_CALLS} calls are already in progress on this replica. */
    CAPACITY,
    /** The replica is shutting down. */
    DRAINING,
    /** The webhook's {@code X-Twilio-Signature} was missing or wrong. */
    INVALID_SIGNATURE,
    /** The webhook or the stream's {@code start} was malformed, or its stream token was missing or wrong. */
    INVALID_REQUEST;

    public String tag() {
        return name().toLowerCase().replace('_', '-');
    }
}
