package dev.aivoicebot.emulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * What the emulator answers an out-of-band text request with, having no model: a sentence about the conversation
 * it holds, or, when the instructions carry a JSON Schema (an object with {@code properties}), the smallest JSON
 * instance of it, with that sentence in its string fields. Enough for a summary step to run end to end.
 */
final class OutOfBandAnswers {

    private final ObjectMapper json;
    private final Conversation conversation;

    OutOfBandAnswers(ObjectMapper json, Conversation conversation) {
        this.json = json;
        this.conversation = conversation;
    }

    String answer(String instructions) {
        String sentence = "The caller took " + conversation.callerTurns()
                + " turn(s); this is the emulator's summary, made without a model.";
        JsonNode schema = schemaIn(instructions == null ? "" : instructions);
        return schema == null ? sentence : instance(schema, sentence).toString();
    }

    /** The first JSON object in the text that looks like a schema, or null. */
    private JsonNode schemaIn(String text) {
        for (int at = text.indexOf('{'); at >= 0; at = text.indexOf('{', at + 1)) {
            try (JsonParser parser = json.getFactory().createParser(text.substring(at))) {
                JsonNode node = json.readTree(parser);
                if (node != null && node.path("properties").isObject()) {
                    return node;
                }
            } catch (IOException notJsonHere) {
                // try the next brace
            }
        }
        return null;
    }

    private JsonNode instance(JsonNode schema, String sentence) {
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        return switch (schema.path("type").asText("")) {
            case "object" -> {
                ObjectNode object = json.createObjectNode();
                schema.path("properties").fields().forEachRemaining(property ->
                        object.set(property.getKey(), instance(property.getValue(), sentence)));
                yield object;
            }
            case "array" -> json.createArrayNode();
            case "boolean" -> json.getNodeFactory().booleanNode(true);
            case "integer", "number" -> json.getNodeFactory().numberNode(1);
            case "null" -> json.getNodeFactory().nullNode();
            default -> json.getNodeFactory().textNode(sentence);
        };
    }
}
