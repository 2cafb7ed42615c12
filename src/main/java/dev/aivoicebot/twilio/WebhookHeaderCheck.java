package dev.aivoicebot.twilio;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What the webhook's headers alone decide, before its body is read: Twilio's bodies are a couple of KB, so a
 * larger one is 413 (bodies without a length are bounded by {@code quarkus.http.limits.max-body-size} and checked
 * after parsing); a body without a Content-Type is 415, since the framework would parse it as a form anyway; and
 * while signatures are required, a request without {@code X-Twilio-Signature} is 403 with its body never parsed.
 */
public class WebhookHeaderCheck {

    static final int MAX_WEBHOOK_BYTES = 16 * 1024;

    private final WebhookSignatureCheck signatures;
    private final WebhookRefusals refusals;

    WebhookHeaderCheck(WebhookSignatureCheck signatures, WebhookRefusals refusals) {
        this.signatures = signatures;
        this.refusals = refusals;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        if (!PublicEndpoints.SIGNED_PATHS.contains(request.getUriInfo().getPath())) {
            return null;
        }
        if (request.getLength() > MAX_WEBHOOK_BYTES) {
            return WebhookRefusals.plain(Response.Status.REQUEST_ENTITY_TOO_LARGE, "webhook body too large");
        }
        if (request.getMediaType() == null) {
            return WebhookRefusals.plain(Response.Status.UNSUPPORTED_MEDIA_TYPE, "send the webhook form-encoded");
        }
        String signature = request.getHeaderString(WebhookRefusals.SIGNATURE_HEADER);
        if (signatures.enabled() && (signature == null || signature.isBlank())) {
            return refusals.invalidSignature();
        }
        return null;
    }
}
