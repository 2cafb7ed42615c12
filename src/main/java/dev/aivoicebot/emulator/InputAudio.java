package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aivoicebot.emulator.EnergyVad.VadEvent;
import dev.aivoicebot.emulator.ServerEvents.Committed;
import dev.aivoicebot.emulator.ServerEvents.DurationUsage;
import dev.aivoicebot.emulator.ServerEvents.SpeechStarted;
import dev.aivoicebot.emulator.ServerEvents.SpeechStopped;
import dev.aivoicebot.emulator.ServerEvents.TranscriptionCompleted;
import java.util.Base64;

/** The input audio buffer's events: appends, server VAD turns, manual commit and clear. */
final class InputAudio {

    private static final int MIN_COMMIT_MS = 100;

    private final SessionConnection session;
    private final SessionSettings settings;
    private final Conversation conversation;
    private final Responses responses;
    private final ReplyScript script;
    private final EnergyVad vad;
    private final InputBuffer buffer = new InputBuffer();
    private String speechItemId;
    private long speechStartMs;

    InputAudio(SessionConnection session, SessionSettings settings, Conversation conversation, Responses responses,
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
        buffer.append(bytes);
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
            buffer.dropBefore(vad.frameStartMs() - turnDetection.prefixPaddingMs());
        }
    }

    void commit() {
        long bufferedMs = buffer.millis();
        if (bufferedMs < MIN_COMMIT_MS) {
            throw ClientError.of("input_audio_buffer_commit_empty", "Error committing input audio buffer: "
                    + "buffer too small. Expected at least " + MIN_COMMIT_MS + "ms of audio, but buffer only has "
                    + bufferedMs + "ms of audio.");
        }
        String itemId = speechItemId != null ? speechItemId : Ids.item();
        byte[] utterance = buffer.takeAll();
        vad.reset();
        speechItemId = null;
        commitItem(itemId, utterance);
    }

    void clear() {
        buffer.takeAll();
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
        byte[] utterance = buffer.slice(speechStartMs, audioEndMs);
        buffer.dropBefore(audioEndMs);
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
}
