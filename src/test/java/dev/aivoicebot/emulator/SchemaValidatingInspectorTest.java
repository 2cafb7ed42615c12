package dev.aivoicebot.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The oracle must be able to fail: valid events pass, each kind of broken one is caught. */
class SchemaValidatingInspectorTest {

    private static final String BRIDGE_SESSION_UPDATE = """
            {"type":"session.update","session":{"type":"realtime","model":"gpt-realtime",
             "output_modalities":["audio"],"instructions":"Be brief.",
             "audio":{"input":{"format":{"type":"audio/pcmu"},
                               "turn_detection":{"type":"server_vad","silence_duration_ms":900,
                                 "prefix_padding_ms":300,"threshold":0.5,"create_response":true,
                                 "interrupt_response":true},
                               "transcription":{"model":"gpt-4o-mini-transcribe"},
                               "noise_reduction":{"type":"near_field"}},
                      "output":{"format":{"type":"audio/pcmu"},"voice":"marin","speed":1.0}},
             "tools":[],"tool_choice":"auto"}}""";

    private final SchemaValidatingInspector inspector = new SchemaValidatingInspector();

    @Test
    void validEventsPass() {
        inspector.clientEvent("s", BRIDGE_SESSION_UPDATE);
        inspector.clientEvent("s", "{\"type\":\"input_audio_buffer.append\",\"audio\":\"//8=\"}");
        inspector.clientEvent("s", "{\"type\":\"conversation.item.truncate\",\"item_id\":\"item_1\","
                + "\"content_index\":0,\"audio_end_ms\":1500}");
        inspector.clientEvent("s", "{\"type\":\"response.create\",\"response\":{\"instructions\":\"Say hi\"}}");
        inspector.clientEvent("s", "{\"type\":\"session.update\",\"session\":{\"type\":\"realtime\","
                + "\"audio\":{\"input\":{\"turn_detection\":null}}}}");

        assertEquals(List.of(), inspector.violations());
    }

    @Test
    void sessionUpdateWithoutSessionTypeIsAViolation() {
        inspector.clientEvent("s", BRIDGE_SESSION_UPDATE.replace("\"type\":\"realtime\",", ""));

        assertEquals(1, inspector.violations("s").size());
    }

    @Test
    void unknownAudioFormatAndTurnDetectionAreViolations() {
        assertFalse(RealtimeSchemas.get().validateClientEvent(
                BRIDGE_SESSION_UPDATE.replace("\"audio/pcmu\"},\n", "\"audio/wav\"},\n")).isEmpty());
        assertFalse(RealtimeSchemas.get().validateClientEvent(
                BRIDGE_SESSION_UPDATE.replace("server_vad", "magic_vad")).isEmpty());
    }

    @Test
    void missingOrMistypedFieldsAreViolations() {
        assertFalse(RealtimeSchemas.get().validateClientEvent("{\"type\":\"input_audio_buffer.append\"}").isEmpty());
        assertFalse(RealtimeSchemas.get().validateClientEvent("{\"type\":\"conversation.item.truncate\","
                + "\"item_id\":\"item_1\",\"content_index\":0,\"audio_end_ms\":\"1500\"}").isEmpty());
        assertFalse(RealtimeSchemas.get().validateClientEvent(
                "{\"type\":\"response.create\",\"response\":{\"output_modalities\":[\"video\"]}}").isEmpty());
    }

    @Test
    void anOutOfBandResponseIsValidAndItsConversationFieldStillChecked() {
        String outOfBand = "{\"type\":\"response.create\",\"response\":{\"conversation\":\"none\","
                + "\"output_modalities\":[\"text\"],\"instructions\":\"Summarize the call.\","
                + "\"metadata\":{\"purpose\":\"summary\"}}}";
        assertEquals(List.of(), RealtimeSchemas.get().validateClientEvent(outOfBand));
        assertFalse(RealtimeSchemas.get().validateClientEvent(outOfBand.replace("\"none\"", "42")).isEmpty());
    }

    @Test
    void unknownTypesAndInvalidJsonAreViolations() {
        inspector.clientEvent("bad", "{\"type\":\"session.upgrade\"}");
        inspector.clientEvent("bad", "{not json");

        assertEquals(2, inspector.violations("bad").size());
        assertTrue(inspector.violations("bad").get(0).problems().get(0).contains("session.upgrade"));
        assertEquals(List.of(), inspector.violations("other"));
    }

    @Test
    void anOracleThatFailsIsAViolationNotAPass() {
        SchemaValidatingInspector crashing = new SchemaValidatingInspector(raw -> {
            throw new IllegalStateException("schema not loadable");
        });
        SchemaValidatingInspector answeringNothing = new SchemaValidatingInspector(raw -> null);

        crashing.clientEvent("s", BRIDGE_SESSION_UPDATE);
        answeringNothing.clientEvent("s", BRIDGE_SESSION_UPDATE);

        assertEquals(1, crashing.violations("s").size(), "a valid event the oracle could not check is not valid");
        assertTrue(crashing.violations("s").get(0).problems().get(0).contains("schema not loadable"));
        assertEquals(1, answeringNothing.violations("s").size());
    }

    @Test
    void serverEventsAreCheckedToo() {
        assertEquals(List.of(), RealtimeSchemas.get().validateServerEvent("{\"type\":\"input_audio_buffer.speech_started\","
                + "\"event_id\":\"event_1\",\"audio_start_ms\":200,\"item_id\":\"item_1\"}"));
        assertFalse(RealtimeSchemas.get().validateServerEvent("{\"type\":\"input_audio_buffer.speech_started\","
                + "\"event_id\":\"event_1\",\"item_id\":\"item_1\"}").isEmpty());
    }
}
