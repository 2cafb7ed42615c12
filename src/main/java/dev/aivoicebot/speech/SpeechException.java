package dev.aivoicebot.speech;

import java.util.Map;

/**
 * A refusal or failure of {@code /generate-voice} that the caller should see as a JSON error. The message
 * is shown to callers, so it never carries secrets. No stack trace: these are expected outcomes.
 */
final class SpeechException extends RuntimeException {

    private final SpeechOutcome outcome;
    private final String field;
    private final Map<String, String> headers;

    SpeechException(SpeechOutcome outcome, String message, String field, Map<String, String> headers) {
        super(message, null, false, false);
        this.outcome = outcome;
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    SpeechException(SpeechOutcome outcome, String message) {
        this(outcome, message, null, Map.of());
    }

    static SpeechException invalid(String field, String message) {
        return new SpeechException(SpeechOutcome.INVALID_REQUEST, message, field, Map.of());
    }

    static SpeechException retryLater(SpeechOutcome outcome, String message, long retryAfterSeconds) {
        return new SpeechException(outcome, message, null, Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    SpeechOutcome outcome() {
        return outcome;
    }

    /** The request field at fault, or null when the fault is not one field's. */
    String field() {
        return field;
    }

    /** Extra response headers, e.g. Retry-After or WWW-Authenticate. */
    Map<String, String> headers() {
        return headers;
    }
}
