package dev.aivoicebot.twilio.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aivoicebot.call.CallControl;
import dev.aivoicebot.safety.CallSid;
import dev.aivoicebot.twilio.PublicEndpoints;
import dev.aivoicebot.twilio.TwilioConfig;
import dev.aivoicebot.twilio.Twiml;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Call control over Twilio's REST API, on when an account SID and a credential are configured (the start-up log
 * says which, in one line). Each request's outcome is logged once: a failure as a warning naming Twilio's status
 * and error code, a call that had already ended as information only.
 */
@ApplicationScoped
class TwilioCallControl implements CallControl {

    private static final Logger LOG = Logger.getLogger(TwilioCallControl.class);
    private static final Pattern RECORDING_SID = Pattern.compile("RE[0-9a-fA-F]{32}");

    private final TwilioCallsClient client;
    private final PublicEndpoints endpoints;
    private final ObjectMapper json;
    private final Optional<TwilioCredentials> credentials;
    private final Duration timeout;
    private final String state;

    TwilioCallControl(TwilioCallsClient client, ObjectMapper json, TwilioConfig config, PublicEndpoints endpoints) {
        this.client = client;
        this.endpoints = endpoints;
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
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("Status", "completed");
        return update(callSid, form, "hang-up");
    }

    @Override
    public CompletionStage<Outcome> transfer(CallSid callSid, String address, String callerId, Duration ringFor) {
        String query = "call=" + callSid.value();
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("Twiml", Twiml.dial(address, callerId, ringFor.toSeconds(),
                endpoints.webhookUrl(PublicEndpoints.TRANSFER_STATUS_PATH, null),
                endpoints.webhookUrl(PublicEndpoints.WHISPER_PATH, query)));
        return update(callSid, form, "transfer");
    }

    @Override
    public CompletionStage<Outcome> sayAndHangUp(CallSid callSid, String message) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("Twiml", Twiml.sayAndHangUp(message));
        return update(callSid, form, "voicemail message");
    }

    /** One update of the call; {@code action} names it in the log ("hang-up", "transfer"). */
    private CompletionStage<Outcome> update(CallSid callSid, MultivaluedMap<String, String> form, String action) {
        return request(callSid, account -> client.update(account.accountSid(), callSid.value(),
                account.authorization(), form), action);
    }

    /** One request about the call, answered with no more than whether it was done. */
    private CompletionStage<Outcome> request(CallSid callSid, Function<TwilioCredentials, Uni<Response>> send,
            String action) {
        if (credentials.isEmpty()) {
            return CompletableFuture.completedFuture(Outcome.failed("Twilio call control is off"));
        }
        TwilioCredentials account = credentials.get();
        return Uni.createFrom().deferred(() -> send.apply(account)) // whatever fails, even at once, becomes a failed answer
                .map(this::read)
                .onFailure().recoverWithItem(failure -> TwilioAnswer.of(failure, timeout))
                .map(answer -> logged(callSid, answer, action))
                .subscribeAsCompletionStage();
    }

    private TwilioAnswer read(Response response) {
        try (response) {
            return TwilioAnswer.of(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : "",
                    json);
        }
    }

    /** A call that had already ended needs no hang-up, but cannot be transferred either. */
    private static Outcome logged(CallSid callSid, TwilioAnswer answer, String action) {
        boolean hangUp = "hang-up".equals(action);
        switch (answer.kind()) {
            case DONE -> LOG.debugf("Call %s: %s through Twilio done", callSid, action);
            case ALREADY_ENDED -> {
                LOG.infof("Call %s: no %s needed, %s", callSid, action, answer.description());
                return hangUp ? Outcome.DONE : Outcome.failed(answer.description());
            }
            default -> {
                LOG.warnf("Call %s: %s through Twilio failed: %s", callSid, action, answer.description());
                return Outcome.failed(answer.description());
            }
        }
        return Outcome.DONE;
    }

    // ---- Recording -------------------------------------------------------------------------------

    /** A Twilio answer, and the SID in its body when it is a Recording resource. */
    private record Answered(TwilioAnswer answer, String recordingSid) {
    }

    @Override
    public CompletionStage<RecordingStart> startRecording(CallSid callSid) {
        if (credentials.isEmpty()) {
            return CompletableFuture.completedFuture(new RecordingStart(null, "Twilio call control is off"));
        }
        TwilioCredentials account = credentials.get();
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("RecordingChannels", "dual"); // the caller on one channel, the assistant on the other
        form.add("RecordingTrack", "both");
        form.add("RecordingStatusCallback", endpoints.webhookUrl(PublicEndpoints.RECORDING_STATUS_PATH, null));
        form.add("RecordingStatusCallbackMethod", "POST");
        form.add("RecordingStatusCallbackEvent", "in-progress completed absent");
        return Uni.createFrom().deferred(() -> client.startRecording(account.accountSid(), callSid.value(),
                        account.authorization(), form))
                .map(this::readRecording)
                .onFailure().recoverWithItem(failure -> new Answered(TwilioAnswer.of(failure, timeout), null))
                .map(answered -> started(callSid, answered))
                .subscribeAsCompletionStage();
    }

    @Override
    public CompletionStage<Outcome> pauseRecording(CallSid callSid, String recordingSid, boolean paused) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("Status", paused ? "paused" : "in-progress");
        return request(callSid, account -> client.updateRecording(account.accountSid(), callSid.value(), recordingSid,
                account.authorization(), form), paused ? "recording pause" : "recording resume");
    }

    private Answered readRecording(Response response) {
        try (response) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            TwilioAnswer answer = TwilioAnswer.of(response.getStatus(), body, json);
            if (answer.kind() != TwilioAnswer.Kind.DONE) {
                return new Answered(answer, null);
            }
            String sid;
            try {
                sid = json.readTree(body).path("sid").asText("");
            } catch (IOException | RuntimeException e) {
                sid = "";
            }
            return RECORDING_SID.matcher(sid).matches() ? new Answered(answer, sid)
                    : new Answered(new TwilioAnswer(TwilioAnswer.Kind.FAILED, "Twilio's answer (" + answer.description()
                            + ") names no recording"), null);
        }
    }

    private static RecordingStart started(CallSid callSid, Answered answered) {
        if (answered.recordingSid() != null) {
            LOG.debugf("Call %s: recording %s started", callSid, answered.recordingSid());
            return new RecordingStart(answered.recordingSid(), null);
        }
        String why = answered.answer().description();
        if (answered.answer().kind() == TwilioAnswer.Kind.ALREADY_ENDED) {
            LOG.infof("Call %s: no recording started, %s", callSid, why);
        } else {
            LOG.warnf("Call %s: recording start through Twilio failed: %s", callSid, why);
        }
        return new RecordingStart(null, why);
    }
}
