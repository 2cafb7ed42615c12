package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Starts and cancels responses, at most one at a time in the conversation; what each says or does is the
 * {@link ReplyPlanner}'s. Out-of-band ones ({@code conversation: none}) run beside it, answered in text by
 * {@link OutOfBandAnswers}.
 */
final class Responses {

    private final SessionConnection session;
    private final ReplyPlanner planner;
    private final ResponseObjects objects;
    private final EmulatorConfig config;
    private final Vertx vertx;
    private final OutOfBandAnswers outOfBandAnswers;
    private final Set<ResponseStream> outOfBand = new HashSet<>();
    private ResponseStream active;
    private boolean audioProduced;

    Responses(SessionConnection session, ReplyPlanner planner, ResponseObjects objects, EmulatorConfig config,
            Vertx vertx, OutOfBandAnswers outOfBandAnswers) {
        this.session = session;
        this.planner = planner;
        this.objects = objects;
        this.config = config;
        this.vertx = vertx;
        this.outOfBandAnswers = outOfBandAnswers;
    }

    /** {@code response.create}, optionally with {@code response.instructions}. */
    void create(JsonNode event) {
        JsonNode response = event.path("response");
        if ("none".equals(response.path("conversation").asText())) {
            createOutOfBand(response);
            return;
        }
        if (active != null) {
            throw ClientError.of("conversation_already_has_active_response",
                    "Conversation already has an active response in progress: " + active.id()
                            + ". Wait until the response is finished before creating a new one.");
        }
        JsonNode instructions = event.path("response").path("instructions");
        start(instructions.isTextual() ? instructions.asText() : null);
    }

    /** The response server VAD creates at the end of a turn; skipped if one is still running. */
    void createForTurn() {
        if (active == null) {
            start(null);
        }
    }

    void cancel(JsonNode event) {
        String responseId = event.path("response_id").asText(null);
        if (active == null || (responseId != null && !responseId.equals(active.id()))) {
            throw ClientError.of("response_cancel_not_active", "Cancellation failed: no active response found.");
        }
        active.finish("cancelled", "client_cancelled");
    }

    /** Server VAD heard the caller start speaking over an active response. */
    void interrupt() {
        if (active != null) {
            active.sendInFlightDelta();
            active.finish("cancelled", "turn_detected");
        }
    }

    /** Whether assistant audio exists, which locks the voice. */
    boolean audioProduced() {
        return audioProduced;
    }

    /** The connection closed: stop timers, send nothing more. */
    void close() {
        if (active != null) {
            active.stop();
            active = null;
        }
        outOfBand.forEach(ResponseStream::stop);
        outOfBand.clear();
    }

    /** A text answer outside the conversation, echoing the request's metadata; none at all when told not to. */
    private void createOutOfBand(JsonNode response) {
        if (!config.answerOutOfBand()) {
            return;
        }
        JsonNode instructions = response.path("instructions");
        JsonNode metadata = response.path("metadata").isObject() ? response.get("metadata").deepCopy()
                : objects.emptyMetadata();
        TextMessage text = new TextMessage(session, objects,
                outOfBandAnswers.answer(instructions.isTextual() ? instructions.asText() : null));
        ResponseStream[] stream = new ResponseStream[1];
        stream[0] = new ResponseStream(session, objects, vertx, config.deltaInterval().toMillis(), List.of(text),
                () -> outOfBand.remove(stream[0]), metadata);
        outOfBand.add(stream[0]);
        stream[0].start();
    }

    private void start(String instructions) {
        List<OutputItem> items = planner.plan(instructions);
        audioProduced |= items.stream().anyMatch(AudioMessage.class::isInstance);
        active = new ResponseStream(session, objects, vertx, config.deltaInterval().toMillis(), items,
                () -> active = null);
        active.start();
    }
}
