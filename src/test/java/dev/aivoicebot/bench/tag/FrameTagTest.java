package dev.aivoicebot.bench.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FrameTagTest {

    @Test
    void aTagSurvivesTheTripThroughBase64() {
        FrameTag tag = new FrameTag(FrameTag.SPEECH, 917, 123_456, System.nanoTime(), 0, 0, -1);
        String payload = TaggedPayloads.frame(tag);
        assertEquals(216, payload.length(), "a 160-byte frame in base64");
        assertEquals(160, TaggedPayloads.decode(payload).length);
        assertEquals(tag, TaggedPayloads.headTag(payload));
        assertEquals(tag, FrameTag.readFrom(TaggedPayloads.decode(payload), 0));
    }

    @Test
    void everyFrameOfAMultiFramePayloadCarriesItsOwnTag() {
        FrameTag[] tags = new FrameTag[5];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new FrameTag(i == 4 ? FrameTag.LAST : 0, -1, 40 + i, 1_000_000L * i, 3, i, 77);
        }
        byte[] audio = TaggedPayloads.decode(TaggedPayloads.frames(tags, 5));
        assertEquals(800, audio.length);
        for (int i = 0; i < tags.length; i++) {
            assertEquals(tags[i], FrameTag.readFrom(audio, i * FrameTag.FRAME_BYTES));
        }
    }

    @Test
    void untaggedOrDamagedBytesAreNotATag() {
        byte[] silence = new byte[160];
        java.util.Arrays.fill(silence, TaggedPayloads.SILENCE);
        assertNull(FrameTag.readFrom(silence, 0));
        byte[] frame = new byte[160];
        new FrameTag(0, 1, 2, 3, 0, 0, 0).writeTo(frame, 0);
        frame[10] ^= 1;
        assertNull(FrameTag.readFrom(frame, 0), "checksum");
        assertNull(TaggedPayloads.headTag("not base64 at all, not at all, not at all!!!"));
    }
}
