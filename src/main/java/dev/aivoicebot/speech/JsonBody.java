package dev.aivoicebot.speech;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request body as one JSON value, bounded in size and strict about duplicates and trailing junk. */
final class JsonBody {

    // A private reader, strict where the application-wide mapper is lenient, without changing it for others.
    private static final ObjectReader READER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBody() {
    }

    /** Reads at most {@code maxBytes}; a larger body is refused without reading the rest. */
    static JsonNode read(InputStream body, int maxBytes) {
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw new SpeechException(SpeechOutcome.REQUEST_TOO_LARGE, "the body is larger than " + maxBytes + " bytes");
        }
        if (bytes.length == 0) {
            throw new SpeechException(SpeechOutcome.INVALID_JSON, "the body is empty; send a JSON object like {\"text\":\"Hello\"}");
        }
        try {
            return READER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new SpeechException(SpeechOutcome.INVALID_JSON, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
