package dev.aivoicebot.speech;

import java.util.Locale;

/**
 * How a {@code /generate-voice} request ended: the error table of the endpoint in one place. The code
 * is both the {@code error.code} callers see and the {@code outcome} tag of the metrics.
 */
public enum SpeechOutcome {
    OK(200),
    /** The audio response was under way, then the upstream broke off or the caller hung up. */
    STREAM_ABORTED(200),
    INVALID_JSON(400),
    INVALID_REQUEST(400),
    UNAUTHORIZED(401),
    DISABLED(404),
    TEXT_TOO_LONG(413),
    REQUEST_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    RATE_LIMITED(429),
    UPSTREAM_RATE_LIMITED(429),
    UPSTREAM_AUTH(502),
    UPSTREAM_REJECTED(502),
    UPSTREAM_ERROR(502),
    NOT_CONFIGURED(503),
    UPSTREAM_TIMEOUT(504);

    private final int status;

    SpeechOutcome(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
