package dev.aivoicebot.twilio;

import dev.aivoicebot.outbound.AnsweredBy;
import dev.aivoicebot.outbound.CallProgress;
import dev.aivoicebot.outbound.OutboundCallbacks;
import dev.aivoicebot.safety.CallSid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * Twilio's callbacks about a call we placed: {@code StatusCallback} ({@code CallStatus}: initiated, ringing,
 * in-progress, completed, busy, no-answer, failed, canceled) and {@code AsyncAmdStatusCallback} ({@code AnsweredBy}).
 * Signed like every webhook (403 otherwise); a malformed field is 400. Twilio wants no TwiML here: 204.
 */
@Path("/voice/outbound")
public class OutboundCallbackResource {

    private final SignedWebhooks webhooks;
    private final OutboundCallbacks callbacks;

    OutboundCallbackResource(SignedWebhooks webhooks, OutboundCallbacks callbacks) {
        this.webhooks = webhooks;
        this.callbacks = callbacks;
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response statusChanged(MultivaluedMap<String, String> form, @Context UriInfo uri,
            @HeaderParam(WebhookRefusals.SIGNATURE_HEADER) String signature) {
        Optional<Response> refused = webhooks.refusal(PublicEndpoints.OUTBOUND_STATUS_PATH, form, uri, signature);
        if (refused.isPresent()) {
            return refused.get();
        }
        String callSid = form.getFirst("CallSid");
        if (!CallSid.isValid(callSid)) {
            return WebhookRefusals.plain(Response.Status.BAD_REQUEST, "CallSid missing or malformed");
        }
        Optional<CallProgress> progress = CallProgress.ofTwilio(form.getFirst("CallStatus"));
        if (progress.isEmpty()) {
            return WebhookRefusals.plain(Response.Status.BAD_REQUEST, "CallStatus missing or unknown");
        }
        String answeredBy = form.getFirst("AnsweredBy");
        Optional<AnsweredBy> detected = AnsweredBy.ofTwilio(answeredBy);
        if (answeredBy != null && detected.isEmpty()) {
            return WebhookRefusals.plain(Response.Status.BAD_REQUEST, "AnsweredBy unknown");
        }
        callbacks.statusReported(new CallSid(callSid), progress.get(), detected);
        return Response.noContent().build();
    }

    @POST
    @Path("/amd")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response machineDetected(MultivaluedMap<String, String> form, @Context UriInfo uri,
            @HeaderParam(WebhookRefusals.SIGNATURE_HEADER) String signature) {
        Optional<Response> refused = webhooks.refusal(PublicEndpoints.OUTBOUND_AMD_PATH, form, uri, signature);
        if (refused.isPresent()) {
            return refused.get();
        }
        String callSid = form.getFirst("CallSid");
        if (!CallSid.isValid(callSid)) {
            return WebhookRefusals.plain(Response.Status.BAD_REQUEST, "CallSid missing or malformed");
        }
        Optional<AnsweredBy> detected = AnsweredBy.ofTwilio(form.getFirst("AnsweredBy"));
        if (detected.isEmpty()) {
            return WebhookRefusals.plain(Response.Status.BAD_REQUEST, "AnsweredBy missing or unknown");
        }
        callbacks.machineDetected(new CallSid(callSid), detected.get());
        return Response.noContent().build();
    }
}
