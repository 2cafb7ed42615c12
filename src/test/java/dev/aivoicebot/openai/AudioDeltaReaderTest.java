package dev.aivoicebot.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;

class AudioDeltaReaderTest {

    private final AudioDeltaReader reader = new AudioDeltaReader(new JsonFactory());

    @Test
    void readsTheFourFieldsInAnyOrder() {
        String delta = "{\"content_index\":0,\"delta\":\"//7+\",\"event_id\":\"event_1\",\"item_id\":\"item_1\","
                + "\"output_index\":0,\"response_id\":\"resp_1\",\"type\":\"response.output_audio.delta\"}";
        assertEquals(new AudioDeltaReader.AudioDelta("resp_1", "item_1", "//7+"), reader.read(delta));
    }

    @Test
    void leavesEverythingElseToTheTreeParser() {
        assertNull(reader.read("{\"type\":\"response.done\",\"response\":{\"id\":\"resp_1\"}}"));
        assertNull(reader.read("{\"delta\":\"AAAA\"}"));
        assertNull(reader.read("[1]"));
        assertNull(reader.read("not json"));
        assertNull(reader.read("{\"type\":\"response.output_audio.delta\",\"delta\":"));
    }
}
