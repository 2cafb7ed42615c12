package dev.aivoicebot.twilio;

import dev.aivoicebot.ClientErrorLog;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Rejects a Media Stream upgrade with 403 before any WebSocket exists unless Twilio signed it: the signature
 * is over the {@code wss://} URL exactly as our TwiML wrote it (built from PUBLIC_BASE_URL, never from the
 * request's Host) with no parameters. The only other way in is an {@link UpgradeTicket} (the browser softphone's
 * single-use ticket, only while the softphone is enabled).
 */
@ApplicationScoped
public class StreamUpgradeCheck implements HttpUpgradeCheck {

    private static final Logger LOG = Logger.getLogger(StreamUpgradeCheck.class);
    /** One line a minute at most: anyone can send upgrades, and each refused one would otherwise be a log line. */
    private final ClientErrorLog refusedLog = new ClientErrorLog(LOG, Logger.Level.WARN,
            "Rejected a media stream upgrade with a missing or invalid X-Twilio-Signature (or softphone ticket)");

    private final WebhookSignatureCheck signatures;
    private final PublicEndpoints endpoints;
    private final Instance<UpgradeTicket> tickets;

    StreamUpgradeCheck(WebhookSignatureCheck signatures, PublicEndpoints endpoints, Instance<UpgradeTicket> tickets) {
        this.signatures = signatures;
        this.endpoints = endpoints;
        this.tickets = tickets;
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
        if (tickets.isResolvable() && tickets.get().admitsUpgrade(context.httpRequest())) {
            return CheckResult.permitUpgrade();
        }
        refusedLog.report();
        return CheckResult.rejectUpgrade(403);
    }
}
