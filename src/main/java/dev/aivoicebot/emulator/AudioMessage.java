package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aivoicebot.emulator.ServerEvents.AudioDelta;
import dev.aivoicebot.emulator.ServerEvents.AudioDone;
import dev.aivoicebot.emulator.ServerEvents.ContentPart;
import dev.aivoicebot.emulator.ServerEvents.ItemPayload;
import dev.aivoicebot.emulator.ServerEvents.OutputItemPayload;
import dev.aivoicebot.emulator.ServerEvents.Part;
import dev.aivoicebot.emulator.ServerEvents.TranscriptDelta;
import dev.aivoicebot.emulator.ServerEvents.TranscriptDone;
import java.util.Arrays;
import java.util.Base64;

/**
 * What a response says: an assistant message whose audio streams delta by delta, each delta with its share of the
 * transcript.
 */
final class AudioMessage implements OutputItem {

    private final SessionConnection session;
    private final Conversation conversation;
    private final ResponseObjects objects;
    private final int deltaBytes;
    private final byte[] audio;
    private final String transcript;
    private final String itemId = Ids.item();
    private String responseId;
    private int outputIndex;
    private String previousItemId;
    private int audioSent;
    private int transcriptSent;

    AudioMessage(SessionConnection session, Conversation conversation, ResponseObjects objects, int deltaBytes,
            byte[] audio, String transcript) {
        this.session = session;
        this.conversation = conversation;
        this.objects = objects;
        this.deltaBytes = deltaBytes;
        this.audio = audio;
        this.transcript = transcript;
    }

    @Override
    public void open(String responseId, int outputIndex) {
        this.responseId = responseId;
        this.outputIndex = outputIndex;
        ObjectNode item = objects.item(itemId, "in_progress", null);
        session.send("response.output_item.added", new OutputItemPayload(responseId, outputIndex, item));
        previousItemId = conversation.addServiceItem(itemId, true);
        session.send("conversation.item.added", new ItemPayload(previousItemId, item));
        session.send("response.content_part.added", new ContentPart(responseId, itemId, outputIndex, 0,
                new Part("audio", "")));
    }

    /** Sends the next audio delta with its share of the transcript. */
    @Override
    public boolean next() {
        int end = Math.min(audioSent + deltaBytes, audio.length);
        int transcriptEnd = (int) ((long) transcript.length() * end / Math.max(audio.length, 1));
        if (transcriptEnd > transcriptSent) {
            session.send("response.output_audio_transcript.delta", new TranscriptDelta(responseId, itemId,
                    outputIndex, 0, transcript.substring(transcriptSent, transcriptEnd)));
            transcriptSent = transcriptEnd;
        }
        byte[] chunk = Arrays.copyOfRange(audio, audioSent, end);
        audioSent = end;
        conversation.audioSent(itemId, chunk.length);
        session.send("response.output_audio.delta", new AudioDelta(responseId, itemId, outputIndex, 0,
                Base64.getEncoder().encodeToString(chunk)));
        return audioSent < audio.length;
    }

    /**
     * The real service generates ahead of real time, so when the caller barges in, audio it produced a moment
     * earlier is still on the wire. The emulator models that by sending one more delta after
     * {@code speech_started}: a client that does not drop stale deltas plays it to the caller.
     */
    @Override
    public void sendInFlight() {
        if (audioSent < audio.length) {
            next();
        }
    }

    @Override
    public ObjectNode close(boolean whole) {
        String spoken = text();
        session.send("response.output_audio.done", new AudioDone(responseId, itemId, outputIndex, 0));
        session.send("response.output_audio_transcript.done", new TranscriptDone(responseId, itemId, outputIndex, 0,
                spoken));
        session.send("response.content_part.done", new ContentPart(responseId, itemId, outputIndex, 0,
                new Part("audio", spoken)));
        ObjectNode item = objects.item(itemId, whole ? "completed" : "incomplete", spoken);
        session.send("response.output_item.done", new OutputItemPayload(responseId, outputIndex, item));
        session.send("conversation.item.done", new ItemPayload(previousItemId, item));
        return item;
    }

    @Override
    public int audioBytes() {
        return audioSent;
    }

    @Override
    public String text() {
        return transcript.substring(0, transcriptSent);
    }
}
