package dev.aivoicebot.twilio;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Twilio's webhook bodies are a couple of KB; a larger one is refused with 413 before it is read. (Bodies
 * without a length are bounded by {@code quarkus.http.limits.max-body-size} and checked after parsing.)
 */
public class WebhookSizeLimit {

    static final int MAX_WEBHOOK_BYTES = 16 * 1024;

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request) {
        if (!PublicEndpoints.WEBHOOK_PATH.equals(request.getUriInfo().getPath()) || request.getLength() <= MAX_WEBHOOK_BYTES) {
            return null;
        }
        return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).type(MediaType.TEXT_PLAIN)
                .entity("webhook body too large\n").build();
    }
}
