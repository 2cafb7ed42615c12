package dev.aivoicebot.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final SessionSettings settings = new SessionSettings(json, "sess_1", "gpt-realtime", Instant.EPOCH);

    @Test
    void startsWithTheRealServiceDefaults() {
        assertEquals(new TurnDetection("server_vad", 300, 500, true, true), settings.turnDetection());
        assertFalse(settings.transcriptionEnabled());
        assertEquals("audio/pcm", settings.snapshot().at("/audio/input/format/type").asText());
        assertEquals("gpt-realtime", settings.snapshot().path("model").asText());
    }

    @Test
    void anUpdateChangesOnlyWhatItNames() throws Exception {
        settings.update(session(RealtimeEmulatorWebSocketTest.SESSION_UPDATE), false);
        settings.update(json.readTree("{\"type\":\"realtime\",\"instructions\":\"Be kind.\",\"model\":\"other\"}"),
                false);

        JsonNode effective = settings.snapshot();
        assertEquals("Be kind.", settings.instructions());
        assertEquals("gpt-realtime", effective.path("model").asText());
        assertEquals("audio/pcmu", effective.at("/audio/output/format/type").asText());
        assertEquals("marin", settings.voice());
        assertTrue(settings.transcriptionEnabled());
        assertEquals(0.5, effective.at("/audio/input/turn_detection/threshold").asDouble());
        assertTrue(effective.at("/audio/input/turn_detection/idle_timeout_ms").isNull());
    }

    @Test
    void turnDetectionNullTurnsTheVadOff() throws Exception {
        settings.update(session(RealtimeEmulatorWebSocketTest.NO_VAD), false);

        assertNull(settings.turnDetection());
        assertTrue(settings.snapshot().at("/audio/input/turn_detection").isNull());
    }

    @Test
    void aRefusedUpdateChangesNothing() throws Exception {
        ClientError refused = assertThrows(ClientError.class, () -> settings.update(json.readTree(
                "{\"type\":\"realtime\",\"instructions\":\"x\",\"audio\":{\"output\":{\"format\":{\"type\":\"audio/pcma\"}}}}"),
                false));

        assertEquals("session.audio.output.format", refused.param);
        assertEquals(SessionSettings.DEFAULT_INSTRUCTIONS, settings.instructions());
    }

    @Test
    void theVoiceIsLockedOnceAudioWasProduced() throws Exception {
        JsonNode cedar = json.readTree("{\"type\":\"realtime\",\"audio\":{\"output\":{\"voice\":\"cedar\"}}}");

        assertEquals("cannot_update_voice", assertThrows(ClientError.class, () -> settings.update(cedar, true)).code);
        settings.update(cedar, false);
        assertEquals("cedar", settings.voice());
    }

    @Test
    void onlyRealtimeSessionsAndKnownTurnDetection() throws Exception {
        assertEquals("session.type", assertThrows(ClientError.class,
                () -> settings.update(json.readTree("{\"type\":\"transcription\"}"), false)).param);
        assertEquals("session.audio.input.turn_detection.type", assertThrows(ClientError.class,
                () -> settings.update(json.readTree("{\"type\":\"realtime\",\"audio\":{\"input\":"
                        + "{\"turn_detection\":{\"type\":\"magic\"}}}}"), false)).param);
    }

    private JsonNode session(String sessionUpdate) throws Exception {
        return json.readTree(sessionUpdate).get("session");
    }
}
