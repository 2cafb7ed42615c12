package dev.aivoicebot.twilio;

import dev.aivoicebot.call.CallRegistry;
import dev.aivoicebot.call.RecordingStatus;
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
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Twilio's {@code RecordingStatusCallback}: a call's recording is in progress, completed or absent. Signed like
 * every webhook (403 otherwise). While the call lasts on this replica the status goes into its transcript;
 * afterwards (the usual case for {@code completed}) it is logged. Twilio wants no TwiML here: 204.
 */
@Path(PublicEndpoints.RECORDING_STATUS_PATH)
public class RecordingStatusResource {

    private static final Logger LOG = Logger.getLogger(RecordingStatusResource.class);
    private static final Pattern RECORDING_SID = Pattern.compile("RE[0-9a-fA-F]{32}");
    private static final Pattern STATUS = Pattern.compile("[a-z][a-z-]{0,19}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,7}");

    private final SignedWebhooks webhooks;
    private final CallRegistry registry;

    RecordingStatusResource(SignedWebhooks webhooks, CallRegistry registry) {
        this.webhooks = webhooks;
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response statusChanged(MultivaluedMap<String, String> form, @Context UriInfo uri,
            @HeaderParam(WebhookRefusals.SIGNATURE_HEADER) String signature) {
        Optional<Response> refused = webhooks.refusal(PublicEndpoints.RECORDING_STATUS_PATH, form, uri, signature);
        if (refused.isPresent()) {
            return refused.get();
        }
        String callSid = form.getFirst("CallSid");
        if (!CallSid.isValid(callSid)) {
            return WebhookRefusals.plain(Response.Status.BAD_REQUEST, "CallSid missing or malformed");
        }
        String recordingSid = form.getFirst("RecordingSid");
        if (recordingSid == null || !RECORDING_SID.matcher(recordingSid).matches()) {
            return WebhookRefusals.plain(Response.Status.BAD_REQUEST, "RecordingSid missing or malformed");
        }
        String status = form.getFirst("RecordingStatus");
        if (status == null || !STATUS.matcher(status).matches()) {
            return WebhookRefusals.plain(Response.Status.BAD_REQUEST, "RecordingStatus missing or malformed");
        }
        RecordingStatus report = new RecordingStatus(recordingSid, status, number(form.getFirst("RecordingDuration")),
                number(form.getFirst("ErrorCode")));
        CallSid call = new CallSid(callSid);
        registry.find(call).ifPresentOrElse(live -> live.recordingStatus(report),
                () -> LOG.infof("Call %s: %s", call, report.describe()));
        return Response.noContent().build();
    }

    /** Twilio's seconds or error code; anything but a plain number is left out. */
    private static String number(String value) {
        return value != null && NUMBER.matcher(value).matches() ? value : "";
    }
}
