package dev.aivoicebot.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Picks {@code response.output_audio.delta} out of the server's event stream with Jackson's streaming parser:
 * it is most of what the server sends during an answer, and a phone call needs only four of its top-level
 * strings. Anything else (or a delta of an unexpected shape) is left to the tree parser by returning null.
 */
final class AudioDeltaReader {

    static final String TYPE = "response.output_audio.delta";

    /** The parts of an audio delta the call uses. */
    record AudioDelta(String responseId, String itemId, String delta) {
    }

    private final JsonFactory factory;

    AudioDeltaReader(JsonFactory factory) {
        this.factory = factory;
    }

    /** The delta, or null when {@code text} is another event, not an object, or not JSON at all. */
    AudioDelta read(String text) {
        try (JsonParser parser = factory.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String type = null;
            String responseId = null;
            String itemId = null;
            String delta = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value != JsonToken.VALUE_STRING) {
                    parser.skipChildren();
                    continue;
                }
                switch (field) {
                    case "type" -> {
                        type = parser.getText();
                        if (!TYPE.equals(type)) {
                            return null; // not a delta: stop reading here
                        }
                    }
                    case "response_id" -> responseId = parser.getText();
                    case "item_id" -> itemId = parser.getText();
                    case "delta" -> delta = parser.getText();
                    default -> {
                        // event_id, output_index, content_index: not needed to play the audio
                    }
                }
            }
            return TYPE.equals(type) ? new AudioDelta(responseId, itemId, delta) : null;
        } catch (IOException e) {
            return null; // the tree parser reports what is wrong with it
        }
    }
}
