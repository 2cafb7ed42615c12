package dev.aivoicebot.twilio;

import dev.aivoicebot.call.CallAdmission;
import dev.aivoicebot.metrics.CallMetrics;
import dev.aivoicebot.metrics.CallRejection;
import dev.aivoicebot.safety.CallSid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Twilio's Voice webhook: answers an incoming call with TwiML that connects it to our Media Stream. */
@Path(PublicEndpoints.WEBHOOK_PATH)
public class VoiceWebhookResource {

    private static final Logger LOG = Logger.getLogger(VoiceWebhookResource.class);

    static final String BUSY_MESSAGE = "Sorry, all of our assistants are busy right now. Please call again in a few minutes.";

    private final SignedWebhooks webhooks;
    private final StreamConnect connect;
    private final CallAdmission admission;
    private final CallMetrics metrics;

    VoiceWebhookResource(SignedWebhooks webhooks, StreamConnect connect, CallAdmission admission, CallMetrics metrics) {
        this.webhooks = webhooks;
        this.connect = connect;
        this.admission = admission;
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public Response incomingCall(MultivaluedMap<String, String> form, @Context UriInfo uri,
            @HeaderParam(WebhookRefusals.SIGNATURE_HEADER) String signature) {
        Optional<Response> refused = webhooks.refusal(PublicEndpoints.WEBHOOK_PATH, form, uri, signature);
        if (refused.isPresent()) {
            return refused.get();
        }
        String callSid = form.getFirst("CallSid");
        if (!CallSid.isValid(callSid)) {
            metrics.callRejected(CallRejection.INVALID_REQUEST);
            return WebhookRefusals.plain(Response.Status.BAD_REQUEST, "CallSid missing or malformed");
        }
        Optional<CallRejection> noRoom = admission.checkRoom();
        if (noRoom.isPresent()) {
            LOG.infof("Turned a call away: %s", noRoom.get() == CallRejection.DRAINING ? "shutting down" : "at capacity");
            return Response.ok(Twiml.sayAndHangUp(BUSY_MESSAGE)).build();
        }
        return Response.ok(connect.twiml(new CallSid(callSid), form.getFirst("From"), form.getFirst("To"))).build();
    }
}
