package dev.aivoicebot.twilio;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * What every webhook Twilio signs checks before it acts: a body no larger than Twilio's, and X-Twilio-Signature
 * over the public URL it requested (with its query) and the form.
 */
@ApplicationScoped
class SignedWebhooks {

    private final PublicEndpoints endpoints;
    private final WebhookSignatureCheck signatures;
    private final WebhookRefusals refusals;

    SignedWebhooks(PublicEndpoints endpoints, WebhookSignatureCheck signatures, WebhookRefusals refusals) {
        this.endpoints = endpoints;
        this.signatures = signatures;
        this.refusals = refusals;
    }

    /** The refusal for a request to {@code path}; empty when it may be answered. */
    Optional<Response> refusal(String path, MultivaluedMap<String, String> form, UriInfo uri, String signature) {
        if (form.entrySet().stream().mapToLong(e -> e.getKey().length()
                + e.getValue().stream().mapToLong(String::length).sum()).sum() > WebhookHeaderCheck.MAX_WEBHOOK_BYTES) {
            return Optional.of(WebhookRefusals.plain(Response.Status.REQUEST_ENTITY_TOO_LARGE, "webhook body too large"));
        }
        String url = endpoints.webhookUrl(path, uri.getRequestUri().getRawQuery());
        return signatures.accepts(url, form, signature) ? Optional.empty() : Optional.of(refusals.invalidSignature());
    }
}
