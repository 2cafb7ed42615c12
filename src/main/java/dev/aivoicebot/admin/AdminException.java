package dev.aivoicebot.admin;

import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * A request the calls API refuses: the status, a short error code, a one-line detail (naming the parameter at
 * fault, if one is) and extra headers. Mapped to JSON in one place, {@link AdminExceptionMapper}.
 */
class AdminException extends RuntimeException {

    private final Response.Status status;
    private final String code;
    private final String parameter;
    private final Map<String, String> headers;

    AdminException(Response.Status status, String code, String detail, String parameter, Map<String, String> headers) {
        super(detail, null, false, false); // a refusal, not a failure: no stack trace to fill or log
        this.status = status;
        this.code = code;
        this.parameter = parameter;
        this.headers = headers;
    }

    static AdminException badParameter(String parameter, String detail) {
        return new AdminException(Response.Status.BAD_REQUEST, "bad_request", parameter + ": " + detail, parameter,
                Map.of());
    }

    static AdminException notFound(String detail) {
        return new AdminException(Response.Status.NOT_FOUND, "not_found", detail, null, Map.of());
    }

    Response.Status status() {
        return status;
    }

    String code() {
        return code;
    }

    String parameter() {
        return parameter;
    }

    Map<String, String> headers() {
        return headers;
    }
}
