package dev.aivoicebot.softphone;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The softphone's error answers: a status and a one-line JSON {@code {"error": …}}, never a stack trace. */
final class SoftphoneErrors {

    @RegisterForReflection
    record ErrorBody(String error) {
    }

    private SoftphoneErrors() {
    }

    static Response notFound() {
        return of(Response.Status.NOT_FOUND, "not found");
    }

    static Response of(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(message)).build();
    }
}
