package dev.aivoicebot.speech;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns the caller's JSON into a {@link SpeechRequest}, naming the offending field on every refusal, so
 * that nothing invalid is ever paid for upstream. Types are checked by hand rather than left to data
 * binding, which would quietly coerce {@code "speed":"fast"} or {@code "text":42}.
 */
final class SpeechRequestParser {

    static final int MAX_TEXT_CHARS = 4096;
    static final int MAX_INSTRUCTIONS_CHARS = 4096;
    /** Far above any valid body (two 4096-character fields, even fully \\u-escaped). */
    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Set<String> FIELDS = Set.of("text", "voice", "format", "instructions", "speed");

    private final SpeechVoice defaultVoice;
    private final boolean modelTakesInstructions;

    SpeechRequestParser(SpeechVoice defaultVoice, String ttsModel) {
        this.defaultVoice = defaultVoice;
        // tts-1 and tts-1-hd reject instructions (docs/protocol.md); better said by us than by a paid call.
        this.modelTakesInstructions = !ttsModel.startsWith("tts-1");
    }

    SpeechRequest parse(InputStream body) {
        JsonNode json = JsonBody.read(body, MAX_BODY_BYTES);
        if (!json.isObject()) {
            throw SpeechException.invalid(null, "the body must be a JSON object like {\"text\":\"Hello\"}");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw SpeechException.invalid(name, "unknown field '" + name + "'; allowed: text, voice, format, instructions, speed");
            }
        }
        String text = string(json, "text");
        if (text == null || text.isBlank()) {
            throw SpeechException.invalid("text", "text is required and must not be empty");
        }
        text = text.strip();
        if (text.codePointCount(0, text.length()) > MAX_TEXT_CHARS) {
            throw new SpeechException(SpeechOutcome.TEXT_TOO_LONG,
                    "text is longer than " + MAX_TEXT_CHARS + " characters", "text", Map.of());
        }
        return new SpeechRequest(text, voice(json), format(json), instructions(json), speed(json));
    }

    private SpeechVoice voice(JsonNode json) {
        String name = string(json, "voice");
        if (name == null) {
            return defaultVoice;
        }
        return SpeechVoice.fromWireName(name).orElseThrow(() ->
                SpeechException.invalid("voice", "voice must be one of " + SpeechVoice.allWireNames()));
    }

    private static AudioFormat format(JsonNode json) {
        String name = string(json, "format");
        if (name == null) {
            return AudioFormat.MP3;
        }
        return AudioFormat.fromWireName(name).orElseThrow(() ->
                SpeechException.invalid("format", "format must be one of " + AudioFormat.allWireNames()));
    }

    private String instructions(JsonNode json) {
        String instructions = string(json, "instructions");
        if (instructions == null || instructions.isBlank()) {
            return null;
        }
        if (instructions.codePointCount(0, instructions.length()) > MAX_INSTRUCTIONS_CHARS) {
            throw SpeechException.invalid("instructions", "instructions are longer than " + MAX_INSTRUCTIONS_CHARS + " characters");
        }
        if (!modelTakesInstructions) {
            throw SpeechException.invalid("instructions", "the configured TTS model does not accept instructions");
        }
        return instructions;
    }

    private static Double speed(JsonNode json) {
        JsonNode speed = json.get("speed");
        if (speed == null || speed.isNull()) {
            return null;
        }
        if (!speed.isNumber() || speed.doubleValue() < 0.25 || speed.doubleValue() > 4.0) {
            throw SpeechException.invalid("speed", "speed must be a number from 0.25 to 4.0");
        }
        return speed.doubleValue();
    }

    /** The field's string value; null when absent or JSON null; a refusal naming the field for other types. */
    private static String string(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw SpeechException.invalid(field, field + " must be a string");
        }
        return value.textValue();
    }
}
