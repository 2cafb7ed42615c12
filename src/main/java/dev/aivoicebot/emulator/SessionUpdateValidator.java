package dev.aivoicebot.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The checks a {@code session.update} must pass before anything of it is applied. The real service
 * accepts more (PCM, text output); the emulator only implements what the bridge uses, and says so.
 */
final class SessionUpdateValidator {

    private static final Set<String> TURN_DETECTION_TYPES = Set.of("server_vad", "semantic_vad");
    private static final String[] VAD_INTEGERS = {"prefix_padding_ms", "silence_duration_ms"};

    private SessionUpdateValidator() {
    }

    /** Throws the {@link ClientError} the update deserves; {@code audioProduced} locks the voice. */
    static void check(JsonNode session, String currentVoice, boolean audioProduced) {
        if (session == null || !session.isObject()) {
            throw ClientError.missing("session");
        }
        JsonNode type = session.get("type");
        if (type == null || type.isNull()) {
            throw ClientError.missing("session.type");
        }
        if (!"realtime".equals(type.asText())) {
            throw ClientError.invalidValue("Invalid value: '" + type.asText()
                    + "'. The emulator supports only 'realtime' sessions.", "session.type");
        }
        checkFormat(session.at("/audio/input/format"), "session.audio.input.format");
        checkFormat(session.at("/audio/output/format"), "session.audio.output.format");
        checkTurnDetection(session.at("/audio/input/turn_detection"));
        JsonNode modalities = session.get("output_modalities");
        if (modalities != null && !(modalities.size() == 1 && "audio".equals(modalities.get(0).asText()))) {
            throw ClientError.invalidValue("The emulator supports output_modalities [\"audio\"] only.",
                    "session.output_modalities");
        }
        JsonNode voice = session.at("/audio/output/voice");
        if (audioProduced && !voice.isMissingNode() && !voice.asText().equals(currentVoice)) {
            throw new ClientError(ClientError.INVALID_REQUEST, "cannot_update_voice",
                    "Cannot update a conversation's voice if assistant audio is present.",
                    "session.audio.output.voice");
        }
    }

    private static void checkFormat(JsonNode format, String param) {
        if (format.isMissingNode()) {
            return;
        }
        if (!format.isObject() || !"audio/pcmu".equals(format.path("type").asText())) {
            throw ClientError.invalidValue("Invalid audio format " + format
                    + ". The emulator supports only {\"type\":\"audio/pcmu\"}.", param);
        }
    }

    private static void checkTurnDetection(JsonNode td) {
        if (td.isMissingNode() || td.isNull()) {
            return;
        }
        String param = "session.audio.input.turn_detection";
        if (!td.isObject() || !TURN_DETECTION_TYPES.contains(td.path("type").asText())) {
            throw ClientError.invalidValue("Invalid value: '" + td.path("type").asText()
                    + "'. Supported values are: 'server_vad' and 'semantic_vad'.", param + ".type");
        }
        for (String field : VAD_INTEGERS) {
            JsonNode value = td.get(field);
            if (value != null && !(value.canConvertToInt() && value.isIntegralNumber() && value.asInt() >= 0)) {
                throw ClientError.invalidValue("Invalid value for '" + field + "': expected a non-negative integer.",
                        param + "." + field);
            }
        }
    }
}
