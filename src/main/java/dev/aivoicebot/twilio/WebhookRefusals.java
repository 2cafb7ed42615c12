package dev.aivoicebot.twilio;

import dev.aivoicebot.ClientErrorLog;
import dev.aivoicebot.metrics.CallMetrics;
import dev.aivoicebot.metrics.CallRejection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/** The webhook's refusals: a status and a one-line text body. A refused signature is also counted and logged. */
@ApplicationScoped
class WebhookRefusals {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private static final Logger LOG = Logger.getLogger(WebhookRefusals.class);

    // A warning, since a wrong TWILIO_AUTH_TOKEN or PUBLIC_BASE_URL looks the same; throttled, since so does a stranger.
    private final ClientErrorLog signatureLog = new ClientErrorLog(LOG, Logger.Level.WARN,
            "Rejected a webhook request with a missing or invalid X-Twilio-Signature");
    private final CallMetrics metrics;

    WebhookRefusals(CallMetrics metrics) {
        this.metrics = metrics;
    }

    Response invalidSignature() {
        signatureLog.report();
        metrics.callRejected(CallRejection.INVALID_SIGNATURE);
        return plain(Response.Status.FORBIDDEN, "invalid Twilio signature");
    }

    static Response plain(Response.Status status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN).entity(message + "\n").build();
    }
}
