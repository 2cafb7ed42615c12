package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import java.util.List;

/** Starts and cancels responses, at most one at a time; what each says or does is the {@link ReplyPlanner}'s. */
final class Responses {

    private final SessionConnection session;
    private final ReplyPlanner planner;
    private final ResponseObjects objects;
    private final EmulatorConfig config;
    private final Vertx vertx;
    private ResponseStream active;
    private boolean audioProduced;

    Responses(SessionConnection session, ReplyPlanner planner, ResponseObjects objects, EmulatorConfig config,
            Vertx vertx) {
        this.session = session;
        this.planner = planner;
        this.objects = objects;
        this.config = config;
        this.vertx = vertx;
    }

    /** {@code response.create}, optionally with {@code response.instructions}. */
    void create(JsonNode event) {
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
    }

    private void start(String instructions) {
        List<OutputItem> items = planner.plan(instructions);
        audioProduced |= items.stream().anyMatch(AudioMessage.class::isInstance);
        active = new ResponseStream(session, objects, vertx, config.deltaInterval().toMillis(), items,
                () -> active = null);
        active.start();
    }
}
