package dev.aivoicebot.twilio;

import dev.aivoicebot.call.CallAdmission;
import dev.aivoicebot.call.Transfers;
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

/**
 * A transfer's {@code <Dial action>}: Twilio asks what next once the dial has ended. Answered (the conversation
 * with the person is over): hang up. Not answered (busy, no answer, failed, canceled): the caller is connected
 * to the assistant again, which resumes the conversation and says nobody answered; when this replica does not
 * know the transfer or has no room, the caller hears an apology instead.
 */
@Path(PublicEndpoints.TRANSFER_STATUS_PATH)
public class TransferStatusResource {

    static final String NOBODY_ANSWERED = "Sorry, nobody could take your call right now. Please call again later. "
            + "Goodbye.";

    private final SignedWebhooks webhooks;
    private final Transfers transfers;
    private final StreamConnect connect;
    private final CallAdmission admission;

    TransferStatusResource(SignedWebhooks webhooks, Transfers transfers, StreamConnect connect,
            CallAdmission admission) {
        this.webhooks = webhooks;
        this.transfers = transfers;
        this.connect = connect;
        this.admission = admission;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public Response dialEnded(MultivaluedMap<String, String> form, @Context UriInfo uri,
            @HeaderParam(WebhookRefusals.SIGNATURE_HEADER) String signature) {
        Optional<Response> refused = webhooks.refusal(PublicEndpoints.TRANSFER_STATUS_PATH, form, uri, signature);
        if (refused.isPresent()) {
            return refused.get();
        }
        String callSid = form.getFirst("CallSid");
        if (!CallSid.isValid(callSid)) {
            return WebhookRefusals.plain(Response.Status.BAD_REQUEST, "CallSid missing or malformed");
        }
        CallSid call = new CallSid(callSid);
        String twiml = switch (transfers.dialEnded(call, form.getFirst("DialCallStatus"))) {
            case ANSWERED -> Twiml.hangUp();
            case UNKNOWN -> Twiml.sayAndHangUp(NOBODY_ANSWERED);
            case RETURN -> admission.checkRoom().isPresent() ? Twiml.sayAndHangUp(NOBODY_ANSWERED)
                    : connect.twiml(call, form.getFirst("From"), form.getFirst("To"));
        };
        return Response.ok(twiml).build();
    }
}
