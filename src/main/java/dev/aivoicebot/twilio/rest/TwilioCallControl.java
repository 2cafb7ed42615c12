package dev.aivoicebot.twilio.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.call.CallControl;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.twilio.TwilioConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Call control over Twilio's REST API, on when an account SID and a credential are configured (the start-up log
 * says which, in one line). Each request's outcome is logged once: a failure as a warning naming Twilio's status
 * and error code, a call that had already ended as information only.
 */
@ApplicationScoped
class TwilioCallControl implements CallControl {

    private static final Logger LOG = Logger.getLogger(TwilioCallControl.class);

    private final TwilioCallsClient client;
    private final ObjectMapper json;
    private final Optional<TwilioCredentials> credentials;
    private final Duration timeout;
    private final String state;

    TwilioCallControl(TwilioCallsClient client, ObjectMapper json, TwilioConfig config) {
        this.client = client;
        this.json = json;
        this.credentials = TwilioCredentials.of(config);
        this.timeout = config.apiTimeout();
        this.state = credentials.map(c -> "Twilio call control is on (REST with " + c + "): a call the service ends "
                + "after its goodbye is hung up through Twilio").orElse("Twilio call control is off ("
                + TwilioCredentials.missing(config.accountSid()) + "): calls end by closing their media stream");
    }

    void announce(@Observes StartupEvent event) {
        LOG.info(state);
    }

    @Override
    public boolean available() {
        return credentials.isPresent();
    }

    @Override
    public CompletionStage<Outcome> hangUp(CallSid callSid) {
        if (credentials.isEmpty()) {
            return CompletableFuture.completedFuture(Outcome.failed("Twilio call control is off"));
        }
        TwilioCredentials account = credentials.get();
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("Status", "completed");
        return Uni.createFrom().deferred(() -> client.update(account.accountSid(), callSid.value(),
                        account.authorization(), form)) // whatever fails, even at once, becomes a failed answer
                .map(this::read)
                .onFailure().recoverWithItem(failure -> TwilioAnswer.of(failure, timeout))
                .map(answer -> logged(callSid, answer))
                .subscribeAsCompletionStage();
    }

    private TwilioAnswer read(Response response) {
        try (response) {
            return TwilioAnswer.of(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : "",
                    json);
        }
    }

    private static Outcome logged(CallSid callSid, TwilioAnswer answer) {
        switch (answer.kind()) {
            case DONE -> LOG.debugf("Call %s: hung up through Twilio", callSid);
            case ALREADY_ENDED -> LOG.infof("Call %s: no hang-up needed, %s", callSid, answer.description());
            default -> {
                LOG.warnf("Call %s: hang-up through Twilio failed: %s", callSid, answer.description());
                return Outcome.failed(answer.description());
            }
        }
        return Outcome.DONE;
    }
}
