package dev.aivoicebot.twilio.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.outbound.CallPlacer;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.safety.SafeText;
import dev.aivoicebot.twilio.PublicEndpoints;
import dev.aivoicebot.twilio.TwilioConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Places calls through Twilio's Calls resource ({@code POST …/Calls.json}). The call is answered by our own signed
 * {@code /voice}, so it runs through the same path as a call that comes in; its progress goes to
 * {@code /voice/outbound/status} and the answering-machine result to {@code /voice/outbound/amd}, both signed too.
 *
 * <p>Detection is asynchronous ({@code AsyncAmd=true}): the call is connected at once and the result arrives while
 * the stream runs, so a person who answers is not kept waiting in silence for it. {@code DetectMessageEnd} when a
 * message is to be left: the result then comes when the machine's greeting has ended (after the beep), which is
 * when a message must start to be recorded whole; {@code Enable} when the call just hangs up on a machine, since the
 * result then comes as soon as a machine is recognized.
 */
@ApplicationScoped
class TwilioCallPlacer implements CallPlacer {

    private static final Logger LOG = Logger.getLogger(TwilioCallPlacer.class);

    private final TwilioCallsClient client;
    private final PublicEndpoints endpoints;
    private final ObjectMapper json;
    private final Optional<TwilioCredentials> credentials;
    private final Duration timeout;

    TwilioCallPlacer(TwilioCallsClient client, ObjectMapper json, TwilioConfig config, PublicEndpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
        this.json = json;
        this.credentials = TwilioCredentials.of(config);
        this.timeout = config.apiTimeout();
    }

    @Override
    public boolean available() {
        return credentials.isPresent();
    }

    @Override
    public CompletionStage<Placed> place(String to, String from, boolean waitForMessageEnd) {
        if (credentials.isEmpty()) {
            return CompletableFuture.completedFuture(Placed.failed("Twilio call control is off"));
        }
        TwilioCredentials account = credentials.get();
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("To", to);
        form.add("From", from);
        form.add("Url", endpoints.webhookUrl(PublicEndpoints.WEBHOOK_PATH, null));
        form.add("Method", "POST");
        form.add("StatusCallback", endpoints.webhookUrl(PublicEndpoints.OUTBOUND_STATUS_PATH, null));
        form.add("StatusCallbackMethod", "POST");
        form.add("StatusCallbackEvent", "initiated ringing answered completed");
        form.add("MachineDetection", waitForMessageEnd ? "DetectMessageEnd" : "Enable");
        form.add("AsyncAmd", "true");
        form.add("AsyncAmdStatusCallback", endpoints.webhookUrl(PublicEndpoints.OUTBOUND_AMD_PATH, null));
        form.add("AsyncAmdStatusCallbackMethod", "POST");
        return Uni.createFrom().deferred(() -> client.create(account.accountSid(), account.authorization(), form))
                .map(this::read)
                .onFailure().recoverWithItem(failure -> Placed.failed(TwilioAnswer.of(failure, timeout).description()))
                .map(placed -> logged(to, placed))
                .subscribeAsCompletionStage();
    }

    private Placed read(Response response) {
        try (response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            TwilioAnswer answer = TwilioAnswer.of(response.getStatus(), body, json);
            if (answer.kind() != TwilioAnswer.Kind.DONE) {
                return Placed.failed(answer.kind() == TwilioAnswer.Kind.ALREADY_ENDED
                        ? "Twilio answered HTTP 404 (error " + TwilioAnswer.NOT_FOUND_CODE + ")" : answer.description());
            }
            JsonNode call;
            try {
                call = json.readTree(body);
            } catch (IOException | RuntimeException e) {
                call = json.missingNode();
            }
            String sid = call == null ? "" : call.path("sid").asText("");
            if (!CallSid.isValid(sid)) {
                return Placed.failed("Twilio's answer (" + answer.description() + ") names no call");
            }
            String status = SafeText.of(call.path("status").asText("queued"));
            return new Placed(sid, status.isEmpty() ? "queued" : status, null);
        }
    }

    private static Placed logged(String to, Placed placed) {
        if (placed.isFailed()) {
            LOG.warnf("Call to %s: creating it through Twilio failed: %s", to, placed.failure());
        }
        return placed;
    }
}
