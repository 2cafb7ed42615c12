package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client event the emulator refuses. Handlers throw it; the dispatcher turns it into one {@code error}
 * event carrying the client's {@code event_id}, and the session carries on (as the real service does).
 */
final class ClientError extends RuntimeException {

    static final String INVALID_REQUEST = "invalid_request_error";

    final String type;
    final String code;
    final String param;

    ClientError(String type, String code, String message, String param) {
        super(message, null, false, false);
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static ClientError invalidValue(String message, String param) {
        return new ClientError(INVALID_REQUEST, "invalid_value", message, param);
    }

    static ClientError missing(String param) {
        return new ClientError(INVALID_REQUEST, "missing_required_parameter",
                "Missing required parameter: '" + param + "'.", param);
    }

    static ClientError invalidType(String param, String expected, JsonNode actual) {
        return new ClientError(INVALID_REQUEST, "invalid_type", "Invalid type for '" + param + "': expected " + expected
                + ", but got " + kind(actual) + " instead.", param);
    }

    /** How the real service names a JSON value's type in its messages. */
    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a decimal";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "null";
        };
    }

    static ClientError of(String code, String message) {
        return new ClientError(INVALID_REQUEST, code, message, null);
    }
}
