package dev.aivoicebot.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The streaming read of media messages must see exactly what full data binding sees. */
class TwilioMessageReaderTest {

    private final ObjectMapper json = new ObjectMapper();
    private final TwilioMessageReader reader = new TwilioMessageReader(json);

    @Test
    void aMediaMessageKeepsEventStreamSidAndPayloadWhateverTheFieldOrder() throws Exception {
        String twilioOrder = "{\"event\":\"media\",\"sequenceNumber\":\"3\",\"media\":{\"track\":\"inbound\","
                + "\"chunk\":\"1\",\"timestamp\":\"5\",\"payload\":\"//7+\"},\"streamSid\":\"MZ1\"}";
        String payloadFirst = "{\"media\":{\"payload\":\"//7+\",\"extra\":{\"a\":[1,2]}},\"streamSid\":\"MZ1\","
                + "\"event\":\"media\"}";
        for (String text : new String[] {twilioOrder, payloadFirst}) {
            TwilioInbound message = reader.read(text);
            assertEquals("media", message.event());
            assertEquals("MZ1", message.streamSid());
            assertEquals("//7+", message.media().payload());
        }
    }

    @Test
    void otherMessagesAreBoundInFull() throws Exception {
        String start = "{\"event\":\"start\",\"streamSid\":\"MZ1\",\"start\":{\"callSid\":\"CA1\","
                + "\"customParameters\":{\"streamToken\":\"t\"}}}";
        assertEquals(json.readValue(start, TwilioInbound.class), reader.read(start));
        String mark = "{\"event\":\"mark\",\"streamSid\":\"MZ1\",\"mark\":{\"name\":\"m1\"}}";
        assertEquals("m1", reader.read(mark).mark().name());
    }

    @Test
    void oddMediaShapesGetTheSameAnswerAsDataBinding() throws Exception {
        String[] odd = {
            "{\"event\":\"media\",\"streamSid\":\"MZ1\"}",
            "{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":null}",
            "{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":{\"payload\":7}}",
            "{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":{\"payload\":null}}",
            "{\"event\":7,\"streamSid\":\"MZ1\",\"media\":{\"payload\":\"AAAA\"}}",
            "{\"streamSid\":\"MZ1\",\"media\":{\"payload\":\"AAAA\"}}",
        };
        for (String text : odd) {
            assertEquals(json.readValue(text, TwilioInbound.class), reader.read(text), text);
        }
        assertNull(reader.read("null"));
    }

    @Test
    void textThatIsNotJsonFailsLikeDataBinding() {
        assertThrows(JsonProcessingException.class, () -> reader.read("{\"event\":\"media\",\"media\":{\"payload\""));
        assertThrows(JsonProcessingException.class, () -> reader.read("not json"));
        assertThrows(JsonProcessingException.class, () -> reader.read("[1,2]"));
    }

    @Test
    void anythingAfterTheObjectFails() {
        String media = "{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":{\"payload\":\"AAAA\"}}";
        String connected = "{\"event\":\"connected\"}";
        for (String text : new String[] {media + " xyz", media + media, media + "{}", media + " 1", connected + " xyz",
                connected + connected, "null null"}) {
            assertThrows(JsonProcessingException.class, () -> reader.read(text), text);
        }
    }
}
