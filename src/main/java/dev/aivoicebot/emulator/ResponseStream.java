package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.emulator.ServerEvents.AudioDelta;
import dev.aivoicebot.emulator.ServerEvents.AudioDone;
import dev.aivoicebot.emulator.ServerEvents.ContentPart;
import dev.aivoicebot.emulator.ServerEvents.ItemPayload;
import dev.aivoicebot.emulator.ServerEvents.OutputItem;
import dev.aivoicebot.emulator.ServerEvents.Part;
import dev.aivoicebot.emulator.ServerEvents.TranscriptDelta;
import dev.aivoicebot.emulator.ServerEvents.TranscriptDone;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.Base64;

/**
 * One response being generated: the opening events, then one audio delta (with its share of the
 * transcript) per Vert.x timer tick, then the closing events, either completed or cancelled. Runs on
 * the connection's event loop only: timers set there fire there, so no locking and no blocking.
 */
final class ResponseStream {

    private final SessionConnection session;
    private final Conversation conversation;
    private final ResponseObjects objects;
    private final Vertx vertx;
    private final Pacing pacing;
    private final Runnable onDone;
    private final String id = Ids.response();
    private final String itemId = Ids.item();
    private final byte[] audio;
    private final String transcript;
    private String previousItemId;
    private int audioSent;
    private int transcriptSent;
    private long timerId = -1;
    private boolean finished;

    /** How fast deltas go out: bytes per delta and wall-clock milliseconds between them. */
    record Pacing(int deltaBytes, long intervalMs) {
    }

    ResponseStream(SessionConnection session, Conversation conversation, ResponseObjects objects, Vertx vertx,
            Pacing pacing, byte[] audio, String transcript, Runnable onDone) {
        this.session = session;
        this.conversation = conversation;
        this.objects = objects;
        this.vertx = vertx;
        this.pacing = pacing;
        this.audio = audio;
        this.transcript = transcript;
        this.onDone = onDone;
    }

    String id() {
        return id;
    }

    void start() {
        session.send("response.created", objects.created(id));
        ObjectNode item = objects.item(itemId, "in_progress", null);
        session.send("response.output_item.added", new OutputItem(id, 0, item));
        previousItemId = conversation.addAssistantItem(itemId);
        session.send("conversation.item.added", new ItemPayload(previousItemId, item));
        session.send("response.content_part.added", new ContentPart(id, itemId, 0, 0, new Part("audio", "")));
        tick();
    }

    private void tick() {
        timerId = -1;
        if (finished) {
            return;
        }
        if (sendNextDelta()) {
            timerId = vertx.setTimer(pacing.intervalMs(), ignored -> tick());
        } else {
            finish("completed", null);
        }
    }

    /**
     * The real service generates ahead of real time, so when the caller barges in, audio it produced a moment
     * earlier is still on the wire. The emulator models that by sending one more delta after
     * {@code speech_started}: a client that does not drop stale deltas plays it to the caller.
     */
    void sendInFlightDelta() {
        if (!finished && audioSent < audio.length) {
            sendNextDelta();
        }
    }

    /** Sends the next audio delta with its share of the transcript; true when more audio remains. */
    private boolean sendNextDelta() {
        int end = Math.min(audioSent + pacing.deltaBytes(), audio.length);
        int transcriptEnd = (int) ((long) transcript.length() * end / Math.max(audio.length, 1));
        if (transcriptEnd > transcriptSent) {
            session.send("response.output_audio_transcript.delta", new TranscriptDelta(id, itemId, 0, 0,
                    transcript.substring(transcriptSent, transcriptEnd)));
            transcriptSent = transcriptEnd;
        }
        byte[] chunk = Arrays.copyOfRange(audio, audioSent, end);
        audioSent = end;
        conversation.audioSent(itemId, chunk.length);
        session.send("response.output_audio.delta",
                new AudioDelta(id, itemId, 0, 0, Base64.getEncoder().encodeToString(chunk)));
        return audioSent < audio.length;
    }

    /** Ends the response; {@code reason} ("client_cancelled", "turn_detected") only when cancelled. */
    void finish(String status, String reason) {
        if (finished) {
            return;
        }
        stop();
        String spoken = transcript.substring(0, transcriptSent);
        session.send("response.output_audio.done", new AudioDone(id, itemId, 0, 0));
        session.send("response.output_audio_transcript.done", new TranscriptDone(id, itemId, 0, 0, spoken));
        session.send("response.content_part.done", new ContentPart(id, itemId, 0, 0, new Part("audio", spoken)));
        ObjectNode item = objects.item(itemId, "completed".equals(status) ? "completed" : "incomplete", spoken);
        session.send("response.output_item.done", new OutputItem(id, 0, item));
        session.send("conversation.item.done", new ItemPayload(previousItemId, item));
        session.send("response.done", objects.done(id, status, reason, item, audioSent, spoken));
        onDone.run();
    }

    /** Stops sending without another event (the connection is gone). */
    void stop() {
        finished = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }
}
