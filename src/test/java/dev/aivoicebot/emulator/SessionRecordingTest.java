package dev.aivoicebot.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A long call must not make the emulator's recording grow without end. */
class SessionRecordingTest {

    @Test
    void eventsAndAudioStopBeingRecordedAtTheirCaps() {
        SessionRecording recording = new SessionRecording();
        byte[] frame = new byte[160];
        recording.responseStarted("resp_1", "item_1");
        for (int i = 0; i < SessionRecording.MAX_EVENTS + 100; i++) {
            recording.clientEvent("{\"type\":\"input_audio_buffer.append\"}", "input_audio_buffer.append");
            recording.serverEvent("{\"type\":\"response.output_audio.delta\"}");
        }
        for (int i = 0; i < SessionRecording.MAX_AUDIO_BYTES / frame.length + 100; i++) {
            recording.inputAudio(frame);
            recording.responseAudio("resp_1", frame);
        }
        assertEquals(SessionRecording.MAX_EVENTS, recording.clientEvents().size());
        assertEquals(SessionRecording.MAX_EVENTS, recording.clientEventTypes().size());
        assertEquals(SessionRecording.MAX_EVENTS, recording.serverEvents().size());
        int wholeFrames = SessionRecording.MAX_AUDIO_BYTES / frame.length * frame.length;
        assertEquals(wholeFrames, recording.inputAudio().length);
        assertEquals(wholeFrames, recording.responses().get(0).audio().length);
    }
}
