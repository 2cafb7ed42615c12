package dev.aivoicebot.twilio;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Rejects a Media Stream upgrade with 403 before any WebSocket exists unless Twilio signed it: the signature
 * is over the {@code wss://} URL exactly as our TwiML wrote it (built from PUBLIC_BASE_URL, never from the
 * request's Host) with no parameters.
 */
@ApplicationScoped
public class StreamUpgradeCheck implements HttpUpgradeCheck {

    private static final Logger LOG = Logger.getLogger(StreamUpgradeCheck.class);

    private final WebhookSignatureCheck signatures;
    private final PublicEndpoints endpoints;

    StreamUpgradeCheck(WebhookSignatureCheck signatures, PublicEndpoints endpoints) {
        this.signatures = signatures;
        this.endpoints = endpoints;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return MediaStreamWebSocket.ENDPOINT_ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String signature = context.httpRequest().getHeader("X-Twilio-Signature");
        if (signatures.accepts(endpoints.streamUrl(), Map.of(), signature)) {
            return CheckResult.permitUpgrade();
        }
        LOG.warn("Rejected a media stream upgrade with a missing or invalid X-Twilio-Signature");
        return CheckResult.rejectUpgrade(403);
    }
}
