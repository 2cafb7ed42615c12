package dev.aivoicebot.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TurnDetectionTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void serverVadFieldsAndDefaults() throws Exception {
        assertEquals(new TurnDetection("server_vad", 200, 900, false, true), TurnDetection.from(json.readTree(
                "{\"type\":\"server_vad\",\"prefix_padding_ms\":200,\"silence_duration_ms\":900,\"create_response\":false}")));
        assertEquals(new TurnDetection("server_vad", 300, 500, true, true),
                TurnDetection.from(json.readTree("{\"type\":\"server_vad\"}")));
    }

    @Test
    void nullTurnsDetectionOff() throws Exception {
        assertNull(TurnDetection.from(json.readTree("null")));
        assertNull(TurnDetection.from(null));
    }

    @Test
    void semanticVadEagernessPicksTheSilence() throws Exception {
        assertEquals(300, TurnDetection.from(json.readTree("{\"type\":\"semantic_vad\",\"eagerness\":\"high\"}"))
                .silenceDurationMs());
        assertEquals(800, TurnDetection.from(json.readTree("{\"type\":\"semantic_vad\"}")).silenceDurationMs());
    }
}
