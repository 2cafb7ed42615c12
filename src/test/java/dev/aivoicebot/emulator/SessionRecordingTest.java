package dev.aivoicebot.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aivoicebot.emulator.EmulatorSession.SentError;
import dev.aivoicebot.emulator.EmulatorSession.Truncation;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What tests read of a session comes from its wire events, and a long call must not grow it without end. */
class SessionRecordingTest {

    @Test
    void eventsAndAudioStopBeingRecordedAtTheirCaps() {
        SessionRecording recording = new SessionRecording();
        byte[] frame = new byte[160];
        String base64 = Base64.getEncoder().encodeToString(frame);
        recording.serverEvent("{\"type\":\"response.created\",\"response\":{\"id\":\"resp_1\"}}");
        for (int i = 0; i < SessionRecording.MAX_EVENTS + 100; i++) {
            recording.clientEvent("{\"type\":\"input_audio_buffer.append\"}");
            recording.serverEvent("{\"type\":\"response.output_audio.delta\"}");
        }
        for (int i = 0; i < SessionRecording.MAX_AUDIO_BYTES / frame.length + 100; i++) {
            recording.clientEvent("{\"type\":\"input_audio_buffer.append\",\"audio\":\"" + base64 + "\"}");
            recording.serverEvent("{\"type\":\"response.output_audio.delta\",\"response_id\":\"resp_1\","
                    + "\"delta\":\"" + base64 + "\"}");
        }
        assertEquals(SessionRecording.MAX_EVENTS, recording.clientEvents().size());
        assertEquals(SessionRecording.MAX_EVENTS, recording.clientEventTypes().size());
        assertEquals(SessionRecording.MAX_EVENTS, recording.serverEvents().size());
        int wholeFrames = SessionRecording.MAX_AUDIO_BYTES / frame.length * frame.length;
        assertEquals(wholeFrames, recording.inputAudio().length);
        assertEquals(wholeFrames, recording.responses().get(0).audio().length);
    }

    @Test
    void aTruncateIsAcceptedExactlyWhenItsAnswerIsConversationItemTruncated() {
        SessionRecording recording = new SessionRecording();
        recording.clientEvent(EmulatorOverTheWire.truncate("item_1", 500));
        recording.serverEvent("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                + "\"code\":\"invalid_value\",\"message\":\"too far\",\"param\":\"audio_end_ms\",\"event_id\":null}}");
        recording.clientEvent(EmulatorOverTheWire.truncate("item_1", 250));
        recording.serverEvent("{\"type\":\"conversation.item.truncated\",\"item_id\":\"item_1\"}");

        assertEquals(List.of(new Truncation("item_1", 0, 500, false), new Truncation("item_1", 0, 250, true)),
                recording.truncations());
        assertEquals(List.of(new SentError("invalid_request_error", "invalid_value", "too far", "audio_end_ms", null)),
                recording.errors());
    }
}
