package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aivoicebot.emulator.Conversation.PendingInput;
import io.vertx.core.Vertx;

/**
 * Starts and cancels responses, at most one at a time. What a response "says": the user's committed
 * utterance played back when there is one, otherwise a tone as long as its instructions deserve.
 */
final class Responses {

    private final SessionConnection session;
    private final Conversation conversation;
    private final SessionSettings settings;
    private final ResponseObjects objects;
    private final ReplyScript script;
    private final EmulatorConfig config;
    private final Vertx vertx;
    private ResponseStream active;
    private boolean audioProduced;

    Responses(SessionConnection session, Conversation conversation, SessionSettings settings, ReplyScript script,
            EmulatorConfig config, Vertx vertx, ResponseObjects objects) {
        this.session = session;
        this.conversation = conversation;
        this.settings = settings;
        this.script = script;
        this.config = config;
        this.vertx = vertx;
        this.objects = objects;
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
        PendingInput input = conversation.takePending();
        byte[] audio;
        String transcript;
        if (input.audio() != null) {
            audio = input.audio();
            transcript = script.echoTranscript(audio);
        } else {
            String text = firstNonBlank(instructions, input.text(), settings.instructions());
            transcript = script.greetingTranscript(text);
            audio = ToneGenerator.tone(greetingMillis(transcript)); // as long as what is "said"

        }
        ResponseStream.Pacing pacing = new ResponseStream.Pacing(
                (int) config.deltaAudio().toMillis() * MuLaw.BYTES_PER_MS, config.deltaInterval().toMillis());
        audioProduced = true;
        active = new ResponseStream(session, conversation, objects, vertx, pacing, audio, transcript,
                () -> active = null);
        active.start();
    }

    private long greetingMillis(String text) {
        long millis = config.toneMsPerCharacter().toMillis() * text.length();
        return Math.max(config.toneMin().toMillis(), Math.min(config.toneMax().toMillis(), millis));
    }

    private static String firstNonBlank(String... texts) {
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return "Hello.";
    }
}
