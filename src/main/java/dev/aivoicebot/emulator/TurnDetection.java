package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The session's {@code audio.input.turn_detection}, reduced to what the energy VAD honours.
 * {@code semantic_vad} has no model here, so its eagerness picks a fixed silence duration.
 */
record TurnDetection(String type, int prefixPaddingMs, int silenceDurationMs, boolean createResponse,
        boolean interruptResponse) {

    static final int DEFAULT_PREFIX_PADDING_MS = 300;
    static final int DEFAULT_SILENCE_DURATION_MS = 500;

    /** The VAD settings of a turn_detection object, or null when turn detection is off. */
    static TurnDetection from(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String type = node.path("type").asText("server_vad");
        int silence = "semantic_vad".equals(type)
                ? semanticSilence(node.path("eagerness").asText("auto"))
                : node.path("silence_duration_ms").asInt(DEFAULT_SILENCE_DURATION_MS);
        return new TurnDetection(type,
                node.path("prefix_padding_ms").asInt(DEFAULT_PREFIX_PADDING_MS),
                silence,
                node.path("create_response").asBoolean(true),
                node.path("interrupt_response").asBoolean(true));
    }

    private static int semanticSilence(String eagerness) {
        return switch (eagerness) {
            case "low" -> 1500;
            case "high" -> 300;
            default -> 800;
        };
    }
}
