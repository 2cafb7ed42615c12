package dev.aivoicebot.twilio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a Media Streams message. A {@code media} message arrives 50 times a second per call and only three of
 * its values matter ({@code event}, {@code streamSid}, {@code media.payload}), so it is read with Jackson's
 * streaming parser, skipping the rest without building objects for it. Any other message, or a {@code media}
 * message whose shape is not the expected one or with something after its object, goes through full data binding
 * into {@link TwilioInbound}, which decides what is valid and refuses anything after the object. Both paths share
 * the mapper's parser limits (see JsonLimits).
 */
final class TwilioMessageReader {

    private final ObjectMapper json;
    private final ObjectReader binding;

    TwilioMessageReader(ObjectMapper json) {
        this.json = json;
        this.binding = json.readerFor(TwilioInbound.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The message, or null for JSON {@code null}; throws on text that is not one JSON value and nothing else. */
    TwilioInbound read(String text) throws JsonProcessingException {
        TwilioInbound media = readMedia(text);
        return media != null ? media : binding.readValue(text);
    }

    /** A media message read by streaming, or null when the message needs full binding. */
    private TwilioInbound readMedia(String text) throws JsonProcessingException {
        try (JsonParser parser = json.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String event = null;
            String streamSid = null;
            String payload = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "event" -> event = stringOrNull(parser, value);
                    case "streamSid" -> streamSid = stringOrNull(parser, value);
                    case "media" -> payload = value == JsonToken.START_OBJECT ? payloadOf(parser) : null;
                    default -> parser.skipChildren();
                }
                if (("event".equals(field) && event == null) || ("media".equals(field) && payload == null)) {
                    return null; // not the plain shape: let data binding judge it
                }
            }
            if (!"media".equals(event) || payload == null || parser.nextToken() != null) {
                return null; // something after the object: data binding refuses it (non-JSON already failed here)
            }
            return new TwilioInbound(event, streamSid, null, null,
                    new TwilioInbound.Media(null, null, null, payload), null, null, null);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String source cannot fail to read
        }
    }

    private static String payloadOf(JsonParser parser) throws IOException {
        String payload = null;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("payload".equals(field)) {
                payload = stringOrNull(parser, value);
                if (payload == null) {
                    parser.skipChildren();
                    return null;
                }
            } else {
                parser.skipChildren();
            }
        }
        return payload;
    }

    private static String stringOrNull(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }
}
