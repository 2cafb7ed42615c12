package dev.aivoicebot.twilio;

import dev.aivoicebot.call.Transfers;
import dev.aivoicebot.safety.CallSid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

/**
 * The whisper of a transfer: Twilio fetches it for the person who answers ({@code <Number url>}, {@code <Sip url>})
 * and plays it to them alone before connecting the caller. {@code ?call=} names the transferred call; the signature
 * covers it, so only Twilio can ask.
 */
@Path(PublicEndpoints.WHISPER_PATH)
public class WhisperResource {

    static final String FALLBACK = "A call transferred by the voice assistant.";

    private final SignedWebhooks webhooks;
    private final Transfers transfers;

    WhisperResource(SignedWebhooks webhooks, Transfers transfers) {
        this.webhooks = webhooks;
        this.transfers = transfers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_XML)
    public Response whisper(MultivaluedMap<String, String> form, @Context UriInfo uri, @QueryParam("call") String call,
            @HeaderParam(WebhookRefusals.SIGNATURE_HEADER) String signature) {
        Optional<Response> refused = webhooks.refusal(PublicEndpoints.WHISPER_PATH, form, uri, signature);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!CallSid.isValid(call)) {
            return WebhookRefusals.plain(Response.Status.BAD_REQUEST, "call missing or malformed");
        }
        return Response.ok(Twiml.say(transfers.whisper(new CallSid(call)).orElse(FALLBACK))).build();
    }
}
