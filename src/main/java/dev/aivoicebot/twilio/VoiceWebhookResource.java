package dev.aivoicebot.twilio;

import dev.aivoicebot.call.CallAdmission;
import dev.aivoicebot.metrics.CallMetrics;
import dev.aivoicebot.metrics.CallRejection;
import dev.aivoicebot.safety.CallSid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Twilio's Voice webhook: answers an incoming call with TwiML that connects it to our Media Stream. */
@Path(PublicEndpoints.WEBHOOK_PATH)
public class VoiceWebhookResource {

    private static final Logger LOG = Logger.getLogger(VoiceWebhookResource.class);

    static final String BUSY_MESSAGE = "Sorry, all of our assistants are busy right now. Please call again in a few minutes.";

    private final PublicEndpoints endpoints;
    private final WebhookSignatureCheck signatures;
    private final StreamTokens tokens;
    private final CallAdmission admission;
    private final CallMetrics metrics;
    private final WebhookRefusals refusals;

    VoiceWebhookResource(PublicEndpoints endpoints, WebhookSignatureCheck signatures, StreamTokens tokens,
            CallAdmission admission, CallMetrics metrics, WebhookRefusals refusals) {
        this.metrics = metrics;
        this.endpoints = endpoints;
        this.signatures = signatures;
        this.tokens = tokens;
        this.admission = admission;
        this.refusals = refusals;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public Response incomingCall(MultivaluedMap<String, String> form, @Context UriInfo uri,
            @jakarta.ws.rs.HeaderParam(WebhookRefusals.SIGNATURE_HEADER) String signature) {
        if (form.entrySet().stream().mapToLong(e -> e.getKey().length()
                + e.getValue().stream().mapToLong(String::length).sum()).sum() > WebhookHeaderCheck.MAX_WEBHOOK_BYTES) {
            return WebhookRefusals.plain(Response.Status.REQUEST_ENTITY_TOO_LARGE, "webhook body too large");
        }
        String url = endpoints.webhookUrl(PublicEndpoints.WEBHOOK_PATH, uri.getRequestUri().getRawQuery());
        if (!signatures.accepts(url, form, signature)) {
            return refusals.invalidSignature();
        }
        String callSid = form.getFirst("CallSid");
        if (!CallSid.isValid(callSid)) {
            metrics.callRejected(CallRejection.INVALID_REQUEST);
            return WebhookRefusals.plain(Response.Status.BAD_REQUEST, "CallSid missing or malformed");
        }
        Optional<CallRejection> refused = admission.checkRoom();
        if (refused.isPresent()) {
            LOG.infof("Turned a call away: %s",
                    refused.get() == CallRejection.DRAINING ? "shutting down" : "at capacity");
            return Response.ok(Twiml.sayAndHangUp(BUSY_MESSAGE)).build();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("CallSid", callSid);
        parameters.put("From", valueOrEmpty(form.getFirst("From")));
        parameters.put("To", valueOrEmpty(form.getFirst("To")));
        parameters.put(StreamTokens.PARAMETER, tokens.mint(new CallSid(callSid)));
        return Response.ok(Twiml.connectStream(endpoints.streamUrl(), parameters)).build();
    }

    /** Twilio caps a Parameter's name+value at 500 characters; phone numbers are far shorter. */
    private static String valueOrEmpty(String value) {
        return value == null ? "" : value.length() > 64 ? value.substring(0, 64) : value;
    }
}
