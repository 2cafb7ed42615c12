package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The effective GA session object of one connection: the real service's defaults, then every accepted
 * {@code session.update} merged in (only the fields present change; an explicit null clears a field;
 * {@code tools}, {@code tool_choice} and {@code turn_detection} are replaced whole).
 */
final class SessionSettings {

    static final String DEFAULT_INSTRUCTIONS = "You are a helpful, witty, and friendly AI.";

    private final ObjectNode session;
    private TurnDetection turnDetection;
    private SessionTools tools;

    SessionSettings(ObjectMapper mapper, String id, String model, Instant expiresAt) {
        session = mapper.createObjectNode();
        session.put("type", "realtime").put("object", "realtime.session").put("id", id).put("model", model);
        session.putArray("output_modalities").add("audio");
        session.put("instructions", DEFAULT_INSTRUCTIONS);
        session.putArray("tools");
        session.put("tool_choice", "auto").put("max_output_tokens", "inf");
        session.putNull("tracing");
        session.put("expires_at", expiresAt.getEpochSecond());
        ObjectNode audio = session.putObject("audio");
        ObjectNode input = audio.putObject("input");
        input.putObject("format").put("type", "audio/pcm").put("rate", 24000);
        input.set("turn_detection", withVadDefaults(mapper.createObjectNode().put("type", "server_vad")));
        ObjectNode output = audio.putObject("output");
        output.putObject("format").put("type", "audio/pcm").put("rate", 24000);
        output.put("voice", "alloy").put("speed", 1.0);
        turnDetection = TurnDetection.from(input.get("turn_detection"));
        tools = SessionTools.of(session);
    }

    /** Validates and applies one {@code session.update}'s session object; throws {@link ClientError}. */
    void update(JsonNode update, boolean audioProduced) {
        SessionUpdateValidator.check(update, voice(), audioProduced);
        ToolValidator.check(update, session.get("tools"));
        ObjectNode patch = ((ObjectNode) update).deepCopy();
        patch.remove(List.of("model", "id", "object", "expires_at"));
        if (patch.has("tool_choice")) {
            session.set("tool_choice", patch.remove("tool_choice"));
        }
        JsonNode td = patch.at("/audio/input/turn_detection");
        if (td.isObject()) {
            // turn_detection is replaced as a whole: mixing server_vad and semantic_vad fields means nothing
            ((ObjectNode) session.get("audio").get("input")).set("turn_detection", withVadDefaults((ObjectNode) td));
            ((ObjectNode) patch.get("audio").get("input")).remove("turn_detection");
        }
        merge(session, patch);
        turnDetection = TurnDetection.from(session.at("/audio/input/turn_detection"));
        tools = SessionTools.of(session);
    }

    ObjectNode snapshot() {
        return session.deepCopy();
    }

    String id() {
        return session.get("id").asText();
    }

    /** Null when turn detection is off. */
    TurnDetection turnDetection() {
        return turnDetection;
    }

    SessionTools tools() {
        return tools;
    }

    boolean transcriptionEnabled() {
        JsonNode transcription = session.at("/audio/input/transcription");
        return transcription.isObject();
    }

    String instructions() {
        return session.path("instructions").asText("");
    }

    String voice() {
        return session.at("/audio/output/voice").asText("alloy");
    }

    JsonNode outputAudio() {
        return session.at("/audio/output");
    }

    private static ObjectNode withVadDefaults(ObjectNode td) {
        ObjectNode filled = td.deepCopy();
        if ("server_vad".equals(td.path("type").asText())) {
            fill(filled, "threshold", filled.numberNode(0.5));
            fill(filled, "prefix_padding_ms", filled.numberNode(TurnDetection.DEFAULT_PREFIX_PADDING_MS));
            fill(filled, "silence_duration_ms", filled.numberNode(TurnDetection.DEFAULT_SILENCE_DURATION_MS));
            fill(filled, "idle_timeout_ms", filled.nullNode());
        } else {
            fill(filled, "eagerness", filled.textNode("auto"));
        }
        fill(filled, "create_response", filled.booleanNode(true));
        fill(filled, "interrupt_response", filled.booleanNode(true));
        return filled;
    }

    private static void fill(ObjectNode node, String field, JsonNode value) {
        if (!node.has(field)) {
            node.set(field, value);
        }
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(entry -> {
            JsonNode current = target.get(entry.getKey());
            if (current instanceof ObjectNode currentObject && entry.getValue() instanceof ObjectNode patchObject) {
                merge(currentObject, patchObject);
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        });
    }
}
