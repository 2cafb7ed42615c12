package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aivoicebot.emulator.EnergyVad.VadEvent;
import dev.aivoicebot.emulator.ServerEvents.Committed;
import dev.aivoicebot.emulator.ServerEvents.DurationUsage;
import dev.aivoicebot.emulator.ServerEvents.SpeechStarted;
import dev.aivoicebot.emulator.ServerEvents.SpeechStopped;
import dev.aivoicebot.emulator.ServerEvents.TranscriptionCompleted;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * The input audio buffer: appends, server VAD turns, manual commit and clear. The buffer's first byte is
 * byte {@code bufferStart} of all audio the session received, so VAD boundaries (audio ms) index into it.
 */
final class InputAudio {

    private static final int MIN_COMMIT_MS = 100;

    private final EmulatorSession session;
    private final SessionSettings settings;
    private final Conversation conversation;
    private final Responses responses;
    private final ReplyScript script;
    private final EnergyVad vad;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long bufferStart;
    private String speechItemId;
    private long speechStartMs;

    InputAudio(EmulatorSession session, SessionSettings settings, Conversation conversation, Responses responses,
            ReplyScript script, EnergyVad vad) {
        this.session = session;
        this.settings = settings;
        this.conversation = conversation;
        this.responses = responses;
        this.script = script;
        this.vad = vad;
    }

    void append(JsonNode event) {
        JsonNode audio = event.get("audio");
        if (audio == null || !audio.isTextual()) {
            throw ClientError.missing("audio");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(audio.asText());
        } catch (IllegalArgumentException e) {
            throw ClientError.invalidValue("Invalid 'audio'. Expected base64-encoded audio bytes.", "audio");
        }
        session.recording().inputAudio(bytes);
        buffer.writeBytes(bytes);
        TurnDetection turnDetection = settings.turnDetection();
        for (VadEvent vadEvent : vad.accept(bytes, turnDetection)) {
            if (vadEvent.kind() == EnergyVad.Kind.STARTED) {
                speechStarted(vadEvent.audioMs(), turnDetection);
            } else {
                speechStopped(vadEvent.audioMs(), turnDetection);
            }
        }
        if (turnDetection != null && !vad.speaking()) {
            // outside speech only the prefix padding can still become part of an item; drop the rest
            dropBefore(vad.frameStartMs() - turnDetection.prefixPaddingMs());
        }
    }

    void commit() {
        long bufferedMs = MuLaw.millis(buffer.size());
        if (bufferedMs < MIN_COMMIT_MS) {
            throw ClientError.of("input_audio_buffer_commit_empty", "Error committing input audio buffer: "
                    + "buffer too small. Expected at least " + MIN_COMMIT_MS + "ms of audio, but buffer only has "
                    + bufferedMs + "ms of audio.");
        }
        String itemId = speechItemId != null ? speechItemId : Ids.item();
        byte[] utterance = takeAll();
        vad.reset();
        speechItemId = null;
        commitItem(itemId, utterance);
    }

    void clear() {
        takeAll();
        vad.reset();
        speechItemId = null;
        session.send("input_audio_buffer.cleared", null);
    }

    private void speechStarted(long audioStartMs, TurnDetection turnDetection) {
        speechItemId = Ids.item();
        speechStartMs = audioStartMs;
        session.send("input_audio_buffer.speech_started", new SpeechStarted(audioStartMs, speechItemId));
        if (turnDetection.interruptResponse()) {
            responses.interrupt();
        }
    }

    private void speechStopped(long audioEndMs, TurnDetection turnDetection) {
        String itemId = speechItemId;
        speechItemId = null;
        session.send("input_audio_buffer.speech_stopped", new SpeechStopped(audioEndMs, itemId));
        byte[] utterance = slice(speechStartMs, audioEndMs);
        dropBefore(audioEndMs);
        commitItem(itemId, utterance);
        if (turnDetection.createResponse()) {
            responses.createForTurn();
        }
    }

    private void commitItem(String itemId, byte[] utterance) {
        session.send("input_audio_buffer.committed", new Committed(conversation.lastItemId(), itemId));
        conversation.addUserAudio(itemId, utterance);
        if (settings.transcriptionEnabled()) {
            session.send("conversation.item.input_audio_transcription.completed", new TranscriptionCompleted(
                    itemId, 0, script.transcribe(utterance),
                    new DurationUsage("duration", MuLaw.millis(utterance.length) / 1000.0)));
        }
    }

    private byte[] slice(long fromMs, long toMs) {
        byte[] all = buffer.toByteArray();
        int from = (int) Math.max(0, fromMs * MuLaw.BYTES_PER_MS - bufferStart);
        int to = (int) Math.min(all.length, toMs * MuLaw.BYTES_PER_MS - bufferStart);
        return Arrays.copyOfRange(all, from, Math.max(from, to));
    }

    private byte[] takeAll() {
        byte[] all = buffer.toByteArray();
        buffer.reset();
        bufferStart += all.length;
        return all;
    }

    /** Forgets buffered audio before {@code audioMs}; cheap because it runs only on short idle buffers. */
    private void dropBefore(long audioMs) {
        int drop = (int) Math.min(buffer.size(), Math.max(0, audioMs * MuLaw.BYTES_PER_MS - bufferStart));
        if (drop > 0) {
            byte[] all = buffer.toByteArray();
            buffer.reset();
            buffer.write(all, drop, all.length - drop);
            bufferStart += drop;
        }
    }
}
