package dev.aivoicebot.twilio;

import io.quarkus.websockets.next.CloseReason;

/**
 * Every way the service closes a Media Stream on its own, with the code and reason the client sees: the close-code
 * table of docs/security.md, in code. A reason with {@code %s} takes one detail (an event name, a number of
 * seconds). {@code StreamCloseCoverageTest} checks that each one is asserted by a test that sends it.
 */
public enum StreamClose {
    PROTOCOL_ERROR(1002, "protocol error"),
    BINARY_FRAME(1003, "binary frames are not part of Media Streams"),
    NOT_JSON(1007, "message is not a valid JSON object"),
    BAD_MEDIA(1007, "media payload is missing or not base64"),
    BAD_DTMF(1007, "dtmf without a valid digit"),
    NO_EVENT(1008, "message has no event"),
    BEFORE_START(1008, "%s before start"),
    INVALID_START(1008, "start without a valid callSid and streamSid"),
    TOKEN_MISSING(1008, "stream token missing"),
    TOKEN_INVALID(1008, "stream token invalid"),
    TOKEN_EXPIRED(1008, "stream token expired"),
    TOKEN_REUSED(1008, "stream token already used"),
    DUPLICATE_START(1008, "duplicate start"),
    ALREADY_STREAMING(1008, "call already has a stream"),
    WRONG_STREAM(1008, "streamSid does not match this stream"),
    RATE_LIMIT(1008, "message rate limit exceeded"),
    NO_START(1008, "no start within %s s"),
    IDLE(1008, "stream idle for %s s"),
    NOT_READING(1008, "caller not reading audio"),
    TOO_LARGE(1009, "message too large"),
    MEDIA_TOO_LARGE(1009, "media payload too large"),
    INTERNAL_ERROR(1011, "internal error"),
    AT_CAPACITY(1013, "service at capacity, try again later");

    private final int code;
    private final String reason;

    StreamClose(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    /** The reason as sent, its {@code %s} filled with {@code detail} where it has one. */
    public String reason(Object detail) {
        return reason.contains("%s") ? String.format(reason, detail) : reason;
    }

    public String reason() {
        return reason(null);
    }

    /** The reason as written here, {@code %s} and all. */
    public String template() {
        return reason;
    }

    CloseReason closeReason(Object detail) {
        return new CloseReason(code, reason(detail));
    }
}
