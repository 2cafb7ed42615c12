package dev.aivoicebot.call;

/** Why a call ended; the tag is written to the transcript and used as a bounded metric tag. */
public enum CallEndReason {
    CALLER_HUNG_UP("caller hung up"),
    COMPLETED("completed"),
    /** The assistant called {@code end_call} once the caller was done. */
    ASSISTANT_ENDED("assistant ended the call"),
    UPSTREAM_FAILURE("upstream failure"),
    MAX_DURATION("max duration"),
    SHUTDOWN("shutdown"),
    ERROR("error"),
    /** The caller's side stopped reading our audio (see TwilioStream.MAX_UNSENT_BYTES). */
    CALLER_NOT_READING("caller not reading audio"),
    /** The call was handed to a person ({@code transfer_call}): the carrier dials them, the stream ends. */
    TRANSFERRED("transferred"),
    /** A call we placed reached an answering machine, and a message was left on it ({@code OUTBOUND_VOICEMAIL_ACTION}). */
    VOICEMAIL("answered by a machine, voicemail message left"),
    /** A call we placed reached an answering machine, and was hung up. */
    ANSWERING_MACHINE("answered by a machine, hung up"),
    /** The call's estimated cost reached MAX_CALL_COST_USD; the assistant said goodbye. */
    BUDGET("budget reached"),
    /** The replica had no room for the call (MAX_CONCURRENT_CALLS reached). */
    CAPACITY("capacity");

    private final String description;

    CallEndReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String tag() {
        return name().toLowerCase().replace('_', '-');
    }
}
