package dev.aivoicebot.outbound;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A refusal or failure of {@code /calls} that the client sees as a JSON error. The message is shown to clients, so
 * it never carries a secret. No stack trace: these are expected outcomes.
 */
final class OutboundException extends RuntimeException {

    private final Response.Status status;
    private final String code;
    private final Map<String, String> headers;

    OutboundException(Response.Status status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    OutboundException(Response.Status status, String code, String message) {
        this(status, code, message, Map.of());
    }

    Response.Status status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }
}
